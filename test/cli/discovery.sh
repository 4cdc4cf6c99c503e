#!/usr/bin/env bash
# Folder walks as repositories expect: .gitignore (nested too),
# .git/info/exclude and the user's core.excludesFile respected; .git, hidden
# folders and node_modules skipped (agent folders such as .claude walked);
# README.md and docs skipped as not agent files; --hidden and --no-ignore
# widen the walk. The expected file lists below are the golden result.
# Usage: discovery.sh path/to/agentmerge
set -uo pipefail
bin=$(realpath "$1")
command -v git > /dev/null || { echo "SKIP: git is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
agent() {  # agent PATH NAME
  mkdir -p "$(dirname "$1")"
  printf -- '---\nname: %s\ndescription: The %s agent\n---\n\nYou are %s.\n' "$2" "$2" "$2" > "$1"
}
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME"
printf '[core]\n\texcludesFile = %s\n' "$HOME/global-ignore" > "$HOME/.gitconfig"
echo "scratch/" > "$HOME/global-ignore"

r=$tmp/repo
git init -q "$r"
agent "$r/.claude/agents/api.md" api
agent "$r/.github/agents/review.agent.md" review
printf -- '# A Copilot agent without a frontmatter\n' > "$r/.github/agents/plain.agent.md"
agent "$r/agents/writer.md" writer
agent "$r/team/nested/agents/tester.md" tester
agent "$r/node_modules/pkg/agents/vendored.md" vendored
agent "$r/.venv/lib/agents/hidden.md" hidden
agent "$r/build/agents/generated.md" generated
agent "$r/team/tmp/draft.md" draft
agent "$r/scratch/note.md" scratchy
agent "$r/private/secret.md" secret
agent "$r/.git/agents/inside-git.md" inside-git
printf '# Project\n\nname: not a frontmatter\n' > "$r/README.md"
mkdir -p "$r/docs"
printf -- '---\ntitle: Guide\n---\n# Guide\n' > "$r/docs/guide.md"
printf 'build/\n' > "$r/.gitignore"
printf 'tmp/\n' > "$r/team/.gitignore"
printf 'private/\n' >> "$r/.git/info/exclude"

listed() {  # the files scan read, relative to the repo, sorted
  (cd "$r" && "$bin" scan --json "$@" . 2> "$tmp/stderr") |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("\n".join(sorted(m["path"].removeprefix("./") for c in d["clusters"] for m in c["members"])))'
}
expect() {  # expect NAME GOT WANTED
  [[ $2 == "$3" ]] || { echo "FAIL: $1"; diff <(echo "$3") <(echo "$2"); exit 1; }
}

expect "default walk" "$(listed)" ".claude/agents/api.md
.github/agents/plain.agent.md
.github/agents/review.agent.md
agents/writer.md
team/nested/agents/tester.md"
grep -q "skipped .*git-ignored.*hidden.*node_modules.*not an agent file" "$tmp/stderr" \
  || fail "no skipped summary: $(cat "$tmp/stderr")"

(cd "$r" && "$bin" scan -v . > /dev/null 2> "$tmp/verbose")
for want in "README.md (not an agent file)" "docs/guide.md (not an agent file)" "build (git-ignored)" \
            "team/tmp (git-ignored)" "scratch (git-ignored)" "private (git-ignored)" \
            "node_modules (node_modules)" ".venv (hidden)" ".git (hidden)"; do
  grep -qF "skipped ./$want" "$tmp/verbose" || fail "-v does not list $want: $(cat "$tmp/verbose")"
done

expect "--no-ignore" "$(listed --no-ignore)" ".claude/agents/api.md
.github/agents/plain.agent.md
.github/agents/review.agent.md
agents/writer.md
build/agents/generated.md
private/secret.md
scratch/note.md
team/nested/agents/tester.md
team/tmp/draft.md"

expect "--hidden" "$(listed --hidden)" ".claude/agents/api.md
.github/agents/plain.agent.md
.github/agents/review.agent.md
.venv/lib/agents/hidden.md
agents/writer.md
node_modules/pkg/agents/vendored.md
team/nested/agents/tester.md"

# A path named on the command line is taken whatever the rules say.
out=$(cd "$r" && "$bin" lint README.md build/agents/generated.md 2>&1)
[[ $out == *"README.md"* ]] || fail "a named README.md was not linted: $out"

# A nested repository's own ignore rules apply inside it.
git init -q "$r/vendor/sub"
printf 'gen/\n' > "$r/vendor/sub/.gitignore"
agent "$r/vendor/sub/gen/made.md" made
agent "$r/vendor/sub/agents/kept.md" kept
out=$(listed)
[[ $out == *"vendor/sub/agents/kept.md"* && $out != *"made.md"* ]] || fail "nested repository: $out"

# A folder outside any repository: no ignore rules, the other rules hold.
mkdir -p "$tmp/plain"; agent "$tmp/plain/a.md" a; printf '# Notes\n' > "$tmp/plain/notes.md"
out=$("$bin" scan --json "$tmp/plain" 2> /dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["files"])')
expect "outside a repository" "$out" "1"
echo "discovery: ok"
