#!/usr/bin/env bash
# `agentmerge diff` exit status and options: 0 same, 1 different, 2 usage,
# 3 unreadable (both problems reported); --semantic; colour rules.
# Usage: diff_exit.sh path/to/agentmerge   (from the project root)
set -uo pipefail
BIN=${1:?usage: diff_exit.sh path/to/agentmerge}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { "$BIN" "$@" >"$work/out" 2>"$work/err"; echo $?; }
F=data/cases/diff/formatting-only

[ "$(run diff "$F/a.md" "$F/a.md")" = 0 ] || fail "a file against itself must exit 0"
grep -qx identical "$work/out" || fail "a file against itself must say identical"
[ "$(run diff "$F/a.md" "$F/b.md")" = 1 ] || fail "layout-only differences exit 1 without --semantic"
[ "$(run diff --semantic "$F/a.md" "$F/b.md")" = 0 ] || fail "layout-only differences exit 0 with --semantic"
[ "$(run diff --semantic --format json "$F/a.md" "$F/b.md")" = 0 ] || fail "--format must not change the status"
grep -q '"same": true' "$work/out" || fail "json must say same"
[ "$(run diff data/cases/diff/moved-renamed/a.md data/cases/diff/moved-renamed/b.md)" = 1 ] ||
  fail "different files exit 1"

sed 's/$/\r/' "$F/b.md" >"$work/crlf.md"
[ "$(run diff "$F/b.md" "$work/crlf.md")" = 1 ] || fail "CRLF against LF exits 1 without --semantic"
grep -q 'line-endings' "$work/out" || fail "CRLF against LF must name line-endings"
[ "$(run diff --semantic "$F/b.md" "$work/crlf.md")" = 0 ] || fail "CRLF against LF is the same with --semantic"

[ "$(run diff "$F/a.md")" = 2 ] || fail "one file is a usage error"
[ "$(run diff --format xml "$F/a.md" "$F/b.md")" = 2 ] || fail "unknown format is a usage error"
[ "$(run diff "$work/missing1.md" "$work/missing2.md")" = 3 ] || fail "missing files exit 3"
grep -q missing1 "$work/err" && grep -q missing2 "$work/err" || fail "both unreadable files are reported"
printf -- '---\nname: x\n' >"$work/unterminated.md"
[ "$(run diff "$work/unterminated.md" "$F/a.md")" = 3 ] || fail "unterminated frontmatter exits 3"
grep -q "unterminated.md" "$work/err" || fail "the error names the file"

M=data/cases/diff/moved-renamed
run diff --color always "$M/a.md" "$M/b.md" >/dev/null
grep -q $'\033\[' "$work/out" || fail "--color always must colour"
NO_COLOR=1 run diff --color always "$M/a.md" "$M/b.md" >/dev/null
grep -q $'\033\[' "$work/out" || fail "--color always overrides NO_COLOR"
run diff "$M/a.md" "$M/b.md" >/dev/null
if grep -q $'\033\[' "$work/out"; then fail "auto must not colour a pipe"; fi
if command -v script >/dev/null 2>&1; then
  NO_COLOR=1 script -qec "$BIN diff $M/a.md $M/b.md" /dev/null >"$work/tty" 2>&1
  if grep -q $'\033\[3' "$work/tty"; then fail "NO_COLOR must turn colour off on a terminal"; fi
  script -qec "$BIN diff $M/a.md $M/b.md" /dev/null >"$work/tty" 2>&1
  grep -q $'\033\[3' "$work/tty" || fail "auto must colour a terminal"
fi
echo ok
