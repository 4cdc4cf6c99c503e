#!/usr/bin/env bash
# migrate's output folder: --dry-run writes nothing, a second run changes
# nothing and says so, --check detects drift, a file agentmerge did not write
# is never replaced without --force, an unreadable input fails only itself.
# Usage: migrate_safe_writes.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/migrate_fixtures.sh"
make_tree "$tmp/src"
out=$tmp/out

# --dry-run prints what would be written and writes nothing.
"$bin" migrate "$tmp/src" --out "$out" --dry-run >"$tmp/dry" || fail "dry-run exited $?"
[ ! -e "$out" ] || fail "--dry-run created the output folder"
grep -q "would create: $out/api-designer.md" "$tmp/dry" || fail "dry-run does not list api-designer.md: $(cat "$tmp/dry")"

# First run writes the agents, the report and the manifest.
"$bin" migrate "$tmp/src" --out "$out" >"$tmp/first" || fail "first run exited $?"
for f in api-designer.md log-triage.md .agentmerge/report.json .agentmerge/manifest; do
  [ -f "$out/$f" ] || fail "missing $f"
done
grep -q "  api-designer.md" "$out/.agentmerge/manifest" || fail "manifest lacks api-designer.md"
find "$out" -printf '%P %T@ %i\n' | sort >"$tmp/ls1"

# Second run: nothing changes, and it says so.
sleep 1
"$bin" migrate "$tmp/src" --out "$out" >"$tmp/second" || fail "second run exited $?"
grep -q "nothing to do" "$tmp/second" || fail "second run does not say nothing changed: $(cat "$tmp/second")"
find "$out" -printf '%P %T@ %i\n' | sort >"$tmp/ls2"
diff "$tmp/ls1" "$tmp/ls2" >/dev/null || fail "second run touched files: $(diff "$tmp/ls1" "$tmp/ls2")"

# --check: clean now; drift when a source changes or an output is edited.
"$bin" migrate "$tmp/src" --out "$out" --check -q || fail "check of a fresh folder exited $?"
cp "$out/log-triage.md" "$tmp/log-triage.saved"
echo "- Quote the failing command." >>"$out/log-triage.md"
"$bin" migrate "$tmp/src" --out "$out" --check >"$tmp/check"; rc=$?
[ $rc -eq 1 ] || fail "check after an edit exited $rc, want 1"
grep -q "log-triage.md" "$tmp/check" || fail "check does not name the drifted file"
cp "$tmp/log-triage.saved" "$out/log-triage.md"
printf '\nAlways name the job.\n' >>"$tmp/src/team-b/log-triage.md"
"$bin" migrate "$tmp/src" --out "$out" --check -q; [ $? -eq 1 ] || fail "check after a source change should exit 1"
cmp -s "$tmp/log-triage.saved" "$out/log-triage.md" || fail "--check wrote a file"

# An owned, unedited file is updated by a normal run.
"$bin" migrate "$tmp/src" --out "$out" -q || fail "update run exited $?"
grep -q "Always name the job" "$out/log-triage.md" || fail "owned file was not updated"

# A file agentmerge did not write is refused (exit 1) and left as it was;
# --force replaces it. An unrelated file is never touched.
rm "$out/api-designer.md"
echo "my own notes" >"$out/api-designer.md"
echo "keep me" >"$out/README.txt"
"$bin" migrate "$tmp/src" --out "$out" >"$tmp/refused"; rc=$?
[ $rc -eq 1 ] || fail "foreign file should exit 1, got $rc"
grep -q "refused" "$tmp/refused" || fail "refusal not reported"
[ "$(cat "$out/api-designer.md")" = "my own notes" ] || fail "foreign file was overwritten"
"$bin" migrate "$tmp/src" --out "$out" --force -q || fail "--force run exited $?"
grep -q "name: api-designer" "$out/api-designer.md" || fail "--force did not replace the file"
[ "$(cat "$out/README.txt")" = "keep me" ] || fail "unrelated file touched"

# A batch with one unreadable file: the others are still written; exit 3.
printf -- '---\nname: broken\ndescription: bad bytes \xff\xfe here\n---\nBody\n' >"$tmp/src/team-b/broken.md"
rm -rf "$out"
"$bin" migrate "$tmp/src" --out "$out" -q 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "unreadable input should exit 3, got $rc"
grep -q "broken.md" "$tmp/err" || fail "error does not name the unreadable file"
[ -f "$out/api-designer.md" ] && [ -f "$out/log-triage.md" ] || fail "other clusters not written"
grep -q "broken.md" "$out/.agentmerge/report.json" || fail "report does not list the unreadable file"

# No temporary files are left behind.
[ -z "$(find "$out" -name '*.tmp-*')" ] || fail "temporary files left in the output folder"
echo "migrate_safe_writes: ok"
