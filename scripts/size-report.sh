#!/usr/bin/env bash
# Prints the bundle size (wasm + js, raw and gzip -9) and fails above a budget.
# Usage: scripts/size-report.sh DIST_DIR BUDGET_KB
set -euo pipefail
dir="${1:-dist}"; budget_kb="${2:-900}"
shopt -s nullglob
files=("$dir"/*.wasm "$dir"/*.js)
[ ${#files[@]} -gt 0 ] || { echo "size: no wasm/js in $dir (build first)"; exit 1; }
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' "bundle file" "raw B" "gzip B"
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "total" "$total_raw" "$total_gz"
budget=$((budget_kb * 1024))
awk -v gz="$total_gz" -v raw="$total_raw" -v b="$budget_kb" \
  'BEGIN { printf "bundle: %.1f KB gzip of %d KB budget (%.1f KB raw)\n", gz/1024, b, raw/1024 }'
if [ "$total_gz" -gt "$budget" ]; then
  echo "size: over budget by $(( (total_gz - budget) / 1024 )) KB"; exit 1
fi
