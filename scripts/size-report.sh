#!/usr/bin/env bash
# Prints the bundle size (wasm + js, raw and gzip -9) and fails above a budget.
# The page's bundle (what the first load fetches), the workspaces' chunks
# (split-*: the loader and one wasm per workspace, fetched when a tab is first
# opened or in the background once the page is idle; scripts/split.mjs) and
# the Web Worker's files (worker-*.js/.wasm, fetched on first use only) are
# counted apart, each against its own budget.
# Usage: scripts/size-report.sh DIST_DIR BUDGET_KB [WORKER_BUDGET_KB] [CHUNKS_BUDGET_KB]
set -euo pipefail
dir="${1:-dist}"; budget_kb="${2:-900}"; worker_budget_kb="${3:-0}"; chunks_budget_kb="${4:-0}"
shopt -s nullglob
page=(); worker=(); chunks=()
for f in "$dir"/*.wasm "$dir"/*.js; do
  case "$(basename "$f")" in
    worker-*) worker+=("$f") ;;
    split-*) chunks+=("$f") ;;
    *) page+=("$f") ;;
  esac
done
[ ${#page[@]} -gt 0 ] || { echo "size: no wasm/js in $dir (build first)"; exit 1; }
fail=0
# report LABEL BUDGET_KB FILES...: prints the table; sets fail=1 above budget.
report() {
  local label="$1" kb="$2"; shift 2
  local total_raw=0 total_gz=0 raw gz f
  printf '%-48s %10s %10s\n' "$label file" "raw B" "gzip B"
  for f in "$@"; do
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
  done
  printf '%-48s %10d %10d\n' "total" "$total_raw" "$total_gz"
  awk -v gz="$total_gz" -v raw="$total_raw" -v b="$kb" -v l="$label" \
    'BEGIN { printf "%s: %.1f KB gzip of %d KB budget (%.1f KB raw)\n", l, gz/1024, b, raw/1024 }'
  if [ "$total_gz" -gt $((kb * 1024)) ]; then
    echo "size: $label over budget by $(( (total_gz - kb * 1024) / 1024 )) KB"; fail=1
  fi
}
# The loader script (split-<h>.js) is imported by the page's glue, so it is
# part of the first load; the chunks' wasm is not.
for f in "${chunks[@]}"; do
  case "$f" in *.js) page+=("$f") ;; esac
done
report bundle "$budget_kb" "${page[@]}"
if [ ${#chunks[@]} -gt 0 ]; then
  echo
  wasm_chunks=()
  for f in "${chunks[@]}"; do case "$f" in *.wasm) wasm_chunks+=("$f") ;; esac; done
  report chunks "$chunks_budget_kb" "${wasm_chunks[@]}"
elif [ "$chunks_budget_kb" -gt 0 ]; then
  echo "size: no split-* chunks in $dir (the page was not split)"; fail=1
fi
if [ ${#worker[@]} -gt 0 ]; then
  echo
  report worker "$worker_budget_kb" "${worker[@]}"
elif [ "$worker_budget_kb" -gt 0 ]; then
  echo "size: no worker-* files in $dir"; fail=1
fi
exit "$fail"
