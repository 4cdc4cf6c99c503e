# An output name is a link to a file outside: it is neither followed nor
# replaced.
setup() {
  rm "$out/log-triage.md"
  ln -s "$outside/victim.md" "$out/log-triage.md"
  echo "- Prefer stable identifiers." >>"$src/team-b/log-triage.md"
}
act() { "$bin" migrate "$src" --out "$out" --force; }
want_rc=3
verify() {
  [ -L "$out/log-triage.md" ] || fail "the link was replaced"
  grep "symbolic link" "$tmp/stderr" | grep -q "unsafe-path" || fail "no unsafe-path error: $(cat "$tmp/stderr")"
  [ -f "$out/api-designer.md" ] || fail "the other outputs were not kept"
}
