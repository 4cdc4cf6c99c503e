#!/usr/bin/env bash
# scan: exit codes, unreadable inputs, symlink loops, and --jobs giving the
# same answer as a single thread.
set -euo pipefail
bin="$(realpath "$1")"
fixture="$(realpath data/cases/scan/mixed-tree/input)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Usage errors: exit 2.
set +e
"$bin" scan >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "no path should be a usage error"
"$bin" scan "$fixture" --jobs 0 >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "--jobs 0 should be a usage error"
set -e

# The fixture tree: exit 0, two duplicate clusters.
"$bin" scan "$fixture" >"$tmp/table.txt"
grep -q "^scanned 9 files: 5 clusters, 2 with duplicates" "$tmp/table.txt" || fail "fixture summary"

# Same result with one job and with four (order independent, in input order).
"$bin" scan "$fixture" --json --jobs 1 >"$tmp/one.json"
"$bin" scan "$fixture" --json --jobs 4 >"$tmp/four.json"
cmp -s "$tmp/one.json" "$tmp/four.json" || fail "--jobs changes the output"

# An unreadable input (NUL byte) and a missing path: exit 3, others still scanned.
cp -r "$fixture" "$tmp/tree"
printf -- '---\nname: broken\n---\nnul \0 here\n' >"$tmp/tree/broken.md"
set +e
"$bin" scan "$tmp/tree" "$tmp/missing" --json >"$tmp/bad.json" 2>"$tmp/bad.err"
rc=$?
set -e
[[ $rc -eq 3 ]] || fail "unreadable input should exit 3, got $rc"
grep -q "broken.md" "$tmp/bad.err" || fail "the unreadable file is not named on stderr"
grep -q "missing" "$tmp/bad.err" || fail "the missing path is not named on stderr"
python3 - "$tmp/bad.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["files"] == 9, doc["files"]
assert len(doc["unreadable"]) == 2, doc["unreadable"]
PY

# A symlink loop is not followed (and never loops even when asked to follow).
ln -s .. "$tmp/tree/misc/loop"
"$bin" scan "$tmp/tree/misc" >"$tmp/loop.txt" 2>/dev/null || true
grep -q "^scanned 4 files" "$tmp/loop.txt" || fail "symlinked folder followed by default"
timeout 20 "$bin" scan "$tmp/tree/misc" --follow-symlinks >"$tmp/loop2.txt" 2>/dev/null || true
grep -q "^scanned" "$tmp/loop2.txt" || fail "--follow-symlinks did not finish"
echo ok
