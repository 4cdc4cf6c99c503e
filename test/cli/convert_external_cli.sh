#!/usr/bin/env bash
# agentmerge convert to and from Codex (TOML) and Kiro (JSON): --out names
# NAME.toml / NAME.json, the documents parse, Codex's unavoidable widening
# is exit 1, and a Kiro or Codex file given by name is read back.
# Usage: convert_external_cli.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tmp/src"
printf -- '---\nname: api-reviewer\ndescription: Reviews "API" changes.\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n\nReview the API.\n' >"$tmp/src/api-reviewer.md"
printf -- '---\nname: all-tools\ndescription: Does anything.\n---\n\nDo it.\n' >"$tmp/src/all-tools.md"

# Kiro: every tool of the source has a Kiro name, the model maps: exit 0.
"$bin" convert "$tmp/src/api-reviewer.md" --to kiro --out "$tmp/kiro" -q 2>"$tmp/notes"; rc=$?
[ $rc -eq 0 ] || fail "faithful kiro conversion exited $rc: $(cat "$tmp/notes")"
[ -f "$tmp/kiro/api-reviewer.json" ] || fail "--out did not write api-reviewer.json"
grep -q '"claude-sonnet-4.5"' "$tmp/kiro/api-reviewer.json" || fail "kiro model not mapped"
grep -q '"Reviews \\"API\\" changes."' "$tmp/kiro/api-reviewer.json" || fail "quotes not escaped in JSON"

# Codex: the read-only sandbox also grants a shell: warned, exit 1.
"$bin" convert "$tmp/src/api-reviewer.md" --to codex --out "$tmp/codex" -q 2>"$tmp/notes"; rc=$?
[ $rc -eq 1 ] || fail "codex conversion of an allowlist exited $rc, want 1"
[ -f "$tmp/codex/api-reviewer.toml" ] || fail "--out did not write api-reviewer.toml"
grep -q 'sandbox_mode = "read-only"' "$tmp/codex/api-reviewer.toml" || fail "no read-only sandbox"
grep -q "tools-widened" "$tmp/notes" || fail "codex widening not reported"

# All tools: no sandbox key, nothing lost.
"$bin" convert "$tmp/src/all-tools.md" --to codex -o "$tmp/all-tools.toml" 2>"$tmp/notes"; rc=$?
[ $rc -eq 0 ] || fail "all-tools codex conversion exited $rc: $(cat "$tmp/notes")"
! grep -q sandbox_mode "$tmp/all-tools.toml" || fail "all-tools agent got a sandbox"

# Read back by extension: kiro -> claude keeps the tools.
"$bin" convert "$tmp/kiro/api-reviewer.json" --to claude >"$tmp/back.md" 2>"$tmp/notes"; rc=$?
[ $rc -eq 0 ] || fail "kiro -> claude exited $rc: $(cat "$tmp/notes")"
grep -q '^tools: Read, Grep, Glob$' "$tmp/back.md" || fail "kiro -> claude lost the tools: $(cat "$tmp/back.md")"
grep -q '^model: sonnet$' "$tmp/back.md" || fail "kiro -> claude did not map the model back"
grep -q '^Review the API.$' "$tmp/back.md" || fail "kiro -> claude lost the body"

# ... and codex -> opencode through --from.
cp "$tmp/codex/api-reviewer.toml" "$tmp/agent.txt"
"$bin" convert "$tmp/agent.txt" --from codex --to opencode >"$tmp/oc.md" 2>"$tmp/notes"; rc=$?
[ $rc -le 1 ] || fail "codex -> opencode exited $rc: $(cat "$tmp/notes")"
grep -q "description: Reviews" "$tmp/oc.md" || fail "codex -> opencode lost the description"

# A broken document is an unreadable input (exit 3) with its line.
printf '{\n  "name": "x",\n  oops\n}\n' >"$tmp/bad.json"
"$bin" convert "$tmp/bad.json" --to claude >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "bad JSON exited $rc, want 3"
grep -q "bad.json:3:" "$tmp/err" || fail "bad JSON error has no line: $(cat "$tmp/err")"

echo "convert_external_cli: ok"
