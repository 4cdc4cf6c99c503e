#!/usr/bin/env bash
# Options that share a name share a meaning: --follow-symlinks walks linked
# folders in lint and convert as in scan and migrate; --to accepts the same
# formats in merge as in convert (codex, kiro included).
# Usage: common_flags.sh path/to/agentmerge
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$tmp/real" "$tmp/tree"
printf -- '---\nname: linked\ndescription: A linked agent\ntools: Bsh\n---\n\nBody.\n' > "$tmp/real/linked.md"
ln -s "$tmp/real" "$tmp/tree/link"

out=$("$bin" lint "$tmp/tree" 2>&1)
[[ $out != *linked.md* ]] || fail "lint followed a link without --follow-symlinks: $out"
out=$("$bin" lint --follow-symlinks "$tmp/tree" 2>&1)
[[ $out == *"linked.md:4: warning: unknown tool 'Bsh'"* ]] || fail "lint --follow-symlinks: $out"

"$bin" convert -q --to opencode --out "$tmp/c1" "$tmp/tree" > /dev/null 2>&1
[[ ! -e $tmp/c1/link/linked.md ]] || fail "convert followed a link without --follow-symlinks"
"$bin" convert -q --to opencode --out "$tmp/c2" --follow-symlinks "$tmp/tree" > /dev/null 2>&1
[[ -f $tmp/c2/link/linked.md ]] || fail "convert --follow-symlinks did not convert the linked agent"

for to in codex kiro; do
  "$bin" merge "$tmp/real/linked.md" "$tmp/real/linked.md" --to $to -o "$tmp/m.$to" 2> /dev/null
  rc=$?
  [[ $rc -le 1 && -s $tmp/m.$to ]] || fail "merge --to $to: exit $rc"
done
grep -q '^name = "linked"$' "$tmp/m.codex" || fail "merge --to codex is not a Codex TOML agent"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["name"] == "linked", d' "$tmp/m.kiro" \
  || fail "merge --to kiro is not a Kiro JSON agent"
"$bin" merge "$tmp/real/linked.md" --to cobol > /dev/null 2> "$tmp/err"; rc=$?
[[ $rc -eq 2 ]] && grep -q "codex or kiro" "$tmp/err" || fail "merge --to cobol: exit $rc, $(cat "$tmp/err")"
echo "common flags: ok"
