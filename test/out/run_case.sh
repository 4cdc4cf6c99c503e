#!/usr/bin/env bash
# Runs one output-folder attack case (data/cases/out/<case>/case.sh) against
# `agentmerge migrate`.
#   run_case.sh AGENTMERGE CASE_DIR
# The runner builds a small source tree ($src, see make_tree), an output
# folder $out that one clean migrate run has filled, and a folder $outside
# with files no run may touch. case.sh defines:
#   setup    plants the attack (links, manifests, files) in $out or $src;
#            every file it lists with `plant FILE` must survive unchanged
#   act      runs agentmerge (use "$bin"); its exit code is checked
#   want_rc  the exit code act must return
#   verify   optional: further checks after act (use fail)
# After act, nothing under $outside may have changed and every planted file
# must still hold its bytes.
set -u
bin="$(realpath "$1")"
case_dir="$(realpath "$2")"
tmp="$(mktemp -d)"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../cli/lib/migrate_fixtures.sh"
fail() { echo "FAIL [$(basename "$case_dir")]: $*" >&2; exit 1; }

src=$tmp/src
out=$tmp/out
outside=$tmp/outside
make_tree "$src"
mkdir -p "$outside/am"
printf 'keep me\n' >"$outside/keep.txt"
printf 'victim\n' >"$outside/victim.md"
"$bin" migrate "$src" --out "$out" -q || fail "the clean first run exited $?"

planted=()
plant() { planted+=("$1"); }
verify() { :; }
. "$case_dir/case.sh"
setup

snapshot() { (cd "$outside" && find . -printf '%p %y %l\n' | sort && find . -type f -exec sha256sum {} + | sort); }
before_outside="$(snapshot)"
before_planted="$(for f in "${planted[@]}"; do sha256sum "$f"; done)"

act >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ "$rc" -eq "$want_rc" ] || fail "exit $rc, want $want_rc; stderr: $(cat "$tmp/stderr")"
[ "$(snapshot)" = "$before_outside" ] || fail "a file outside --out changed: $(diff <(echo "$before_outside") <(snapshot))"
after_planted="$(for f in "${planted[@]}"; do sha256sum "$f" 2>&1; done)"
[ "$after_planted" = "$before_planted" ] || fail "a file agentmerge did not write changed or went: $after_planted"
verify
exit 0
