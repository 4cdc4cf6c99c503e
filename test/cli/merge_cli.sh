#!/usr/bin/env bash
# agentmerge merge from the command line: exit codes, atomic outputs, order
# independence, stdout default. Usage: merge_cli.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
srcs=(data/backend-architect/*.md)

# Usage errors: exit 2, nothing written.
"$bin" merge >/dev/null 2>&1; [ $? -eq 2 ] || fail "no sources should exit 2"
"$bin" merge "${srcs[@]}" --tools everything -o "$tmp/x.md" 2>/dev/null; [ $? -eq 2 ] || fail "bad --tools should exit 2"
"$bin" merge "${srcs[@]}" --primary nope.md -o "$tmp/x.md" 2>/dev/null; [ $? -eq 2 ] || fail "unknown --primary should exit 2"
[ ! -e "$tmp/x.md" ] || fail "a usage error wrote output"

# Unreadable input: exit 3, the error names the file, nothing written.
"$bin" merge "${srcs[@]}" missing.md -o "$tmp/x.md" --report "$tmp/x.json" 2>"$tmp/err"
[ $? -eq 3 ] || fail "missing input should exit 3"
grep -q "missing.md" "$tmp/err" || fail "error should name the missing file"
[ ! -e "$tmp/x.md" ] && [ ! -e "$tmp/x.json" ] || fail "a failed merge wrote output"

# Success (0, or 1 with decisions to review); output and report written.
"$bin" merge "${srcs[@]}" -o "$tmp/a.md" --report "$tmp/a.json" 2>"$tmp/summary"
rc=$?; [ $rc -le 1 ] || fail "merge of data/ exited $rc"
grep -q "source blocks" "$tmp/summary" || fail "summary missing on stderr"
[ -s "$tmp/a.md" ] && [ -s "$tmp/a.json" ] || fail "outputs missing"
grep -q '"schema": "agentmerge-merge-report/1"' "$tmp/a.json" || fail "report schema tag missing"

# Order does not matter; stdout is the default output.
rev=(); for ((i=${#srcs[@]}-1; i>=0; i--)); do rev+=("${srcs[i]}"); done
"$bin" merge "${rev[@]}" >"$tmp/b.md" 2>/dev/null
cmp -s "$tmp/a.md" "$tmp/b.md" || fail "reversed inputs gave a different merge"

# A config file is read; an invalid one is an error with its line.
printf 'thresholds:\n  fold: 2\n' >"$tmp/bad.yaml"
"$bin" merge "${srcs[@]}" --config "$tmp/bad.yaml" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] || fail "bad --config should exit 2"
grep -q "bad.yaml:2" "$tmp/err" || fail "config error should say file:line"
echo "merge_cli: ok"
