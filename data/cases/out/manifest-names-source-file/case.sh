# The manifest claims out/src/main.c (a file agentmerge never writes), with
# its true xxh64 (of the bytes written below): a cleanup of stale outputs must not delete it.
setup() {
  mkdir -p "$out/src"
  printf 'int main(void) { return 0; }\n' >"$out/src/main.c"
  plant "$out/src/main.c"
  printf 'ad5423773407063f  src/main.c\n' >>"$out/.agentmerge/manifest"
}
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { grep "not a file migrate writes" "$tmp/stderr" | grep -q "bad-manifest" || fail "manifest line not refused: $(cat "$tmp/stderr")"; }
