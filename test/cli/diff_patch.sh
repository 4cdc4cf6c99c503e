#!/usr/bin/env bash
# Round trip of `agentmerge diff --format unified`: for every golden case in
# data/cases/diff/, patching A's canonical form (agentmerge fmt) with the
# unified diff gives B's canonical form, byte for byte.
# Usage: diff_patch.sh path/to/agentmerge   (from the project root)
set -uo pipefail
BIN=${1:?usage: diff_patch.sh path/to/agentmerge}
command -v patch >/dev/null || { echo "SKIP: patch(1) is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
cases=0
for dir in data/cases/diff/*/; do
  a=$(ls "$dir" | grep -E '^a\.' | grep -v expected | head -1)
  b=$(ls "$dir" | grep -E '^b\.' | grep -v expected | head -1)
  [ -n "$a" ] && [ -n "$b" ] || continue
  cases=$((cases + 1))
  "$BIN" fmt "$dir$a" >"$work/a.canon" || { echo "FAIL: fmt $dir$a"; fails=$((fails + 1)); continue; }
  "$BIN" fmt "$dir$b" >"$work/b.canon" || { echo "FAIL: fmt $dir$b"; fails=$((fails + 1)); continue; }
  status=0
  "$BIN" diff --format unified "$dir$a" "$dir$b" >"$work/d.patch" || status=$?
  if [ "$status" -gt 1 ]; then echo "FAIL: diff exited $status on $dir"; fails=$((fails + 1)); continue; fi
  cp "$work/a.canon" "$work/patched"
  if [ -s "$work/d.patch" ]; then
    patch --quiet --no-backup-if-mismatch "$work/patched" <"$work/d.patch" ||
      { echo "FAIL: patch rejected the diff of $dir"; fails=$((fails + 1)); continue; }
  fi
  if cmp -s "$work/patched" "$work/b.canon"; then
    echo "ok: $dir"
  else
    echo "FAIL: $dir: patched A differs from canonical B"
    diff -u "$work/b.canon" "$work/patched" | head -20
    fails=$((fails + 1))
  fi
done
[ "$cases" -gt 0 ] || { echo "FAIL: no cases found under data/cases/diff"; exit 1; }
[ "$fails" -eq 0 ]
