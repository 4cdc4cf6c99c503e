#!/usr/bin/env bash
# Runs one case of the bad-input zoo (data/cases/bad/<case>/) through every
# subcommand that reads agent files.
#   run_case.sh AGENTMERGE CASE_DIR
# A case holds `expected` (lines "exit: 3", "code: too-deep", "line: 37";
# "exit: ok" = read without error, exit 0 or 1) and either `input.md` or
# `make.sh`, run as `bash make.sh FILE` to create FILE at test time (large,
# special or generated inputs). The bad file is read next to a good agent:
# each batch command must still process the good one, no input may change,
# and no output may be written for the bad one (nothing partial).
set -euo pipefail
bin="$(realpath "$1")"
case_dir="$(realpath "$2")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL [$(basename "$case_dir")]: $*" >&2; exit 1; }

value() { sed -n "s/^$1: //p" "$case_dir/expected"; }
want_exit="$(value exit)"
want_code="$(value code)"
want_line="$(value line)"
[[ -n "$want_exit" ]] || fail "expected has no 'exit:' line"

mkdir "$tmp/in"
bad="$tmp/in/bad.md"
ok="$tmp/in/ok.md"
if [[ -f "$case_dir/make.sh" ]]; then
  bash "$case_dir/make.sh" "$bad"
else
  cp "$case_dir/input.md" "$bad"
fi
cat >"$ok" <<'MD'
---
name: ok
description: Reviews pull requests for missing tests.
tools: Read, Grep
---

You review pull requests and name each change that lacks a test.
MD
# Contents of the small files, size and time of the large (sparse) ones.
snapshot() {
  find "$tmp/in" -type f -size -10M -print0 | sort -z | xargs -0 -r sha256sum
  find "$tmp/in" -type f -size +10M -printf '%p %s %T@\n' | sort
}
before="$(snapshot)"

# run NAME EXPECT_OK_TOO CMD...: runs one command (bounded in time), checks
# the exit code and, for a refusal, that the message names file:line [code].
run() {
  local name=$1
  shift
  set +e
  timeout 60 "$bin" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"
  local rc=$?
  set -e
  [[ $rc -ne 124 ]] || fail "$name: did not finish within 60 s"
  if [[ "$want_exit" == ok ]]; then
    [[ $rc -le 1 ]] || { cat "$tmp/err.txt" >&2; fail "$name: exit $rc, want 0 or 1"; }
    return
  fi
  [[ $rc -eq $want_exit ]] || { cat "$tmp/err.txt" >&2; fail "$name: exit $rc, want $want_exit"; }
  local where="$bad:"
  [[ -z "$want_line" || "$want_line" == 0 ]] || where="$bad:$want_line:"
  grep -qF -- "$where" "$tmp/out.txt" "$tmp/err.txt" || {
    cat "$tmp/err.txt" >&2; fail "$name: no message naming $where"; }
  if [[ -n "$want_code" ]]; then
    grep -qF -- "[$want_code]" "$tmp/out.txt" "$tmp/err.txt" || {
      cat "$tmp/err.txt" >&2; fail "$name: no [$want_code] in the message"; }
  fi
}

run lint lint "$bad" "$ok"
run fmt-check fmt --check "$bad" "$ok"
run dump dump "$bad"
run scan scan "$bad" "$ok"
run diff diff "$bad" "$ok"
run merge merge "$bad" "$ok" -o "$tmp/merged.md"
run review review "$bad" "$ok" --html "$tmp/review.html"
run convert convert --to opencode --out "$tmp/conv" "$bad" "$ok"
run migrate-dry-run migrate --dry-run --out "$tmp/mig" "$bad" "$ok"

[[ "$(snapshot)" == "$before" ]] || fail "an input file changed"
[[ ! -e "$tmp/mig" ]] || fail "migrate --dry-run wrote $tmp/mig"
[[ -f "$tmp/conv/ok.md" ]] || fail "convert did not still convert the good file"
if [[ "$want_exit" != ok ]]; then
  [[ ! -e "$tmp/merged.md" ]] || fail "merge wrote an output although an input was refused"
  [[ ! -e "$tmp/review.html" ]] || fail "review wrote a page although an input was refused"
  [[ ! -e "$tmp/conv/bad.md" ]] || fail "convert wrote an output for the refused file"
fi
leftover="$(find "$tmp" -name '.*.tmp-*' | head -1)"
[[ -z "$leftover" ]] || fail "a temporary file was left: $leftover"
echo "ok: $(basename "$case_dir")"
