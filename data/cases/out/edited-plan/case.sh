# `migrate --plan P` does not overwrite a plan edited by hand.
setup() {
  "$bin" migrate "$src" --plan "$tmp/plan.yaml" -q || fail "first --plan exited $?"
  sed -i 's/name: log-triage/name: ci-log-triage/' "$tmp/plan.yaml"
  plant "$tmp/plan.yaml"
}
act() { "$bin" migrate "$src" --plan "$tmp/plan.yaml"; }
want_rc=1
verify() {
  grep -q "edited by hand" "$tmp/stderr" || fail "no refusal message: $(cat "$tmp/stderr")"
  "$bin" migrate "$src" --plan "$tmp/plan.yaml" --force -q || fail "--force exited $?"
}
