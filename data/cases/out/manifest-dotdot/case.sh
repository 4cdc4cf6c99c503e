# A manifest line climbing out of the folder is refused.
setup() { printf '0123456789abcdef  ../outside/victim.md\n' >>"$out/.agentmerge/manifest"; }
act() { "$bin" migrate "$src" --out "$out"; }
want_rc=3
verify() { grep -q "bad-manifest" "$tmp/stderr" || fail "no bad-manifest error"; }
