#!/usr/bin/env bash
# lint: exit codes 0/1/2/3, folders walked for agent files only, --json, and
# one unreadable file never stopping the others.
set -euo pipefail
bin="$(realpath "$1")"
cases="$(realpath data/cases/lint)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Usage: no path, unknown flag.
set +e
"$bin" lint >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "no path should exit 2"
"$bin" lint --frobnicate x >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "unknown flag should exit 2"
set -e

# A clean file: exit 0, no output.
out="$("$bin" lint "$cases/clean-claude/input.md")"
[[ -z "$out" ]] || fail "clean file printed: $out"

# Notes alone do not count: an unknown Copilot tool is only a note.
mkdir -p "$tmp/notes"
cp "$cases/copilot-unknown-tool/input.md" "$tmp/notes/planner.agent.md"
"$bin" lint "$tmp/notes/planner.agent.md" >"$tmp/notes.txt" || fail "notes alone should exit 0"
grep -q "note: unknown tool 'dbSchemaExplorer'" "$tmp/notes.txt" || fail "note not printed"

# Findings: exit 1 with file:line: severity: message.
set +e
"$bin" lint "$cases/lenient-description/input.md" >"$tmp/one.txt"; rc=$?
set -e
[[ $rc -eq 1 ]] || fail "findings should exit 1, got $rc"
grep -q "lenient-description/input.md:3: warning: description has an unquoted ': '" "$tmp/one.txt" \
  || fail "human output format"

# A folder: Markdown without a frontmatter is not an agent and is skipped.
mkdir -p "$tmp/tree/sub"
cp "$cases/clean-claude/input.md" "$tmp/tree/sub/writer.md"
printf '# Notes\n\nNot an agent.\n' >"$tmp/tree/README.md"
"$bin" lint "$tmp/tree" >"$tmp/tree.txt" || fail "clean folder should exit 0"
[[ ! -s "$tmp/tree.txt" ]] || fail "README without frontmatter was linted"

# An unreadable file (NUL byte) and a missing path: exit 3, the rest linted.
cp "$cases/duplicate-key/input.md" "$tmp/tree/dup.md"
printf -- '---\nname: broken\n---\nnul \0 here\n' >"$tmp/tree/broken.md"
set +e
"$bin" lint "$tmp/tree" "$tmp/missing.md" --json >"$tmp/bad.json"; rc=$?
set -e
[[ $rc -eq 3 ]] || fail "unreadable input should exit 3, got $rc"
python3 - "$tmp/bad.json" <<'PY' || fail "JSON output"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["schema"] == "agentmerge-lint/1", doc.get("schema")
found = doc["findings"]
assert doc["summary"]["error"] == sum(f["severity"] == "error" for f in found), doc["summary"]
codes = sorted({f["code"] for f in found})
assert codes == ["duplicate-key", "io", "nul-byte"], codes
for f in found:
    assert set(f) == {"file", "line", "severity", "code", "message"}, f
nul = [f for f in found if f["code"] == "nul-byte"][0]
assert nul["line"] == 4 and nul["severity"] == "error", nul
PY

# The input files were not modified.
cmp -s "$cases/duplicate-key/input.md" "$tmp/tree/dup.md" || fail "input modified"
echo "ok"
