#!/usr/bin/env bash
# agentmerge as git's merge driver, with the real git binary.
#  1. Every case of data/cases/merge3/ through `git merge-file` and through
#     `agentmerge merge3`: agentmerge exits 1 exactly when its golden result
#     has conflicts, and the table of how many each leaves conflicted is
#     printed (docs/git.md quotes it).
#  2. Real branches: install-git configures the driver, two branches edit
#     one agent file, `git merge` merges it cleanly through the driver; a
#     real conflict leaves the markers in the file and the merge unfinished;
#     a README merges by lines.
# Usage: git_merge_driver.sh path/to/agentmerge
set -uo pipefail
bin=$(realpath "$1")
command -v git > /dev/null || { echo "SKIP: git is not installed"; exit 77; }
cases=$(realpath data/cases/merge3)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

total=0 git_conflicted=0 ours_conflicted=0
printf '%-46s %-14s %s\n' case "git merge-file" agentmerge
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  base=$(ls "$dir"/base.*) ours=$(ls "$dir"/ours.*) theirs=$(ls "$dir"/theirs.*)
  cp "$ours" "$tmp/current"
  git merge-file -q "$tmp/current" "$base" "$theirs"; g=$?
  path_args=()
  [[ -f $dir/path ]] && path_args=(--path "$(cat "$dir/path")")
  "$bin" merge3 -q "${path_args[@]}" "$base" "$ours" "$theirs" > "$tmp/merged"; a=$?
  want=$(sed -n 's/^conflicts: //p' "$dir/expected.notes")
  if [[ $want -gt 0 ]]; then [[ $a -eq 1 ]] || fail "$name: exit $a, the golden has $want conflicts"
  else [[ $a -eq 0 ]] || fail "$name: exit $a, the golden is clean"; fi
  expected=$(ls "$dir"/expected.* | grep -v '\.notes$')
  cmp -s "$tmp/merged" "$expected" || fail "$name: merge3's output differs from the golden"
  total=$((total + 1))
  [[ $g -ne 0 ]] && git_conflicted=$((git_conflicted + 1))
  [[ $a -ne 0 ]] && ours_conflicted=$((ours_conflicted + 1))
  printf '%-46s %-14s %s\n' "$name" "$([[ $g -ne 0 ]] && echo "$g conflicts" || echo clean)" \
    "$([[ $a -ne 0 ]] && echo "$want conflicts" || echo clean)"
done
[[ $total -ge 20 ]] || fail "only $total merge3 cases"
echo "conflicted: git merge-file $git_conflicted of $total, agentmerge $ours_conflicted of $total"

# ---- real branches through the driver
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 PATH="$(dirname "$bin"):$PATH"
mkdir -p "$HOME"
git config --global user.email t@example.com; git config --global user.name t
git config --global init.defaultBranch main
r=$tmp/repo
git init -q "$r" && cd "$r" || fail "git init"
"$bin" install-git > "$tmp/attrs" || fail "install-git exited $?"
[[ $(git config merge.agentmerge.driver) == "agentmerge git-merge-driver %O %A %B %L %P" ]] \
  || fail "merge driver not configured: $(git config merge.agentmerge.driver)"
grep -v '^#' "$tmp/attrs" | grep -v '^wrote' > .gitattributes
grep -q '^.claude/agents/\*.md diff=agentmerge merge=agentmerge$' .gitattributes \
  || fail "no merge attribute printed: $(cat .gitattributes)"
echo 'README.md merge=agentmerge' >> .gitattributes
git add .gitattributes && git commit -qm attributes || fail "commit"

branch_merge() {  # case-name file: base on main, ours on main, theirs on a branch
  local c=$cases/$1 f=$2
  git checkout -q main && mkdir -p "$(dirname "$f")"
  cp "$c"/base.* "$f" && git add -A && git commit -qm "base $1"
  git checkout -q -b "theirs-$1" && cp "$c"/theirs.* "$f" && git commit -qam "theirs $1"
  git checkout -q main && cp "$c"/ours.* "$f" && git commit -qam "ours $1"
  git merge -q --no-edit "theirs-$1" > "$tmp/merge.out" 2>&1
}

branch_merge keys-reordered-tools-list-vs-added-tool .claude/agents/api-reviewer.md \
  || fail "clean case conflicted in git: $(cat "$tmp/merge.out")"
cmp -s .claude/agents/api-reviewer.md "$cases/keys-reordered-tools-list-vs-added-tool/expected.md" \
  || fail "git merged differently from merge3: $(cat .claude/agents/api-reviewer.md)"

branch_merge section-moved-vs-edited .claude/agents/moved.md \
  || fail "moved section conflicted in git: $(cat "$tmp/merge.out")"
cmp -s .claude/agents/moved.md "$cases/section-moved-vs-edited/expected.md" || fail "moved section merge differs"

if branch_merge both-change-model .claude/agents/model.md; then fail "a real conflict merged cleanly"; fi
grep -q '^<<<<<<< ours$' .claude/agents/model.md || fail "no conflict markers: $(cat .claude/agents/model.md)"
grep -q '^model: haiku$' .claude/agents/model.md || fail "theirs' model is not in the conflict"
git ls-files -u | grep -q model.md || fail "git does not see the file as unmerged"
git merge --abort

branch_merge non-agent-markdown README.md || fail "README line merge conflicted: $(cat "$tmp/merge.out")"
grep -q 'make -j4' README.md && grep -q 'port 5432' README.md || fail "README lost a change: $(cat README.md)"
grep -q 'merged line by line' "$tmp/merge.out" || fail "the line fallback is not said: $(cat "$tmp/merge.out")"

# git's contract: an unreadable input leaves %A as it was, exit 3.
printf 'ours\n' > "$tmp/A"
"$bin" git-merge-driver "$tmp/missing" "$tmp/A" "$tmp/missing" 7 x.md 2> /dev/null; rc=$?
[[ $rc -eq 3 ]] || fail "unreadable base exited $rc, wanted 3"
[[ $(cat "$tmp/A") == ours ]] || fail "%A changed on an unreadable input"
"$bin" merge3 a b 2> /dev/null; rc=$?
[[ $rc -eq 2 ]] || fail "merge3 with two files exited $rc, wanted 2"
echo "git merge driver: ok"
