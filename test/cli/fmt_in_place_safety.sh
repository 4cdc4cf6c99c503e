#!/usr/bin/env bash
# fmt --in-place and the files it replaces: a symbolic link keeps being a
# link and its target is formatted; a read-only file and a file with several
# hard links are refused with a named error (exit 3) and left as they were;
# a size limit (ulimit -f) is a write error, not a SIGXFSZ kill.
# Usage: fmt_in_place_safety.sh path/to/agentmerge
set -u
bin=$1
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
agent() {
  printf -- '---\nname: %s\ndescription:   Reviews changes.\ntools: Read,   Grep\n---\n\n*  one\n*  two\n' "$1" >"$2"
}

# A link: the target is formatted, the link stays a link.
mkdir "$tmp/real"
agent linked "$tmp/real/linked.md"
ln -s "$tmp/real/linked.md" "$tmp/link.md"
"$bin" fmt --in-place "$tmp/link.md" || fail "fmt of a link exited $?"
[ -L "$tmp/link.md" ] || fail "the link was replaced by a regular file"
"$bin" fmt --check "$tmp/real/linked.md" || fail "the link's target was not formatted"

# Read-only: refused, unchanged.
agent ro "$tmp/ro.md"
chmod a-w "$tmp/ro.md"
before=$(sha256sum "$tmp/ro.md")
"$bin" fmt --in-place "$tmp/ro.md" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "read-only file: exit $rc, want 3"
grep -q "\[read-only\]" "$tmp/err" || fail "no read-only error: $(cat "$tmp/err")"
[ "$(sha256sum "$tmp/ro.md")" = "$before" ] || fail "the read-only file changed"

# Hard links: refused, both names keep sharing one file.
agent hl "$tmp/a.md"
ln "$tmp/a.md" "$tmp/b.md"
"$bin" fmt --in-place "$tmp/a.md" 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "hard-linked file: exit $rc, want 3"
grep -q "\[hard-link\]" "$tmp/err" || fail "no hard-link error: $(cat "$tmp/err")"
[ "$(stat -c %i "$tmp/a.md")" = "$(stat -c %i "$tmp/b.md")" ] || fail "the hard link was split"

# A batch: the good file is still formatted next to the refused ones.
agent ok "$tmp/ok.md"
"$bin" fmt --in-place "$tmp/ro.md" "$tmp/ok.md" 2>/dev/null; rc=$?
[ $rc -eq 3 ] || fail "batch: exit $rc, want 3"
"$bin" fmt --check "$tmp/ok.md" || fail "the good file of the batch was not formatted"

# ulimit -f: the write fails with an error naming the file; no temp left.
python3 - "$tmp/big.md" <<'PY'
import sys
body = "".join(f"*  item {i}\n" for i in range(20000))
open(sys.argv[1], "w").write("---\nname: big\ndescription:   Big.\n---\n\n" + body)
PY
(ulimit -f 64; "$bin" fmt --in-place "$tmp/big.md") 2>"$tmp/err"; rc=$?
[ $rc -eq 3 ] || fail "ulimit -f: exit $rc, want 3 (a signal kill is 153): $(cat "$tmp/err")"
grep -q "big.md.*file size limit exceeded" "$tmp/err" || fail "no size-limit error: $(cat "$tmp/err")"
ls -a "$tmp" | grep -q "\.tmp-" && fail "a temporary file was left: $(ls -a "$tmp")"
exit 0
