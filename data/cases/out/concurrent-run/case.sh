# Another run holds the folder's lock: this one is refused and writes nothing.
setup() {
  echo "- Quote the failing command." >>"$src/team-b/log-triage.md"
  for f in "$out"/*.md; do plant "$f"; done
  plant "$out/.agentmerge/manifest"
  # This shell holds the lock (as a running migrate would) on its own open
  # file description; agentmerge opens another and must find it taken.
  exec 9>"$out/.agentmerge/lock"
  flock -n 9 || fail "cannot take the lock for the test"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() {
  exec 9>&-
  grep -q "\[locked\]" "$tmp/stderr" || fail "no lock error: $(cat "$tmp/stderr")"
  "$bin" migrate "$src" --out "$out" -q || fail "the run after the lock was released exited $?"
}
