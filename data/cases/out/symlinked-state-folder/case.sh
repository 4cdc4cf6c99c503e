# out/.agentmerge is a link to a folder outside: the manifest and report
# must not be written through it.
setup() {
  cp "$out/.agentmerge/manifest" "$outside/am/manifest"
  rm -rf "$out/.agentmerge"
  ln -s "$outside/am" "$out/.agentmerge"
  echo "- Prefer stable identifiers." >>"$src/team-b/log-triage.md"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { grep -q "unsafe-path" "$tmp/stderr" || fail "no unsafe-path error: $(cat "$tmp/stderr")"; }
