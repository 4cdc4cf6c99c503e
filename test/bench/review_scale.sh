#!/usr/bin/env bash
# Scale check of the review page (a benchmark, not a pass/fail test): N
# synthetic variants of a large agent (default 20 variants of about 100 KB),
# merged with `agentmerge review`; prints the time to build the page, its
# size, and the time headless chromium needs to load it and run its script.
# Usage: test/bench/review_scale.sh path/to/agentmerge [variants] [sections]
set -uo pipefail
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
BIN=${1:?usage: review_scale.sh path/to/agentmerge [variants] [sections]}
N=${2:-20}
SECTIONS=${3:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Variant v keeps most bullets, rewords some and adds its own, so the merge
# has kept, folded and unique blocks from every source.
for v in $(seq 1 "$N"); do
  awk -v v="$v" -v sections="$SECTIONS" 'BEGIN {
    srand(v * 7919);
    printf "---\nname: large-agent\ndescription: Variant %d of a large synthetic agent.\ntools: Read, Grep\n---\n\n# Large Agent\n\n", v;
    for (s = 1; s <= sections; s++) {
      printf "## Topic %d\n\nThis section covers topic %d in depth, with its own checklist.\n\n", s, s;
      for (i = 1; i <= 24; i++) {
        r = rand();
        if (r < 0.08) continue;
        if (r < 0.18) printf "- Item %d of topic %d, worded by variant %d with extra care\n", i, s, v;
        else printf "- Item %d of topic %d: check the inputs, the outputs and the failure modes\n", i, s;
      }
      if (rand() < 0.2) printf "- A point only variant %d makes about topic %d\n", v, s;
      printf "\n";
    }
  }' >"$work/variant-$v.md"
done
size=$(cat "$work"/variant-1.md | wc -c)
echo "inputs: $N variants, $(du -cb "$work"/variant-*.md | tail -1 | cut -f1) bytes ($size bytes each)"

start=$(now)
status=0
"$BIN" review "$work"/variant-*.md --html "$work/review.html" --report "$work/report.json" 2>/dev/null || status=$?
end=$(now)
[ "$status" -le 1 ] || { echo "agentmerge review failed ($status)"; exit 1; }
echo "review page: $(wc -c <"$work/review.html") bytes, built in $(elapsed "$start" "$end") s (merge included)"
grep -o '"\(source_blocks\|output_blocks\|folded\)": [0-9]*' "$work/report.json" | head -3 | tr '\n' ' '; echo

CHROME=$(command -v chromium || true)
if [ -n "$CHROME" ]; then
  start=$(now)
  timeout 300 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --dump-dom "file://$work/review.html" 2>/dev/null >"$work/dom.html" ||
    echo "chromium failed or timed out"
  end=$(now)
  grep -q 'data-ready="1"' "$work/dom.html" && ready=yes || ready=no
  echo "chromium: loaded and scripted in $(elapsed "$start" "$end") s (script ran: $ready)"
fi
