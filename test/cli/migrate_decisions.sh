#!/usr/bin/env bash
# A plan's `decisions:` entry applies a reviewer's decisions file to its
# cluster, as merge --decisions does; a broken decisions file fails only
# its cluster, with file:line, and writes nothing for it.
# Usage: migrate_decisions.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/migrate_fixtures.sh"
make_tree "$tmp/src"
a="$tmp/src/team-a/api-designer.md"
b="$tmp/src/team-b/api_designer.md"

"$bin" migrate "$tmp/src" --plan "$tmp/PLAN.yaml" --out "$tmp/out" -q || fail "plan exited $?"
"$bin" migrate --apply "$tmp/PLAN.yaml" --out "$tmp/plain" -q || fail "apply exited $?"
kept="- Resource naming and URL structure for each public endpoint"
out_plain=$(cat "$tmp"/plain/api-designer.md 2>/dev/null) || fail "no api-designer.md without decisions"
case "$out_plain" in *"$kept"*) fail "the test needs team-b's bullet to fold without a choice";; esac

# The reviewer keeps team-b's bullet apart: its hash comes from the page.
"$bin" review "$a" "$b" --html "$tmp/page.html" >/dev/null 2>&1
hash=$(grep -o '<li [^>]*data-fate="folded"[^>]*data-line="12"[^>]*data-hash="[0-9a-f]*"' "$tmp/page.html" |
  sed 's/.*data-hash="\([0-9a-f]*\)".*/\1/' | head -1)
[ -n "$hash" ] || fail "no folded block at line 12 on the page"
cat >"$tmp/d.json" <<JSON
{"agentmerge-decisions": 1,
 "blocks": [{"source": "src/team-b/api_designer.md", "line": 12, "hash": "$hash", "action": "keep"}]}
JSON
sed 's/^\(  *\)- name: api-designer$/&\n\1  decisions: d.json/' "$tmp/PLAN.yaml" >"$tmp/PLAN2.yaml"
grep -q "decisions: d.json" "$tmp/PLAN2.yaml" || fail "could not add decisions to the plan"
"$bin" migrate --apply "$tmp/PLAN2.yaml" --out "$tmp/chosen" -q || fail "apply with decisions exited $?"
grep -qF -- "$kept" "$tmp/chosen/api-designer.md" || fail "the kept bullet is not in the migrated agent"
grep -qF -- "- Resource naming and URL structure for every public endpoint" "$tmp/chosen/api-designer.md" ||
  fail "the bullet it folded into is gone"
cmp -s "$tmp/plain/log-triage.md" "$tmp/chosen/log-triage.md" || fail "the other cluster changed"
echo "ok: the plan's decisions file keeps the bullet apart"

# A broken decisions file: that cluster fails (exit 3) with file:line, the
# other cluster is still written.
printf '{"agentmerge-decisions": 1,\n "blocks": [{"action": "drop"}]}\n' >"$tmp/d.json"
status=0
"$bin" migrate --apply "$tmp/PLAN2.yaml" --out "$tmp/broken" -q 2>"$tmp/err" || status=$?
[ "$status" = 3 ] || fail "a broken decisions file gave exit $status, not 3"
grep -q 'd.json:2: .*bad-decisions' "$tmp/err" || { cat "$tmp/err" >&2; fail "no file:line error for the decisions file"; }
[ ! -e "$tmp/broken/api-designer.md" ] || fail "the cluster with a broken decisions file was written"
[ -s "$tmp/broken/log-triage.md" ] || fail "the other cluster was not written"
echo "ok: a broken decisions file fails only its cluster"
