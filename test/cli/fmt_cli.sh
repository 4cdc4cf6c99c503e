#!/usr/bin/env bash
# agentmerge fmt and dump from the command line: stdout, -o, --check,
# --in-place (atomic, permissions kept, canonical files untouched), usage
# errors, unreadable files reported with file:line while the others are
# still processed. Usage: fmt_cli.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

printf -- '---\r\nname: tidy\r\ndescription: Keeps things tidy.\r\n---\r\n\r\nTitle\r\n=====\r\n* one  \r\n* two\r\n' >"$tmp/messy.md"
printf -- '---\nname: clean\ndescription: Already canonical.\n---\n\n# Clean\n\n- item\n' >"$tmp/clean.md"
chmod 640 "$tmp/messy.md"
want=$(printf -- '---\nname: tidy\ndescription: Keeps things tidy.\n---\n\n# Title\n\n- one\n- two\n')

# stdout, one file; input untouched.
before=$(sha1sum "$tmp/messy.md")
out=$("$bin" fmt "$tmp/messy.md") || fail "fmt to stdout exited $?"
[ "$out" = "$want" ] || fail "unexpected canonical form: $out"
[ "$(sha1sum "$tmp/messy.md")" = "$before" ] || fail "fmt modified its input"

# --check lists only the files that would change and exits 1.
"$bin" fmt --check "$tmp/messy.md" "$tmp/clean.md" >"$tmp/check" 2>/dev/null; rc=$?
[ $rc -eq 1 ] || fail "--check exited $rc, want 1"
grep -q "messy.md" "$tmp/check" || fail "--check did not list messy.md"
! grep -q "clean.md" "$tmp/check" || fail "--check listed a canonical file"
"$bin" fmt --check "$tmp/clean.md" >/dev/null 2>&1 || fail "--check on a canonical file exited $?"

# -o writes one output.
"$bin" fmt "$tmp/messy.md" -o "$tmp/out.md" || fail "-o exited $?"
[ "$(cat "$tmp/out.md")" = "$want" ] || fail "-o wrote something else"

# Usage errors: exit 2, nothing written.
"$bin" fmt "$tmp/messy.md" "$tmp/clean.md" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "two files to stdout exited $rc, want 2"
"$bin" fmt --check --in-place "$tmp/messy.md" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--check with --in-place exited $rc, want 2"
[ "$(sha1sum "$tmp/messy.md")" = "$before" ] || fail "a usage error modified the input"

# --in-place: an unterminated frontmatter is refused with file:line and
# exit 3, the other files are still rewritten, permissions kept.
printf -- '---\nname: broken\ndescription: never closed\n\nBody.\n' >"$tmp/broken.md"
clean_mtime=$(stat -c %Y "$tmp/clean.md")
sleep 1
"$bin" fmt --in-place "$tmp/broken.md" "$tmp/messy.md" "$tmp/clean.md" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "--in-place with a broken file exited $rc, want 3"
grep -q "broken.md:[0-9]" "$tmp/err" || fail "no file:line for the broken file: $(cat "$tmp/err")"
[ "$(cat "$tmp/messy.md")" = "$want" ] || fail "--in-place did not rewrite messy.md"
[ "$(stat -c %a "$tmp/messy.md")" = "640" ] || fail "--in-place lost the permissions"
[ "$(stat -c %Y "$tmp/clean.md")" = "$clean_mtime" ] || fail "--in-place rewrote a canonical file"
ls "$tmp" | grep -v -E '^(messy|clean|broken|out)\.md$|^(check|err)$' && fail "temporary files left behind"

# A missing file: exit 3.
"$bin" fmt "$tmp/missing.md" >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "missing file exited $rc, want 3"

# dump: text outline and JSON.
printf -- '---\r\nname: d\r\ndescription: D.\r\n---\r\n\r\nTitle\r\n=====\r\n- **Lead**: x\r\n' >"$tmp/d.md"
"$bin" dump "$tmp/d.md" >"$tmp/dump.txt" || fail "dump exited $?"
grep -q "Title  (setext, level 1)" "$tmp/dump.txt" || fail "dump text lacks the setext heading"
grep -q "item \[Lead\]" "$tmp/dump.txt" || fail "dump text lacks the item lead"
"$bin" dump --json "$tmp/d.md" >"$tmp/dump.json" || fail "dump --json exited $?"
grep -q '"line_endings": "crlf"' "$tmp/dump.json" || fail "dump --json lacks the encoding"
"$bin" dump "$tmp/broken.md" >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "dump of a broken file exited $rc, want 3"
exit 0
