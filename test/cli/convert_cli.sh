#!/usr/bin/env bash
# agentmerge convert from the command line: stdout, -o, --out naming per
# target, the claude -> opencode -> claude round trip, refusing to clobber,
# exit codes. Usage: convert_cli.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/migrate_fixtures.sh"
make_tree "$tmp/src"
src=$tmp/src/team-a/api-designer.md
before=$(sha1sum "$src")

# One input: stdout. Something is reported (model mapped), nothing lost -> 0.
"$bin" convert "$src" --to opencode >"$tmp/oc.md" 2>"$tmp/notes"; rc=$?
[ $rc -eq 0 ] || fail "faithful conversion exited $rc: $(cat "$tmp/notes")"
grep -q "'\*': false" "$tmp/oc.md" || fail "opencode output is not deny-by-default"
grep -q "read: true" "$tmp/oc.md" || fail "opencode output lacks read"
! grep -q "bash: true" "$tmp/oc.md" || fail "opencode output widened to bash"
grep -q "model-mapped" "$tmp/notes" || fail "model mapping not reported"

# A loss (color has no place in opencode) is reported per file: exit 1.
printf -- '---\nname: painter\ndescription: Paints.\ncolor: red\n---\n\nYou paint.\n' >"$tmp/painter.md"
"$bin" convert "$tmp/painter.md" --to opencode >/dev/null 2>"$tmp/notes"; rc=$?
[ $rc -eq 1 ] || fail "lossy conversion exited $rc, want 1"
grep -q "painter.md:4: warning: 'color'" "$tmp/notes" || fail "dropped key not reported with file:line"

# --out DIR: one file per input, named by the target's convention, at the
# input's path below the folder named (--layout tree, the default).
"$bin" convert "$tmp/src" --to copilot --out "$tmp/cp" -q 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "--out exited $rc, want 1 (the identity collision below)"
for f in team-a/api-designer.agent.md team-b/api_designer.agent.md team-b/log-triage.agent.md; do
  [ -f "$tmp/cp/$f" ] || fail "missing $f"
done
# Two files copilot would read as one agent: a warning naming both.
grep -q "identity-collision" "$tmp/err" || fail "identity collision not reported: $(cat "$tmp/err")"
grep -q "cp/team-a/api-designer.agent.md (from $tmp/src/team-a/api-designer.md)" "$tmp/err" \
  || fail "the collision does not name both paths: $(cat "$tmp/err")"
# --layout tool: into the target's agent folder, the tree kept below it; an
# agent folder already in the path is replaced.
"$bin" convert "$tmp/src" --to copilot --out "$tmp/tool" --layout tool -q 2>/dev/null
[ -f "$tmp/tool/.github/agents/team-b/log-triage.agent.md" ] || fail "tool layout: $(find "$tmp/tool" -type f)"
mkdir -p "$tmp/repo/.claude/agents" && cp "$src" "$tmp/repo/.claude/agents/"
"$bin" convert "$tmp/repo" --to opencode --out "$tmp/oc" --layout tool -q 2>/dev/null
[ -f "$tmp/oc/.opencode/agents/api-designer.md" ] || fail "agent folder not replaced: $(find "$tmp/oc" -type f)"
# --layout flat: file names only.
"$bin" convert "$tmp/src" --to copilot --out "$tmp/flat" --layout flat -q 2>/dev/null
[ -f "$tmp/flat/log-triage.agent.md" ] || fail "flat layout: $(find "$tmp/flat" -type f)"
# A symbolic link inside --out is not written through.
mkdir -p "$tmp/elsewhere" "$tmp/linked" && ln -s "$tmp/elsewhere" "$tmp/linked/team-b"
"$bin" convert "$tmp/src" --to copilot --out "$tmp/linked" -q 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "a link inside --out exited $rc, want 3"
grep -q "unsafe-path" "$tmp/err" || fail "link inside --out not reported: $(cat "$tmp/err")"
[ -z "$(ls -A "$tmp/elsewhere")" ] || fail "wrote through a link inside --out"
[ -f "$tmp/linked/team-a/api-designer.agent.md" ] || fail "the other files were not written"

# Two inputs with the same agent name: the second is an error, not a clobber.
"$bin" convert "$tmp/src/team-a/api-designer.md" "$tmp/src/team-a/api-designer.md" --to claude --out "$tmp/dup" -q 2>/dev/null
# (expand_paths makes inputs unique, so this is one file; use a renamed copy)
cp "$tmp/src/team-a/api-designer.md" "$tmp/src/team-b/copy.md"
"$bin" convert "$tmp/src/team-a/api-designer.md" "$tmp/src/team-b/copy.md" --to claude --out "$tmp/dup" -q 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "colliding outputs exited $rc, want 3"
grep -q "output-collision" "$tmp/err" || fail "collision not reported"

# Round trip claude -> opencode -> claude: name, description, tools, body.
"$bin" convert "$src" --to opencode --out "$tmp/rt1" -q 2>/dev/null
"$bin" convert "$tmp/rt1/api-designer.md" --from opencode --to claude --out "$tmp/rt2" -q 2>/dev/null
"$bin" convert "$src" --to claude >"$tmp/canon.md" 2>/dev/null
cmp -s "$tmp/canon.md" "$tmp/rt2/api-designer.md" || fail "round trip differs: $(diff "$tmp/canon.md" "$tmp/rt2/api-designer.md")"

# An existing file with other content is not replaced without --force.
echo "mine" >"$tmp/taken.md"
"$bin" convert "$src" --to opencode -o "$tmp/taken.md" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "existing output exited $rc, want 3"
[ "$(cat "$tmp/taken.md")" = "mine" ] || fail "existing file overwritten without --force"
# (exit 1: opencode would read the agent's name from "taken.md", and says so)
"$bin" convert "$src" --to opencode -o "$tmp/taken.md" --force 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "--force exited $rc, want 1"
grep -q "names it 'taken'" "$tmp/err" || fail "name taken from the file name not reported"
grep -q "description:" "$tmp/taken.md" || fail "--force did not write"

# One unreadable input among others: the others are converted, exit 3.
printf -- '---\nname: bad\x00\n---\n' >"$tmp/src/team-b/nul.md"
"$bin" convert "$tmp/src" --to gemini --out "$tmp/gm" -q 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unreadable input exited $rc, want 3"
grep -q "nul.md" "$tmp/err" || fail "unreadable file not named"
[ -f "$tmp/gm/team-b/log-triage.md" ] || fail "other files not converted"

# Usage errors: exit 2.
"$bin" convert "$src" "$tmp/painter.md" --to claude >/dev/null 2>&1; [ $? -eq 2 ] || fail "several inputs without --out should be usage"
"$bin" convert "$src" --to vim >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown --to should be usage"

[ "$(sha1sum "$src")" = "$before" ] || fail "an input was modified"
echo "convert_cli: ok"
