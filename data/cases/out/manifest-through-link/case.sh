# out/ext is a link outside and the manifest lists ext/keep.txt: nothing
# outside may be removed.
setup() {
  ln -s "$outside" "$out/ext"
  printf '0123456789abcdef  ext/keep.txt\n' >>"$out/.agentmerge/manifest"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { [ -f "$outside/keep.txt" ] || fail "keep.txt was removed"; }
