#!/usr/bin/env bash
# Idempotent set-up for KPI Sandbox. Installs only what is missing, so a warm
# machine spends seconds and a cold one ~15 minutes (trunk and wasm-bindgen-cli
# are compiled from source). Usage: scripts/setup.sh [build|browser|all]
#   build   — wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, npm dev dependencies
#   browser — build + Debian chromium, chromium-driver and a CJK font
#   all     — browser + Debian libreoffice-calc-nogui (the spreadsheet oracle, make test-sheets)
set -euo pipefail
what="${1:-all}"
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Splits the page's wasm into one chunk per workspace (scripts/split.mjs, #16).
SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WB_VERSION="${WB_VERSION:-0.2.130}"

log() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (cold machine: ~10 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION (cold machine: ~5 min)"
  # --locked fails against the registry mirror (webpki-roots), so it is left off.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$SPLIT_VERSION:"; then
  log "installing wasm-split-cli (wasm_split_cli_support $SPLIT_VERSION; cold machine: ~3 min)"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked --force
fi

# `trunk serve/build --offline` passes --offline to cargo: every crate the
# page, the worker and the tests use must already be in cargo's cache.
log "fetching the project's crates (cargo fetch --locked)"
cargo fetch --locked

if [ -f package.json ]; then
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/hyperformula ] || [ package-lock.json -nt node_modules/.stamp ]; then
    log "installing npm dev dependencies"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
    touch node_modules/.stamp
  fi
fi

if [ "$what" = browser ] || [ "$what" = all ]; then
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk' || need+=(fonts-wqy-microhei)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing Debian packages: ${need[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
if [ "$what" = all ] && ! command -v soffice >/dev/null 2>&1; then
  log "installing Debian package: libreoffice-calc-nogui (~70 s)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi
log "ready"
