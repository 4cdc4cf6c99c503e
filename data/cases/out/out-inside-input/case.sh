# --out inside the input tree: last run's outputs are not read back, so a
# line deleted from every source stays deleted.
setup() {
  "$bin" migrate "$src" --out "$src/merged" -q || fail "first run into src/merged exited $?"
  for f in "$src"/team-*/api*.md; do sed -i '/Prefer additive changes/d' "$f"; done
}
act() { "$bin" migrate "$src" --out "$src/merged"; }
want_rc=0
verify() {
  grep -q "skipped .* inside the output folder" "$tmp/stderr" || fail "no note about skipped outputs: $(cat "$tmp/stderr")"
  ! grep -q "Prefer additive changes" "$src/merged/api-designer.md" || fail "a deleted line came back from the previous output"
}
