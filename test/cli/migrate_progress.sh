#!/usr/bin/env bash
# The progress line appears on stderr only when it is a terminal, and never
# with --quiet. Usage: migrate_progress.sh path/to/agentmerge
set -u
bin=$1
command -v script >/dev/null || { echo "script(1) not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/migrate_fixtures.sh"
make_tree "$tmp/src"

# In a pipe: no carriage returns, no escape sequences on stderr.
"$bin" migrate "$tmp/src" --out "$tmp/a" 2>"$tmp/err" >/dev/null
! grep -q $'\r' "$tmp/err" || fail "progress written to a pipe"

# On a terminal (script(1) gives one): the line is drawn, then cleared.
script -qec "$bin migrate $tmp/src --out $tmp/b >/dev/null" /dev/null >"$tmp/tty" 2>&1
grep -q "clusters" "$tmp/tty" || fail "no progress line on a terminal: $(cat -v "$tmp/tty")"
grep -q $'\e\[K' "$tmp/tty" || fail "progress line not cleared"

# --quiet: nothing on the terminal.
script -qec "$bin migrate $tmp/src --out $tmp/c --quiet" /dev/null >"$tmp/q" 2>&1
[ ! -s "$tmp/q" ] || fail "--quiet still printed: $(cat -v "$tmp/q")"
echo "migrate_progress: ok"
