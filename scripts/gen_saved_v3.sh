#!/bin/sh
# Writes the frozen version-3 fixtures (tests/fixtures/saved/*_v3*) with the
# code of commit 0e5aaf7, the last one whose saved format came from the
# model's own serde derives. Usage: scripts/gen_saved_v3.sh [CHECKOUT]
# CHECKOUT is a directory holding that commit's tree (default: this one,
# which must then be at 0e5aaf7), e.g. made with
#   git archive 0e5aaf7 | tar -x -C /tmp/kpi-0e5aaf7
# The fixtures are never regenerated once committed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$here}
out="$here/tests/fixtures/saved"
mkdir -p "$src/examples"
cp "$here/scripts/gen_saved_v3.rs" "$src/examples/gen_saved_v3.rs"
mkdir -p "$src/scripts"
[ -f "$src/scripts/saved_v3_data.rs" ] || cp "$here/scripts/saved_v3_data.rs" "$src/scripts/"
trap 'rm -f "$src/examples/gen_saved_v3.rs"; rmdir "$src/examples" 2>/dev/null || true' EXIT
(cd "$src" && cargo run --quiet --example gen_saved_v3 -- "$out")
