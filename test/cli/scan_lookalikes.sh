#!/usr/bin/env bash
# scan keeps role look-alikes apart: a synthetic tree (test/bench/gen_tree.py
# --lookalikes) where every third family has a twin named for another job on
# the same field ("<field>-engineer" / "<field>-scientist") that shares half
# its sections word for word. Pairwise precision and recall of the clusters
# against the generator's truth are printed; the floors are below what
# scan measures (1.0 and 1.0 at seeds 1 to 3), so a change that lets the
# boilerplate chain two roles fails here. Before job titles were read past
# a trailing "-pro"/"-specialist", seed 1 gave precision 0.908.
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for seed in 1 2 3; do
  python3 "$here/../bench/gen_tree.py" 600 "$tmp/tree-$seed" --seed "$seed" --lookalikes >/dev/null
  "$bin" scan "$tmp/tree-$seed" --json >"$tmp/scan-$seed.json" 2>/dev/null
  score="$(python3 "$here/../bench/score_clusters.py" "$tmp/scan-$seed.json" "$tmp/tree-$seed")"
  echo "seed $seed: $score"
  python3 - "$score" <<'PY'
import sys
words = sys.argv[1].split()
precision, recall = float(words[2]), float(words[4])
assert precision >= 0.98, f"look-alike roles were merged: precision {precision}"
assert recall >= 0.95, f"variants of one role were kept apart: recall {recall}"
PY
done
