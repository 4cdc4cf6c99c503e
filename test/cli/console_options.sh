#!/usr/bin/env bash
# -q/--quiet, -v/--verbose and --color mean the same on every command:
# --color always/never/auto with NO_COLOR, CLICOLOR_FORCE and TERM=dumb;
# -q drops the merge summary; -v adds the reader's repair notes.
# Usage: console_options.sh path/to/agentmerge
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
esc=$'\033['

mapfile -t subs < <("$bin" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
(( ${#subs[@]} >= 9 )) || fail "found ${#subs[@]} subcommands"
for s in "${subs[@]}"; do
  h=$("$bin" "$s" --help)
  for opt in "-q,--quiet" "-v,--verbose" "--color WHEN"; do
    grep -qF -- "$opt" <<< "$h" || fail "$s --help lacks $opt"
  done
done

printf -- '---\nname: a\ndescription: Reviews code: carefully\ntools: Bsh\n---\n\nBody.\n' > "$tmp/a.md"
printf -- '---\nname: a\ndescription: Reviews code\ntools: Read\n---\n\nBody.\n\n- More.\n' > "$tmp/b.md"

out=$(NO_COLOR= CLICOLOR_FORCE= "$bin" lint "$tmp/a.md")
[[ $out != *"$esc"* ]] || fail "colour into a pipe with --color auto"
out=$("$bin" lint --color always "$tmp/a.md")
[[ $out == *"${esc}33mwarning${esc}0m"* ]] || fail "--color always: no coloured warning: $out"
out=$(NO_COLOR=1 "$bin" lint --color always "$tmp/a.md")
[[ $out == *"$esc"* ]] || fail "--color always must override NO_COLOR"
out=$(CLICOLOR_FORCE=1 "$bin" lint "$tmp/a.md")
[[ $out == *"$esc"* ]] || fail "CLICOLOR_FORCE=1 must colour a pipe"
out=$(CLICOLOR_FORCE=0 "$bin" lint "$tmp/a.md")
[[ $out != *"$esc"* ]] || fail "CLICOLOR_FORCE=0 must not force colour"
out=$(CLICOLOR_FORCE=1 "$bin" lint --color never "$tmp/a.md")
[[ $out != *"$esc"* ]] || fail "--color never must win over CLICOLOR_FORCE"
"$bin" lint --color sometimes "$tmp/a.md" > /dev/null 2>&1; rc=$?
[[ $rc -eq 2 ]] || fail "--color sometimes: exit $rc, wanted 2"

"$bin" merge "$tmp/a.md" "$tmp/b.md" -o "$tmp/m.md" 2> "$tmp/normal"
grep -q "^merged 2 source" "$tmp/normal" || fail "no merge summary by default: $(cat "$tmp/normal")"
grep -q "note:" "$tmp/normal" && fail "repair notes shown without -v"
"$bin" merge -q "$tmp/a.md" "$tmp/b.md" -o "$tmp/m.md" 2> "$tmp/quiet"
grep -q "^merged" "$tmp/quiet" && fail "merge -q printed the summary"
"$bin" merge -v "$tmp/a.md" "$tmp/b.md" -o "$tmp/m.md" 2> "$tmp/verbose"
grep -q "note:.*strict-yaml-failed" "$tmp/verbose" || fail "merge -v lacks the strict-YAML note: $(cat "$tmp/verbose")"
out=$("$bin" merge --color always "$tmp/a.md" "$tmp/b.md" -o "$tmp/m.md" 2>&1)
[[ $out == *"${esc}33mreview:"* ]] || fail "merge summary: review lines not coloured: $out"
echo "console options: ok"
