#!/usr/bin/env bash
# Browser test of the review page (see test/browser/README.md): renders the
# page of the data/backend-architect merge plus an injected variant in
# headless chromium, compares the DOM with the merge report, checks that no
# injected script ran, and keeps a screenshot in the build folder.
# Usage: review_browser.sh path/to/agentmerge   (from the project root)
# Exit 0 pass, 1 fail, 77 skip (chromium missing).
set -uo pipefail
BIN=${1:?usage: review_browser.sh path/to/agentmerge}
BUILD_DIR=$(cd "$(dirname "$BIN")" && pwd)

CHROME=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then CHROME=$(command -v "$c"); break; fi
done
if [ -z "$CHROME" ]; then
  echo "SKIP: chromium is not installed; install it (Debian: apt-get install chromium, or bash .ci/deps) to run the browser test"
  exit 77
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

inputs=(data/backend-architect/*.md test/browser/injected-variant.md)
[ -e "${inputs[0]}" ] || fail "no inputs: data/backend-architect/*.md is missing"
status=0
"$BIN" review "${inputs[@]}" --html "$work/review.html" --report "$work/report.json" \
  2>"$work/stderr" || status=$?
[ "$status" -le 1 ] || { cat "$work/stderr" >&2; fail "agentmerge review exited $status"; }
[ -s "$work/review.html" ] || fail "no review page written"
grep -q 'http-equiv="Content-Security-Policy"' "$work/review.html" || fail "page has no CSP"
if grep -Eq '(src|href)="(https?:)?//' "$work/review.html"; then fail "page refers to the network"; fi

chrome() {
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" "$@" 2>>"$work/chrome.log"
}
chrome --dump-dom "file://$work/review.html" >"$work/dom.html" || {
  tail -20 "$work/chrome.log" >&2
  fail "chromium --dump-dom failed"
}
[ -s "$work/dom.html" ] || fail "chromium produced an empty DOM"

# The report's counts: the "counts" object is the only place with these keys
# at an indent of four spaces in the pretty-printed report.
report_count() {
  sed -n "s/^    \"$1\": \\([0-9][0-9]*\\),\\{0,1\\}\$/\\1/p" "$work/report.json" | head -1
}
dom_count() { grep -o "$1" "$work/dom.html" | wc -l | tr -d ' '; }
expect() {  # name expected actual
  [ -n "$2" ] || fail "$1: missing from the report"
  [ "$2" = "$3" ] || fail "$1: report says $2, page shows $3"
  echo "ok: $1 = $3"
}

grep -q '<body[^>]*data-ready="1"' "$work/dom.html" || fail "the page's script did not run (no data-ready)"
sources_in_report=$(grep -c '^      "index": ' "$work/report.json")
expect "sources" "$sources_in_report" "$(dom_count '<details class="src[^"]*" data-source="[0-9]*"')"
expect "output blocks" "$(report_count output_blocks)" "$(dom_count 'data-block-id="[0-9]*"')"
expect "source blocks" "$(report_count source_blocks)" "$(dom_count 'data-sb="[0-9]*"')"
expect "decisions" "$(report_count decisions)" "$(dom_count 'data-decision="[0-9]*"')"
indexed=$(grep -o '<body[^>]*data-indexed="[0-9]*"' "$work/dom.html" | sed 's/.*data-indexed="\([0-9]*\)"/\1/')
expect "source blocks indexed by the script" "$(report_count source_blocks)" "$indexed"
for fate in kept folded dropped; do
  expect "$fate" "$(report_count "$fate")" "$(dom_count "data-fate=\"$fate\"")"
done
[ "$(report_count output_blocks)" -gt 0 ] || fail "the merge produced no output blocks"
expect "folds showing their similarity" "$(report_count folded)" "$(dom_count '<span class="sim">similarity [0-9]')"
weak=$(dom_count '<li [^>]*data-fate="folded"[^>]*class="weak"')
echo "ok: $weak weak folds marked"

# Nothing injected may have run.
if grep -q 'data-pwned="' "$work/dom.html"; then fail "an injected script ran (data-pwned is set)"; fi
if grep -q 'PWNED-' "$work/dom.html"; then fail "an injected script ran (title changed)"; fi
grep -q "setAttribute('data-pwned', 'script')" "$work/dom.html" ||
  fail "the injected text is missing from the page (it must be shown escaped)"
echo "ok: injected <script>, onerror and javascript: link did not run"

# Interaction: a probe script (allowed by the page's own nonce) clicks the
# first block with folded alternatives and a source filter; the inspector must
# list as many folded alternatives as the block's data-folded says.
nonce=$(grep -o "'nonce-[0-9a-f]*'" "$work/review.html" | head -1 | sed "s/'nonce-\\([0-9a-f]*\\)'/\\1/")
[ -n "$nonce" ] || fail "no script nonce in the CSP"
probe="<script nonce=\"$nonce\">(function () {
  var b = document.querySelector('[data-block-id]:not([data-folded=\"0\"])');
  if (!b) return;
  b.click();
  document.body.setAttribute('data-probe-expected', b.getAttribute('data-folded'));
  document.body.setAttribute('data-probe-shown', String(document.querySelectorAll('#inspector .alt.folded').length));
  document.querySelector('[data-filter=\"0\"]').click();
  document.body.setAttribute('data-probe-filter', document.getElementById('merged').className);
})();</script>"
page=$(cat "$work/review.html")
printf '%s\n' "${page/<\/body>/$probe</body>}" >"$work/probe.html"
chrome --dump-dom "file://$work/probe.html" >"$work/probe-dom.html" || fail "chromium failed on the probe page"
body=$(grep -o '<body[^>]*>' "$work/probe-dom.html")
expected=$(printf '%s' "$body" | sed -n 's/.*data-probe-expected="\([0-9]*\)".*/\1/p')
shown=$(printf '%s' "$body" | sed -n 's/.*data-probe-shown="\([0-9]*\)".*/\1/p')
[ -n "$expected" ] || fail "no block with folded alternatives to click (or the probe did not run)"
expect "folded alternatives shown on click" "$expected" "$shown"
printf '%s' "$body" | grep -q 'data-probe-filter="f0"' || fail "the source filter did not apply"
echo "ok: source filter"

# Keyboard: n walks every item that needs review (decision rows, weak folds)
# and wraps around; j focuses and pins the first output block.
key_probe="<script nonce=\"$nonce\">(function () {
  var want = document.querySelectorAll('tr.needs-review, .src li.weak');
  var seen = new Set();
  function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); }
  for (var i = 0; i < want.length; i++) { key('n'); seen.add(document.activeElement); }
  key('n');
  document.body.setAttribute('data-keys-want', String(want.length));
  document.body.setAttribute('data-keys-seen', String(seen.size));
  document.body.setAttribute('data-keys-wrapped', document.activeElement === want[0] ? 'yes' : 'no');
  key('j');
  var b = document.activeElement;
  document.body.setAttribute('data-keys-block',
    b ? (b.hasAttribute('data-block-id') ? (b.classList.contains('sel') ? 'pinned' : 'focused') : 'none') : 'none');
})();</script>"
printf '%s\n' "${page/<\/body>/$key_probe</body>}" >"$work/keys.html"
chrome --dump-dom "file://$work/keys.html" >"$work/keys-dom.html" || fail "chromium failed on the keyboard probe"
body=$(grep -o '<body[^>]*>' "$work/keys-dom.html")
want=$(printf '%s' "$body" | sed -n 's/.*data-keys-want="\([0-9]*\)".*/\1/p')
[ -n "$want" ] || fail "the keyboard probe did not run"
[ "$want" -gt 0 ] || fail "nothing on the page needs review (the test page should have some)"
expect "items that need review reached with n" "$want" "$(printf '%s' "$body" | sed -n 's/.*data-keys-seen="\([0-9]*\)".*/\1/p')"
printf '%s' "$body" | grep -q 'data-keys-wrapped="yes"' || fail "n does not wrap around to the first item"
printf '%s' "$body" | grep -q 'data-keys-block="pinned"' || fail "j does not focus and pin an output block"
echo "ok: keyboard n/p and j/k"

# Choices: on the page of a budgeted merge (so that some blocks are
# dropped), keep one dropped block, keep one folded block apart, use the
# wording of another folded block and take another source's model; the
# exported decisions file, applied by merge --decisions, must write them.
"$BIN" review data/backend-architect/*.md --budget 700 --html "$work/choose.html" \
  >/dev/null 2>&1
[ -s "$work/choose.html" ] || fail "no page for the choices test"
cnonce=$(grep -o "'nonce-[0-9a-f]*'" "$work/choose.html" | head -1 | sed "s/'nonce-\\([0-9a-f]*\\)'/\\1/")
python3 - "$work/choose.html" "$cnonce" "$work/choose-probe.html" <<'PY'
import sys
page, nonce, out = sys.argv[1], sys.argv[2], sys.argv[3]
probe = """<script nonce="%s">(function () {
  function text(li) { var p = li.querySelector('pre'); return p ? p.textContent : ''; }
  function first(sel, skip) {
    var all = document.querySelectorAll(sel);
    for (var i = 0; i < all.length; i++)
      if (all[i] !== skip && text(all[i]) && text(all[i]).indexOf('- ') === 0) return all[i];
    return null;
  }
  var drop = first('.src li[data-fate=dropped][data-policy=budget]', null);
  var apart = first('.src li[data-fate=folded]', null);
  var word = null, all = document.querySelectorAll('.src li[data-fate=folded]');
  for (var i = 0; i < all.length; i++) {
    var t = text(all[i]);
    if (all[i] !== apart && t.indexOf('- ') === 0 && all[i].getAttribute('data-output') !== apart.getAttribute('data-output')) { word = all[i]; break; }
  }
  var report = [];
  [[drop, 'keep', 'drop'], [apart, 'keep', 'apart'], [word, 'wording', 'word']].forEach(function (x) {
    if (!x[0]) { report.push(x[2] + ': none'); return; }
    x[0].querySelector('[data-act=' + x[1] + ']').click();
    document.body.setAttribute('data-c-' + x[2], text(x[0]));
  });
  var sel = document.querySelector('select[data-key=model]');
  if (sel) {
    var cur = document.querySelector('pre.fm').textContent.match(/^model: (.*)$/m);
    for (var k = 1; k < sel.options.length; k++) {
      var v = sel.options[k].textContent.replace(/ \\(.*\\)$/, '');
      if (!cur || v !== cur[1]) { sel.selectedIndex = k; sel.dispatchEvent(new Event('change')); document.body.setAttribute('data-c-model', v); break; }
    }
  }
  var link = document.querySelector('a.to-block');
  if (link) {
    link.click();
    var at = document.activeElement;
    document.body.setAttribute('data-c-link', at && '#' + at.id === link.getAttribute('href') ? 'yes' : 'no');
  }
  document.body.setAttribute('data-c-missing', report.join('; '));
  document.body.setAttribute('data-c-file', document.getElementById('decisions-json').value);
})();</script>""" % nonce
html = open(page, encoding='utf-8').read()
open(out, 'w', encoding='utf-8').write(html.replace('</body>', probe + '</body>', 1))
PY
chrome --dump-dom "file://$work/choose-probe.html" >"$work/choose-dom.html" || fail "chromium failed on the choices probe"
python3 - "$work/choose-dom.html" "$work" <<'PY' || fail "the choices probe found nothing to choose"
import html.parser, sys, os
class P(html.parser.HTMLParser):
    attrs = None
    def handle_starttag(self, tag, attrs):
        if tag == 'body' and self.attrs is None: self.attrs = dict(attrs)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
a = p.attrs or {}
if a.get('data-c-missing'): print('missing:', a['data-c-missing']); sys.exit(1)
if a.get('data-c-link') != 'yes': print('a decision link does not reach its block:', a.get('data-c-link')); sys.exit(1)
for k in ('file', 'drop', 'apart', 'word', 'model'):
    if not a.get('data-c-' + k): print('no', k); sys.exit(1)
    open(os.path.join(sys.argv[2], 'choice-' + k), 'w', encoding='utf-8').write(a['data-c-' + k])
PY
cp "$work/choice-file" "$work/decisions.json"
grep -q '"action": "wording"' "$work/decisions.json" || fail "the exported file has no wording choice"
grep -c '"action": "keep"' "$work/decisions.json" | grep -q '^2$' || fail "the exported file does not hold the two kept blocks"
echo "ok: a decision row links to its block; the page exports $(grep -c '"line"' "$work/decisions.json") block choices and a model choice"
status=0
"$BIN" merge data/backend-architect/*.md --budget 700 --decisions "$work/decisions.json" \
  -o "$work/chosen.md" --report "$work/chosen.json" 2>"$work/chosen.err" || status=$?
[ "$status" -le 1 ] || { cat "$work/chosen.err" >&2; fail "merge --decisions exited $status"; }
python3 - "$work" <<'PY' || fail "merge --decisions did not write what the reviewer chose"
import json, os, sys
w = sys.argv[1]
out = open(os.path.join(w, 'chosen.md'), encoding='utf-8').read()
lines = [l.strip() for l in out.splitlines()]
def has(kind):
    t = open(os.path.join(w, 'choice-' + kind), encoding='utf-8').read().splitlines()[0].strip()
    if t not in lines: print(kind, 'missing from the output:', t); return False
    print('ok:', kind, 'written:', t[:60]); return True
ok = all([has('drop'), has('apart'), has('word')])
model = open(os.path.join(w, 'choice-model'), encoding='utf-8').read()
if 'model: ' + model not in lines: print('model', model, 'not written'); ok = False
else: print('ok: model', model, 'written')
r = json.load(open(os.path.join(w, 'chosen.json'), encoding='utf-8'))
pol = [d['policy'] for d in r['decisions']]
bad = [d['message'] for d in r['decisions'] if d['policy'] in ('stale-choice', 'choice-not-applied')]
if bad: print('not applied:', bad); ok = False
if 'reviewer' not in pol: print('no reviewer decision'); ok = False
sys.exit(0 if ok else 1)
PY
"$BIN" review data/backend-architect/*.md --budget 700 --decisions "$work/decisions.json" \
  --html "$work/chosen.html" >/dev/null 2>&1
taken=$(grep -o 'data-choice="[a-z]*"' "$work/chosen.html" | wc -l | tr -d ' ')
[ "$taken" = 3 ] || fail "the page of the chosen merge marks $taken blocks as chosen, not 3"
grep -q '<option value="[^"]*" selected>' "$work/chosen.html" || fail "the page of the chosen merge does not show the model taken"
echo "ok: the page of the chosen merge shows the 3 block choices and the model as taken"

# No horizontal overflow at phone, tablet and desktop widths. Headless
# chromium keeps a window at least 500 px wide, so 360 px is checked by
# holding the body at 360 px in a 500 px window (the same media rules apply
# below 700 px): nothing may reach past its right edge. (No '&' in the
# probe: bash's ${page/.../...} would read it as the matched text.)
width_probe="<script nonce=\"$nonce\">(function () {
  var narrow = NARROW;
  if (narrow) { document.body.style.width = '360px'; document.body.style.margin = '0'; }
  var limit = narrow ? 360 : window.innerWidth, worst = 0, what = '';
  // Inside a scrolling box (a wide table, a code block) is not overflow.
  function clipped(e) {
    for (var p = e.parentElement; p ? p !== document.body : false; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  }
  document.querySelectorAll('body *').forEach(function (e) {
    if (clipped(e)) return;
    var r = e.getBoundingClientRect();
    if (r.width > 0 ? r.right > worst : false) { worst = r.right; what = e.tagName + '#' + e.id + '.' + e.className; }
  });
  document.body.setAttribute('data-width-limit', String(limit));
  document.body.setAttribute('data-width-used', String(Math.ceil(narrow ? worst : Math.max(worst, document.scrollingElement.scrollWidth))));
  document.body.setAttribute('data-width-widest', what);
})();</script>"
for w in 360 800 1400; do
  win=$w narrow=false
  [ "$w" -lt 500 ] && win=500 narrow=true
  printf '%s\n' "${page/<\/body>/${width_probe/NARROW/$narrow}</body>}" >"$work/width-$w-page.html"
  chrome --window-size="$win,1000" --dump-dom "file://$work/width-$w-page.html" >"$work/width-$w.html" ||
    fail "chromium failed at $w px"
  body=$(grep -o '<body[^>]*>' "$work/width-$w.html")
  limit=$(printf '%s' "$body" | sed -n 's/.*data-width-limit="\([0-9]*\)".*/\1/p')
  used=$(printf '%s' "$body" | sed -n 's/.*data-width-used="\([0-9]*\)".*/\1/p')
  widest=$(printf '%s' "$body" | sed -n 's/.*data-width-widest="\([^"]*\)".*/\1/p')
  [ -n "$used" ] || fail "the width probe did not run at $w px"
  [ "$used" -le "$limit" ] || fail "horizontal overflow at $w px: $used px used (widest: $widest)"
  echo "ok: no horizontal overflow at $w px ($used of $limit px)"
  chrome --screenshot="$BUILD_DIR/review-screenshot-$w.png" --window-size="$win,1600" \
    "file://$work/review.html" >/dev/null || fail "chromium --screenshot failed at $w px"
done

shot="$BUILD_DIR/review-screenshot.png"
rm -f "$shot"
chrome --screenshot="$shot" --window-size=1400,2000 "file://$work/review.html" >/dev/null ||
  fail "chromium --screenshot failed"
[ -s "$shot" ] || fail "no screenshot written"
cp "$work/review.html" "$BUILD_DIR/review-browser-test.html"
echo "ok: screenshot $shot"
