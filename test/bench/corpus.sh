#!/usr/bin/env bash
# Corpus benchmark: wall time, CPU time and peak memory of `agentmerge scan`,
# `convert --to opencode` and `migrate --dry-run` over ../shared/corpus, each
# next to `cmark` run over the same bytes in the same run (the raw Markdown
# parse every approach pays). Each command runs RUNS times (default 3) after
# one warm-up; the median wall time is reported. Not a ctest test.
#
#   test/bench/corpus.sh build/agentmerge [CORPUS_DIR]
#
# Exit 77 (skip) when the corpus is absent.
set -euo pipefail
bin="$(realpath "${1:?usage: corpus.sh path/to/agentmerge [CORPUS_DIR]}")"
corpus="${2:-../shared/corpus}"
runs="${RUNS:-3}"
if [[ ! -d "$corpus" ]]; then
  echo "skip: $corpus is absent"
  exit 77
fi
for tool in cmark /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "corpus.sh needs $tool"; exit 1; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The same files scan reads: every *.md below the corpus (no *.txt there).
mapfile -d '' files < <(find "$corpus" -type f -name '*.md' -print0 | sort -z)
bytes="$(cat "${files[@]}" | wc -c)"
echo "corpus: ${#files[@]} files, $bytes bytes; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# measure NAME COMMAND...: prints median wall s, median user+sys s, max RSS MB.
measure() {
  local name="$1"; shift
  "$@" >/dev/null 2>&1 || true  # warm-up (and page cache)
  local i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t.$i" "$@" >/dev/null 2>"$tmp/err" || true
  done
  cat "$tmp"/t.* | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip() and not l.startswith("Command")]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = max(r[3] for r in rows) / 1024
print(f"{wall:.3f} {cpu:.3f} {rss:.1f}")' >"$tmp/res-$name"
  rm -f "$tmp"/t.*
}

implemented() {  # a subcommand that is still a placeholder says so
  ! "$bin" "$1" --help 2>&1 | grep -q "not yet implemented"
}

measure cmark cmark "${files[@]}"
read -r cm_wall cm_cpu cm_rss <"$tmp/res-cmark"
printf "\n%-26s %8s %8s %8s %10s %10s\n" command "wall s" "cpu s" "peak MB" "wall/cmark" "cpu/cmark"
row() {
  read -r w c r <"$tmp/res-$1"
  printf "%-26s %8.3f %8.3f %8.1f %10s %10s\n" "$2" "$w" "$c" "$r" \
    "$(awk -v a="$w" -v b="$cm_wall" 'BEGIN { printf "%.1fx", a / b }')" \
    "$(awk -v a="$c" -v b="$cm_cpu" 'BEGIN { printf "%.1fx", a / b }')"
}
row cmark "cmark (same bytes)"

measure scan "$bin" scan "$corpus" --json
row scan "scan"
measure scan1 "$bin" scan "$corpus" --json --jobs 1
row scan1 "scan --jobs 1"

if implemented convert; then
  measure convert "$bin" convert "$corpus" --to opencode --out "$tmp/out-convert"
  row convert "convert --to opencode"
else
  echo "convert: not implemented in this build; skipped"
fi
if implemented migrate; then
  measure migrate "$bin" migrate "$corpus" --out "$tmp/out-migrate" --dry-run
  row migrate "migrate --dry-run"
else
  echo "migrate: not implemented in this build; skipped"
fi
