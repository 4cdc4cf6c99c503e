#!/usr/bin/env bash
# Every generated man page renders through man(1) without a warning, and
# there is one per subcommand of --help.
#   man_pages.sh BUILD_DIR AGENTMERGE
set -euo pipefail
dir=$1/docs/man1 bin=$2
command -v man > /dev/null || { echo "SKIP: man (man-db) is not installed"; exit 77; }
command -v help2man > /dev/null || { echo "SKIP: help2man is not installed"; exit 77; }
mapfile -t subs < <("$bin" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
(( ${#subs[@]} > 5 )) || { echo "found only ${#subs[@]} subcommands in --help"; exit 1; }
for page in agentmerge "${subs[@]/#/agentmerge-}"; do
  f=$dir/$page.1
  [[ -f $f ]] || { echo "missing man page $f"; exit 1; }
  warnings=$(MANWIDTH=80 man --warnings -l "$f" 2>&1 > /dev/null)
  [[ -z $warnings ]] || { echo "$f: $warnings"; exit 1; }
  MANWIDTH=80 man -l "$f" 2> /dev/null | grep -q '^SYNOPSIS' || { echo "$f: no SYNOPSIS"; exit 1; }
done
echo "man pages: ${#subs[@]} subcommands + agentmerge, no warnings"
