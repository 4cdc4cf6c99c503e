# A run killed after renaming an output but before saving the manifest,
# then a run with changed inputs: agentmerge's own file is updated, not
# refused as edited.
setup() {
  echo "- Quote the failing command." >>"$src/team-b/log-triage.md"
  "$bin" migrate "$src" --out "$tmp/next" -q || fail "scratch run exited $?"
  cp "$tmp/next/log-triage.md" "$out/log-triage.md"
  grep "  log-triage.md" "$tmp/next/.agentmerge/manifest" >"$out/.agentmerge/pending"
  echo "- Name the exit code." >>"$src/team-b/log-triage.md"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=0
verify() {
  grep -q "updated: $out/log-triage.md" "$tmp/stdout" || fail "log-triage.md not updated: $(cat "$tmp/stdout")"
  grep -q "Name the exit code" "$out/log-triage.md" || fail "new content missing"
  [ ! -e "$out/.agentmerge/pending" ] || fail "the journal was left behind"
}
