#!/usr/bin/env bash
# scan over the five real backend-architect variants finds one cluster of five.
# Skipped (exit 77) when ../shared/seeds is absent.
set -euo pipefail
bin="$1"
seeds="../shared/seeds"
if [[ ! -d "$seeds" ]]; then
  echo "skip: $seeds is absent"
  exit 77
fi
out="$("$bin" scan "$seeds" --json --jobs 2)"
python3 - "$out" <<'PY'
import json, sys
doc = json.loads(sys.argv[1])
dups = [c for c in doc["clusters"] if not c["singleton"]]
assert doc["files"] == 5, doc["files"]
assert len(doc["clusters"]) == 1, [c["canonical_name"] for c in doc["clusters"]]
assert len(dups[0]["members"]) == 5, dups[0]
assert dups[0]["canonical_name"] == "backend-architect", dups[0]["canonical_name"]
assert doc["unreadable"] == []
print("ok: one cluster of five:", dups[0]["canonical_name"])
PY
