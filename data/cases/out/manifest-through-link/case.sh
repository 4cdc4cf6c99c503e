# out/ext is a link outside and the manifest lists ext/keep.txt: nothing
# outside may be removed. The hash is keep.txt's true xxh64.
setup() {
  ln -s "$outside" "$out/ext"
  printf 'a3fd515e5b7b83ad  ext/keep.txt\n' >>"$out/.agentmerge/manifest"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { [ -f "$outside/keep.txt" ] || fail "keep.txt was removed"; }
