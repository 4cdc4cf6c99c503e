#!/usr/bin/env bash
# On a terminal, names and values a file holds cannot send control
# sequences: ESC, BEL and CR from the file are printed as \xNN text by
# lint, scan, dump, diff and merge. Through a pipe the bytes stay exact.
# Runs the commands under script(1) to get a terminal; skips without it.
# Usage: terminal_escape.sh path/to/agentmerge
set -u
bin=$(realpath "$1")
command -v script >/dev/null || { echo "SKIP: script(1) not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# The name sets the terminal title (OSC 0 ... BEL); the description hides a
# line with CR; the body clears the screen.
printf -- '---\nname: "evil\\e]0;owned\\a"\ndescription: "Looks fine\\rREWRITTEN"\nmodel: "x\\e[2J"\n---\n\nBody \033[2J here.\n' >"$tmp/evil.md"
printf -- '---\nname: evil\ndescription: Reviews code.\n---\n\nBody.\n' >"$tmp/plain.md"

on_tty() {  # on_tty OUTFILE CMD...: runs CMD with stdout and stderr on a pty
  local out=$1; shift
  script -qec "$(printf '%q ' "$@")" /dev/null >"$out" 2>&1 </dev/null
}
for cmd in "lint $tmp/evil.md" "scan $tmp" "dump $tmp/evil.md" "diff $tmp/plain.md $tmp/evil.md" \
           "merge $tmp/plain.md $tmp/evil.md" "fmt $tmp/evil.md"; do
  # shellcheck disable=SC2086
  on_tty "$tmp/tty" "$bin" $cmd
  grep -q "evil\|x" "$tmp/tty" || fail "$cmd printed nothing: $(cat "$tmp/tty")"
  if grep -qaP '\x1b\]|\x07|\x1b\[2J' "$tmp/tty"; then
    fail "$cmd sent a raw control sequence to the terminal: $(cat -v "$tmp/tty" | head -5)"
  fi
done
on_tty "$tmp/tty" "$bin" dump "$tmp/evil.md"
grep -qE 'evil\\(x1b|u001b)\]0;owned' "$tmp/tty" || fail "the name is not shown escaped: $(cat -v "$tmp/tty" | head -5)"

# Through a pipe: byte-exact (fmt output still holds the ESC of the body).
"$bin" fmt "$tmp/evil.md" | grep -qaP '\x1b\[2J' || fail "piped output was altered"
exit 0
