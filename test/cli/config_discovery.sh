#!/usr/bin/env bash
# agentmerge.yaml is found like .clang-format: from each input's folder
# upward, not above the root of the git repository the input is in, then the
# user's ~/.config/agentmerge/agentmerge.yaml. Every command reads it; an
# unknown key is an error with file:line and the nearest known key.
# Usage: config_discovery.sh path/to/agentmerge
set -uo pipefail
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HOME=$tmp/home XDG_CONFIG_HOME=
mkdir -p "$HOME"
agent() {  # agent PATH NAME
  mkdir -p "$(dirname "$1")"
  printf -- '---\nname: %s\ndescription: The %s agent\ntools: Read\n---\n\nYou are %s.\n' "$2" "$2" "$2" > "$1"
}
target_of() {  # the merge target for the two agents in folder $1, run from $2
  (cd "$2" && "$bin" merge "$1/a.md" "$1/b.md" -o "$tmp/out.md" 2>&1 | sed -n 's/.* into \([a-z]*\);.*/\1/p')
}
a=$tmp/outer
mkdir -p "$a/.git" "$a/team/agents" "$a/inner/.git" "$a/inner/agents" "$tmp/elsewhere" "$tmp/free"
printf 'target: opencode\n' > "$a/agentmerge.yaml"
for d in "$a/team/agents" "$a/inner/agents" "$tmp/free"; do agent "$d/a.md" a; agent "$d/b.md" a; done

[[ $(target_of "$a/team/agents" "$tmp/elsewhere") == opencode ]] \
  || fail "the repository's agentmerge.yaml was not found from the input's folder"
[[ $(target_of "$a/inner/agents" "$tmp/elsewhere") == claude ]] \
  || fail "the search crossed the nested repository's root"
[[ $(target_of "$tmp/free" "$a/team") == claude ]] \
  || fail "the config of the current folder was used for inputs elsewhere"
mkdir -p "$HOME/.config/agentmerge"
printf 'target: qwen\n' > "$HOME/.config/agentmerge/agentmerge.yaml"
[[ $(target_of "$a/inner/agents" "$tmp/elsewhere") == qwen ]] || fail "the user config was not used"
[[ $(target_of "$a/team/agents" "$tmp/elsewhere") == opencode ]] || fail "the user config won over the repository's"
out=$(cd "$tmp/elsewhere" && "$bin" convert "$a/team/agents/a.md" 2> /dev/null)
[[ $out == *"mode:"* || $out == *"description:"* ]] && [[ $out != *"name: a"* ]] \
  || fail "convert without --to did not take target: opencode: $out"

printf 'target: opencode\ntargt: claude\n' > "$a/agentmerge.yaml"
for cmd in "lint $a/team/agents" "scan $a/team/agents" "fmt --check $a/team/agents/a.md" \
           "convert --to claude $a/team/agents/a.md" "merge $a/team/agents/a.md $a/team/agents/b.md"; do
  out=$("$bin" $cmd 2>&1); rc=$?
  [[ $rc -ne 0 ]] || fail "$cmd accepted a misspelt key"
  [[ $out == *"agentmerge.yaml:2: error: unknown key 'targt' (did you mean 'target'?)"* ]] \
    || fail "$cmd: no file:line and did-you-mean: $out"
done
echo "config discovery: ok"
