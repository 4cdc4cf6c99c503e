# Temporary files of a killed write are removed by the next run (and
# reported); a person's file with a similar name is not.
setup() {
  printf 'half\n' >"$out/.log-triage.md.tmp-4242-1f2e3d"
  printf 'half\n' >"$out/.agentmerge/.manifest.tmp-4242-abc"
  printf 'mine\n' >"$out/.notes.tmp-draft"
  plant "$out/.notes.tmp-draft"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=0
verify() {
  [ ! -e "$out/.log-triage.md.tmp-4242-1f2e3d" ] || fail "temporary file left"
  [ ! -e "$out/.agentmerge/.manifest.tmp-4242-abc" ] || fail "temporary file in .agentmerge left"
  grep -q "removed a temporary file left by a killed run" "$tmp/stderr" || fail "not reported: $(cat "$tmp/stderr")"
}
