#!/usr/bin/env bash
# agentmerge inside git, with the real git binary: install-git writes the
# textconv driver; git diff then shows agent files in canonical form with no
# notes, and a broken file does not abort the diff; GIT_EXTERNAL_DIFF runs
# `agentmerge diff --git` with git's seven arguments.
# Usage: git_integration.sh path/to/agentmerge
set -uo pipefail
bin=$(realpath "$1")
command -v git > /dev/null || { echo "SKIP: git is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 PATH="$(dirname "$bin"):$PATH"
mkdir -p "$HOME"
git config --global user.email t@example.com; git config --global user.name t
r=$tmp/repo
git init -q "$r" && cd "$r" || fail "git init"
mkdir -p .claude/agents
printf -- '---\nname: api\ndescription: Designs APIs: carefully\ntools: Read\n---\n# API\n* one\n* two\n' > .claude/agents/api.md
printf -- '---\nname: broken\n# never closed\n' > .claude/agents/broken.md
git add -A && git commit -qm base || fail "commit"

"$bin" install-git > "$tmp/attrs" || fail "install-git exited $?"
[[ $(git config diff.agentmerge.textconv) == "agentmerge fmt --textconv" ]] || fail "textconv not configured"
grep -q '^.claude/agents/\*.md diff=agentmerge merge=agentmerge$' "$tmp/attrs" || fail "no .gitattributes lines printed"
grep -v '^#' "$tmp/attrs" | grep -v '^wrote' > .gitattributes
"$bin" install-git > /dev/null || fail "install-git is not repeatable"

# A bullet-marker change is invisible in canonical form; a real change shows.
printf -- '---\nname: api\ndescription: Designs APIs: carefully\ntools: Read\n---\n# API\n- one\n- two\n- three\n' > .claude/agents/api.md
printf -- '---\nname: broken\n# still never closed\n' > .claude/agents/broken.md
git diff > "$tmp/diff" 2> "$tmp/err"; rc=$?
[[ $rc -eq 0 ]] || fail "git diff exited $rc: $(cat "$tmp/err")"
[[ ! -s $tmp/err ]] || fail "textconv printed to stderr: $(cat "$tmp/err")"
grep -q '^+- three$' "$tmp/diff" || fail "the added bullet is not in the diff: $(cat "$tmp/diff")"
grep -q '^-\* one$' "$tmp/diff" && fail "a marker-only change shows in the textconv diff"
grep -q '^+# still never closed$' "$tmp/diff" || fail "the broken file's change is not shown as raw lines"

GIT_EXTERNAL_DIFF="agentmerge diff --git" git diff > "$tmp/ext" 2> "$tmp/exterr"; rc=$?
[[ $rc -eq 0 ]] || fail "GIT_EXTERNAL_DIFF exited $rc: $(cat "$tmp/exterr")"
grep -q '^diff --agentmerge a/.claude/agents/api.md' "$tmp/ext" || fail "no structural diff header: $(cat "$tmp/ext")"
grep -q 'three' "$tmp/ext" || fail "external diff does not show the added item"
grep -q 'not read as an agent file' "$tmp/ext" || fail "the broken file did not fall back to a line diff"
# An added file: git passes /dev/null for the old side.
printf -- '---\nname: new\ndescription: New\n---\nBody\n' > .claude/agents/new.md
git add -N .claude/agents/new.md
GIT_EXTERNAL_DIFF="agentmerge diff --git" git diff -- .claude/agents/new.md > "$tmp/new" 2>&1 \
  || fail "external diff of an added file failed: $(cat "$tmp/new")"
grep -q 'a/.claude/agents/new.md' "$tmp/new" || fail "added file: $(cat "$tmp/new")"
"$bin" diff --git a b > /dev/null 2>&1; rc=$?
[[ $rc -eq 2 ]] || fail "diff --git with 2 arguments exited $rc, wanted 2"
echo "git integration: ok"
