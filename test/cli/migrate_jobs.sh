#!/usr/bin/env bash
# migrate writes the same folder whatever the number of workers: clusters are
# handed out largest first, but every output, the report and the manifest
# stay in plan order. Checked on data/ (two unreadable files among them:
# exit 3 both times) and, when present, on
# ../shared/corpus (755 clusters of 1 to 9 members), with --jobs 1 and 3.
# Usage: migrate_jobs.sh path/to/agentmerge   (run from the source folder)
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

check_tree() {
  local name=$1 src=$2
  "$bin" migrate "$src" --out "$tmp/$name-1" --jobs 1 --quiet 2>/dev/null
  local one=$?
  "$bin" migrate "$src" --out "$tmp/$name-3" --jobs 3 --quiet 2>/dev/null
  local three=$?
  [ "$one" -eq "$three" ] || fail "$name: exit $one with --jobs 1, $three with --jobs 3"
  local files
  files=$(find "$tmp/$name-1" -type f | wc -l)
  [ "$files" -gt 2 ] || fail "$name: only $files files written"
  diff -r "$tmp/$name-1" "$tmp/$name-3" >"$tmp/$name.diff" ||
    fail "$name: --jobs 1 and --jobs 3 differ: $(head -20 "$tmp/$name.diff")"
  echo "$name: $files files identical with --jobs 1 and --jobs 3"
}

check_tree data data
if [ -d ../shared/corpus ]; then
  check_tree corpus ../shared/corpus
else
  echo "note: ../shared/corpus is absent; checked data/ only"
fi
