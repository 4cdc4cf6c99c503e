#!/usr/bin/env bash
# migrate --plan writes a plan and touches nothing else; a person edits it
# (rename, split, exclude, policy) and --apply executes exactly that plan.
# Usage: migrate_plan_apply.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/migrate_fixtures.sh"
make_tree "$tmp/src"

# The plan: two clusters; the output folder is not created.
"$bin" migrate "$tmp/src" --plan "$tmp/PLAN.yaml" --out "$tmp/out" -q || fail "plan exited $?"
[ ! -e "$tmp/out" ] || fail "--plan touched the output folder"
grep -q "name: api-designer" "$tmp/PLAN.yaml" || fail "plan lacks the api-designer cluster"
grep -q "name: log-triage" "$tmp/PLAN.yaml" || fail "plan lacks the log-triage cluster"
grep -q "src/team-b/api_designer.md" "$tmp/PLAN.yaml" || fail "member paths are not relative to the plan"

# Applying the plan as written gives the same folder as a direct run.
"$bin" migrate --apply "$tmp/PLAN.yaml" --out "$tmp/applied" -q || fail "apply exited $?"
"$bin" migrate "$tmp/src" --out "$tmp/direct" -q || fail "direct run exited $?"
diff -r -x .agentmerge "$tmp/applied" "$tmp/direct" >/dev/null || fail "apply of the unedited plan differs from a direct run"

# An edited plan: the variants split into two renamed agents, the singleton
# excluded, a policy changed. Written by hand, from another folder.
mkdir -p "$tmp/plans"
cat >"$tmp/plans/edited.yaml" <<'YAML'
version: 1
target: opencode
tools: intersection
clusters:
  - name: api-reviewer
    members:
      - ../src/team-a/api-designer.md
  - name: api-versioning
    output: versioning.md
    members: [../src/team-b/api_designer.md]
excluded:
  - ../src/team-b/log-triage.md
YAML
"$bin" migrate --apply "$tmp/plans/edited.yaml" --out "$tmp/edited" -q || fail "edited apply exited $?"
[ -f "$tmp/edited/api-reviewer.md" ] || fail "renamed cluster not written"
[ -f "$tmp/edited/versioning.md" ] || fail "output override not used"
[ ! -e "$tmp/edited/log-triage.md" ] && [ ! -e "$tmp/edited/api-designer.md" ] || fail "apply wrote files the plan does not list"
[ "$(ls "$tmp/edited" | wc -l)" -eq 2 ] || fail "apply wrote other files: $(ls "$tmp/edited")"
grep -q "Versioning strategy" "$tmp/edited/versioning.md" || fail "split cluster lost its member's content"
! grep -q "Versioning strategy" "$tmp/edited/api-reviewer.md" || fail "split cluster still merged the other member"
grep -q "'\*': false" "$tmp/edited/api-reviewer.md" || fail "opencode target not applied (no deny-by-default tools)"
grep -q '"name": "api-reviewer"' "$tmp/edited/.agentmerge/report.json" || fail "report lacks the cluster"

# A bad plan: exit 2, the error says file:line, nothing written.
printf 'version: 1\nclusters:\n  - name: x\n    memebers: [a.md]\n' >"$tmp/bad.yaml"
"$bin" migrate --apply "$tmp/bad.yaml" --out "$tmp/bad" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad plan exited $rc, want 2"
grep -q "bad.yaml:4" "$tmp/err" || fail "bad plan error lacks file:line: $(cat "$tmp/err")"
[ ! -e "$tmp/bad" ] || fail "a bad plan created the output folder"

# Usage errors.
"$bin" migrate --apply "$tmp/PLAN.yaml" "$tmp/src" --out "$tmp/x" 2>/dev/null; [ $? -eq 2 ] || fail "--apply with PATH should be usage"
"$bin" migrate "$tmp/src" 2>/dev/null; [ $? -eq 2 ] || fail "no --out should be usage"
echo "migrate_plan_apply: ok"
