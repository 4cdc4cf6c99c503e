#!/usr/bin/env bash
# Usage errors name what was meant: an unknown command or option gets the
# nearest one, exit status 2, and nothing on stdout.
# Usage: usage_errors.sh path/to/agentmerge
set -uo pipefail
bin=$1
fail=0
check() {  # check "ARGS" "EXPECTED STDERR SUBSTRING"
  local out err rc
  out=$("$bin" $1 2> /tmp/usage_errors.$$); rc=$?
  err=$(cat /tmp/usage_errors.$$); rm -f /tmp/usage_errors.$$
  if [[ $rc -ne 2 || -n $out || $err != *"$2"* ]]; then
    echo "agentmerge $1: rc=$rc stdout='$out' stderr='$err' (wanted '$2')"; fail=1
  fi
}
check "merg a.md" "unknown command 'merg' (did you mean 'merge'?)"
check "sacn ." "unknown command 'sacn' (did you mean 'scan'?)"
check "frobnicate" "unknown command 'frobnicate'"
check "lint --jsn a.md" "agentmerge lint: unknown option '--jsn' (did you mean '--json'?)"
check "fmt --chek a.md" "agentmerge fmt: unknown option '--chek' (did you mean '--check'?)"
check "migrate --dryrun ." "(did you mean '--dry-run'?)"
check "merge --frobnicate a.md" "agentmerge merge: unknown option '--frobnicate'"
# No suggestion is made up when nothing is near.
err=$("$bin" frobnicate 2>&1)
[[ $err != *"did you mean"* ]] || { echo "suggested for frobnicate: $err"; fail=1; }
exit $fail
