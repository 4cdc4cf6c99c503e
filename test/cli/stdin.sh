#!/usr/bin/env bash
# "-" is standard input for dump, fmt, lint, diff, merge and review;
# --stdin-filename names it in messages and decides the format by its path.
# Usage: stdin.sh path/to/agentmerge
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
printf -- '---\nname: x\ndescription: Does x\ntools: Bsh\n---\n# X\n* one\n' > "$tmp/x.md"

out=$("$bin" dump --json - < "$tmp/x.md") || fail "dump - exited $?"
[[ $out == *'"source": "<stdin>"'* ]] || fail "dump -: source is not <stdin>"
out=$("$bin" fmt - < "$tmp/x.md" 2> /dev/null) || fail "fmt - exited $?"
[[ $out == *$'\n- one'* ]] || fail "fmt - did not write the canonical form: $out"
"$bin" fmt --in-place - < "$tmp/x.md" > /dev/null 2>&1; rc=$?
[[ $rc -eq 2 ]] || fail "fmt --in-place - exited $rc, wanted 2"
out=$("$bin" lint - < "$tmp/x.md"); rc=$?
[[ $rc -eq 1 && $out == "<stdin>:4: warning: unknown tool 'Bsh' for claude"* ]] || fail "lint -: rc=$rc $out"
out=$("$bin" lint --stdin-filename .opencode/agent/x.md - < "$tmp/x.md")
[[ $out == ".opencode/agent/x.md:4: warning: unknown tool 'Bsh' for opencode"* ]] \
  || fail "--stdin-filename did not name the input and set its format: $out"
"$bin" diff - "$tmp/x.md" < "$tmp/x.md" > /dev/null || fail "diff - FILE of the same bytes differs"
"$bin" merge - "$tmp/x.md" -o "$tmp/m.md" -q < "$tmp/x.md"; rc=$?
[[ $rc -le 1 && -s $tmp/m.md ]] || fail "merge - FILE: exit $rc"
"$bin" diff - - < "$tmp/x.md" > /dev/null 2> "$tmp/err"; rc=$?
[[ $rc -eq 3 ]] && grep -q "read only once" "$tmp/err" || fail "diff - -: rc=$rc $(cat "$tmp/err")"
head -c 2000 /dev/zero | tr '\0' 'a' | "$bin" lint --max-bytes 1000 - > "$tmp/big" 2>&1; rc=$?
[[ $rc -eq 3 ]] && grep -q "too-large" "$tmp/big" || fail "a large stdin: rc=$rc $(cat "$tmp/big")"
echo "stdin: ok"
