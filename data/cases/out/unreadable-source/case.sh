# One unreadable source: its cluster fails, and no output is removed as stale.
setup() {
  for f in "$out"/*.md; do plant "$f"; done
  rm "$src/team-b/log-triage.md"
  mkdir "$src/team-b/log-triage.md"
  printf -- '---\nname: x\n' >"$src/team-b/broken.md"
  printf '\xff\xfe---\n' >"$src/team-b/utf16.md"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { grep -q "kept" "$tmp/stdout" || fail "log-triage.md not reported kept: $(cat "$tmp/stdout")"; }
