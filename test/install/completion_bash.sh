#!/usr/bin/env bash
# The generated bash completion completes subcommands, options and option
# values the way a user's TAB would.
#   completion_bash.sh BUILD_DIR
set -euo pipefail
script=$1/docs/completions/agentmerge.bash
[[ -f $script ]] || { echo "missing $script"; exit 1; }
# shellcheck source=/dev/null
source "$script"
complete_words() {  # complete_words WORD... : COMPREPLY for the last word
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _agentmerge
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
expect() {  # expect "GOT" "WANTED"
  [[ $1 == "$2" ]] || { echo "completion: got '$1', wanted '$2'"; exit 1; }
}
expect "$(complete_words agentmerge mer)" "merge merge3 "
expect "$(complete_words agentmerge git-m)" "git-merge-driver "
expect "$(complete_words agentmerge mi)" "migrate "
expect "$(complete_words agentmerge merge --bud)" "--budget "
expect "$(complete_words agentmerge merge --to co)" "codex copilot "
expect "$(complete_words agentmerge diff --format j)" "json "
expect "$(complete_words agentmerge scan --js)" "--json "
cd "$(mktemp -d)"; touch alpha.md beta.md
expect "$(complete_words agentmerge merge al)" "alpha.md "
echo "bash completion: ok"
