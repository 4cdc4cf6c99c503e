#!/usr/bin/env bash
# `agentmerge review` and `merge --html/--explain` on the command line: the
# page is written (atomically) and self-contained, the explanation names
# every source, an unreadable input writes nothing (exit 3), a missing --html
# is a usage error (exit 2).
# Usage: review_cli.sh path/to/agentmerge   (from the project root)
set -uo pipefail
BIN=${1:?usage: review_cli.sh path/to/agentmerge}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
inputs=(data/backend-architect/*.md)
[ -e "${inputs[0]}" ] || { echo "SKIP: data/backend-architect is missing"; exit 77; }

status=0
"$BIN" review "${inputs[@]}" --html "$work/page.html" --explain 2>"$work/err" || status=$?
[ "$status" -le 1 ] || fail "review exited $status"
[ -s "$work/page.html" ] || fail "no page"
head -c 15 "$work/page.html" | grep -q '<!doctype html>' || fail "not an HTML document"
if grep -Eq '<(script|link|img)[^>]*(src|href)=' "$work/page.html"; then fail "page loads external resources"; fi
for f in "${inputs[@]}"; do
  grep -q "^$f (" "$work/err" || fail "--explain does not account for $f"
done
ls -a "$work" | grep -q '\.tmp-' && fail "a temporary file was left behind"

status=0
"$BIN" merge "${inputs[@]}" -o "$work/merged.md" --html "$work/merge.html" 2>/dev/null || status=$?
[ "$status" -le 1 ] || fail "merge --html exited $status"
[ -s "$work/merge.html" ] || fail "merge --html wrote no page"
cmp -s "$work/page.html" "$work/merge.html" || fail "review and merge --html disagree on the same inputs"

status=0
"$BIN" review "${inputs[@]}" "$work/missing.md" --html "$work/none.html" 2>"$work/err" || status=$?
[ "$status" = 3 ] || fail "an unreadable input must exit 3 (got $status)"
[ -e "$work/none.html" ] && fail "a page was written although an input was unreadable"
grep -q missing.md "$work/err" || fail "the unreadable input is not named"

status=0
"$BIN" review "${inputs[@]}" 2>/dev/null || status=$?
[ "$status" = 2 ] || fail "review without --html must exit 2 (got $status)"
echo ok
