#!/usr/bin/env bash
# Scaling benchmark: generates synthetic variant trees (gen_tree.py) of 1k,
# 10k and 100k files and prints two tables: `scan --json` (wall time,
# files/s, peak memory from /usr/bin/time -v, the clusters' pairwise
# precision and recall against the generator's truth) and
# `migrate --dry-run` (wall time, microseconds of wall time per file, CPU
# time, peak memory). Not a ctest test.
#
#   test/bench/scale.sh build/agentmerge [SIZE...]        (default 1000 10000 100000)
#
# Trees go to $AGENTMERGE_BENCH_DIR (default /tmp/agentmerge-scale) and are
# reused by later runs; 100k files take about 400 MB of disk.
set -euo pipefail
bin="$(realpath "${1:?usage: scale.sh path/to/agentmerge [SIZE...]}")"
shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
here="$(cd "$(dirname "$0")" && pwd)"
root="${AGENTMERGE_BENCH_DIR:-/tmp/agentmerge-scale}"
mkdir -p "$root"
[[ -x /usr/bin/time ]] || { echo "scale.sh needs /usr/bin/time (Debian package 'time')"; exit 1; }

printf "%-8s %8s %10s %9s %9s %10s %8s\n" files "wall s" "files/s" "user s" "peak MB" precision recall
for n in "${sizes[@]}"; do
  tree="$root/$n"
  if [[ ! -f "$tree/truth.tsv" ]]; then
    rm -rf "$tree"
    python3 "$here/gen_tree.py" "$n" "$tree" >/dev/null
  fi
  "$bin" scan "$tree" --json >/dev/null 2>&1 || true  # warm the page cache
  /usr/bin/time -v -o "$root/time-$n.txt" "$bin" scan "$tree" --json >"$root/scan-$n.json" 2>/dev/null
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$root/time-$n.txt")"
  secs="$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }')"
  user="$(awk -F': ' '/User time/ {print $2}' "$root/time-$n.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$root/time-$n.txt")"
  score="$(python3 "$here/score_clusters.py" "$root/scan-$n.json" "$tree")"
  precision="$(awk '{print $3}' <<<"$score")"
  recall="$(awk '{print $5}' <<<"$score")"
  printf "%-8s %8.2f %10.0f %9.2f %9.1f %10s %8s\n" "$n" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN { print (s > 0 ? n / s : 0) }')" \
    "$user" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$precision" "$recall"
done
# Seconds of a /usr/bin/time -v log's wall clock ("m:ss.ss" or "h:mm:ss").
seconds() {
  local wall
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1")"
  awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }'
}

echo
printf "%-8s %8s %10s %9s %9s   (migrate --dry-run)\n" files "wall s" "us/file" "user s" "peak MB"
for n in "${sizes[@]}"; do
  tree="$root/$n"
  log="$root/time-migrate-$n.txt"
  /usr/bin/time -v -o "$log" "$bin" migrate "$tree" --out "$root/out-$n" --dry-run --quiet \
    >/dev/null 2>&1 || true
  secs="$(seconds "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  printf "%-8s %8.2f %10.1f %9.2f %9.1f\n" "$n" "$secs" \
    "$(awk -v n="$n" -v s="$secs" 'BEGIN { print s * 1e6 / n }')" "$user" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
echo "cores: $(nproc); jobs: default (the core count); trees in $root"
