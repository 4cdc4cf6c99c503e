#!/usr/bin/env bash
# Generates the man pages and shell completions from the built binary, so
# both follow the command line's own definitions (--help, `completions`).
#   gen_docs.sh AGENTMERGE VERSION OUTDIR
#     OUTDIR/man1/agentmerge.1, agentmerge-<command>.1   (help2man; skipped without it)
#     OUTDIR/completions/agentmerge.bash, _agentmerge, agentmerge.fish
set -euo pipefail
bin=$1 version=$2 out=$3
mkdir -p "$out/man1" "$out/completions" "$out/wrappers"
"$bin" completions bash > "$out/completions/agentmerge.bash"
"$bin" completions zsh > "$out/completions/_agentmerge"
"$bin" completions fish > "$out/completions/agentmerge.fish"

# "Subcommands:" section of --help: "  name   description".
mapfile -t rows < <("$bin" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print} on && /^$/ {exit}')
if ! command -v help2man > /dev/null; then
  echo "gen_docs.sh: help2man not found; man pages not generated" >&2
  exit 0
fi
see_also=".BR agentmerge (1)"
for row in "${rows[@]}"; do
  read -r name _ <<< "$row"
  see_also+=$',\n'".BR agentmerge\\-$name (1)"
done
printf '[SEE ALSO]\n%s\n' "$see_also" > "$out/wrappers/see-also.h2m"
h2m=(help2man --no-info --no-discard-stderr --version-string="$version" --section=1
     --include="$out/wrappers/see-also.h2m")
"${h2m[@]}" --name="consolidate duplicate AI agent definition files" \
  --output="$out/man1/agentmerge.1" "$bin"
for row in "${rows[@]}"; do
  read -r name desc <<< "$row"
  wrapper="$out/wrappers/agentmerge-$name"
  printf '#!/bin/sh\nexec %q %q "$@"\n' "$bin" "$name" > "$wrapper"
  chmod +x "$wrapper"
  "${h2m[@]}" --name="$desc" --output="$out/man1/agentmerge-$name.1" "$wrapper"
done
