# A mistyped input path must not turn every earlier output into a stale one.
setup() {
  for f in "$out"/*.md; do plant "$f"; done
}
act() { "$bin" migrate "$tmp/src-typo" --out "$out"; }
want_rc=3
verify() {
  grep -q "kept (no longer produced, but some input failed)" "$tmp/stdout" || fail "outputs not reported as kept: $(cat "$tmp/stdout")"
  grep -q "  api-designer.md" "$out/.agentmerge/manifest" || fail "kept output dropped from the manifest"
  "$bin" migrate "$src" --out "$out" -q || fail "the next good run exited $?"
}
