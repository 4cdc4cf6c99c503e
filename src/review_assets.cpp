// The review page's inline stylesheet and script (see review_internal.hpp for
// the contract between them and the generator in review.cpp).
//
//   kReviewCss: layout (merged agent beside a sticky provenance inspector),
//               stripes and badges of output blocks, fate colours.
//   kReviewJs:  index source blocks by output block once, then hover/click
//               through one delegated listener; filter by source; mark ready.
#include "review_internal.hpp"

namespace agentmerge::detail {

const char* const kReviewCss = R"CSS(
:root{--fg:#1d232a;--muted:#667;--line:#dde1e6;--bg:#fbfcfd;--kept:#2e7d32;--folded:#b26a00;--dropped:#c62828;
--panel:#fff;--code:#f6f8fa;--th:#f2f4f7;--hover:#f4f7fb;--sel:#eaf2ff;--review-bg:#fff6e5;--danger-bg:#fde8e8;
--alt-bg:#fffaf0;--kept-bg:#f3faf3;--weak-bg:#fff3f3;--dropped-bg:#fdf0f0;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e3e6ea;--muted:#9aa3ad;--line:#3a4048;--bg:#15181c;--kept:#66bb6a;
--folded:#ffb74d;--dropped:#ef5350;--panel:#1e2227;--code:#262b31;--th:#262b31;--hover:#242a31;--sel:#1f3350;
--review-bg:#3a2f1a;--danger-bg:#3d1f1f;--alt-bg:#2f2a1e;--kept-bg:#1e2e20;--weak-bg:#3a2222;--dropped-bg:#35201f}}
@media print{header{position:static}#inspector{display:none}#cols{grid-template-columns:minmax(0,1fr)}
.src{break-inside:avoid}button{display:none}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{position:sticky;top:0;z-index:2;background:var(--panel);border-bottom:1px solid var(--line);padding:8px 20px}
header h1{font-size:18px;margin:0 0 4px}
#summary{display:flex;flex-wrap:wrap;gap:6px 14px}
.count{color:var(--muted)}.count b{color:var(--fg)}
[data-count=kept] b{color:var(--kept)}[data-count=folded] b{color:var(--folded)}[data-count=dropped] b{color:var(--dropped)}
main{padding:0 20px 40px}
h2{font-size:15px;margin:18px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--panel)}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
@media (max-width:700px){table{display:block;overflow-x:auto}main{padding:0 8px 24px}}
th{background:var(--th);font-weight:600}
tr.needs-review td{background:var(--review-bg)}
tr.needs-review td:first-child{box-shadow:inset 4px 0 var(--folded)}
tr.danger td{background:var(--danger-bg)}
tr.danger td:first-child{box-shadow:inset 4px 0 #c62828}
tr.danger td:first-child::before{content:"danger: ";font-weight:600;color:#c62828}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;word-break:break-word}
.chip{display:inline-block;border:1px solid var(--c,#999);border-left:8px solid var(--c,#999);border-radius:4px;padding:0 6px;font-size:12px;background:var(--panel);cursor:default;color:var(--fg)}
button.chip{cursor:pointer;margin:2px}
button.chip.on{background:var(--c,#333);color:#fff}
#cols{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:20px;align-items:start}
@media (max-width:900px){#cols{grid-template-columns:minmax(0,1fr)}#inspector{position:static;max-height:none}}
#merged{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:4px 16px 16px;min-width:0;overflow-wrap:anywhere}
.md table{display:block;max-width:100%;overflow-x:auto}
pre.fm{background:var(--code);border:1px solid var(--line);padding:8px;overflow:auto;font-size:12px}
.ob{position:relative;padding:2px 70px 2px 14px;border-radius:4px;outline:none;min-height:24px}
.raw{border:1px dashed var(--dropped);padding:2px 6px;margin:2px 0}
pre.fmv{margin:2px 0;white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:#444}
.ob:hover{background:var(--hover)}
:focus-visible{outline:2px solid #8ab4f8;outline-offset:1px}
kbd{font:11px ui-monospace,monospace;border:1px solid var(--line);border-radius:3px;padding:0 4px;background:var(--panel)}
.ob.sel{background:var(--sel);box-shadow:0 0 0 2px #8ab4f8 inset}
.ob .bar{position:absolute;left:0;top:3px;bottom:3px;width:6px;border-radius:3px}
.ob .badge{position:absolute;right:4px;top:4px;font-size:11px;color:var(--muted)}
.ob[data-folded]:not([data-folded="0"]) .badge{color:var(--folded)}
.md>:first-child{margin-top:4px}.md>:last-child{margin-bottom:4px}
.md ul,.md ol{margin:2px 0;padding-left:22px}
.md pre{background:var(--code);padding:8px;overflow:auto}
#inspector{position:sticky;top:80px;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:4px 14px 14px;max-height:calc(100vh - 100px);overflow:auto}
#inspector h3{font-size:13px;margin:10px 0 4px}
#inspector .alt{border-left:3px solid var(--folded);padding:2px 8px;margin:6px 0;background:var(--alt-bg)}
#inspector .alt.kept{border-color:var(--kept);background:var(--kept-bg)}
#inspector pre,.src pre{margin:2px 0 0;white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
.src{background:var(--panel);border:1px solid var(--line);border-left:8px solid var(--c);border-radius:6px;margin:8px 0;padding:4px 12px}
.src summary{cursor:pointer}
.src ol{list-style:none;padding:0;margin:6px 0}
.src li{border-top:1px solid var(--line);padding:4px 0 4px 8px;cursor:pointer}
.src li[data-fate=kept]{box-shadow:inset 3px 0 var(--kept)}
.src .sim{font-size:12px;color:var(--muted)}
.src li.weak{background:var(--weak-bg)}.src li.weak .sim{color:#c62828;font-weight:600}
.src li[data-fate=folded]{box-shadow:inset 3px 0 var(--folded);background:var(--alt-bg)}
.src li[data-fate=dropped]{box-shadow:inset 3px 0 var(--dropped);background:var(--dropped-bg)}
.src li.sel{background:var(--sel)}
.loc{color:var(--muted);font-size:12px}
.fate{font-size:11px;font-weight:600;text-transform:uppercase}
[data-fate=kept] .fate{color:var(--kept)}[data-fate=folded] .fate{color:var(--folded)}[data-fate=dropped] .fate{color:var(--dropped)}
.kind,.same{font-size:11px;color:var(--muted)}
a.to-block,a.to-decision{font-size:11px;margin-left:6px;overflow-wrap:anywhere}
.act button{font-size:11px;margin-left:6px;padding:0 6px;border:1px solid var(--line);border-radius:3px;background:var(--panel);color:var(--fg);cursor:pointer}
.act button[aria-pressed=true]{background:var(--kept);border-color:var(--kept);color:#fff}
.src li.chosen{outline:2px solid var(--kept);outline-offset:-2px}
.choose{display:block;margin-top:4px;font-size:12px}.choose select{width:100%;max-width:24em}
#choices textarea{display:block;width:100%;margin-top:6px;font:12px/1.4 ui-monospace,monospace;background:var(--code);color:var(--fg)}
footer{padding:10px 20px;font-size:12px}
)CSS";

const char* const kReviewJs = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('am-data').textContent);
  var merged = document.getElementById('merged');
  var inspector = document.getElementById('inspector');
  var sourcesEl = document.getElementById('sources');
  // One pass over the source blocks: output id -> its source blocks.
  var byOutput = new Map();
  var items = sourcesEl.querySelectorAll('[data-sb]');
  for (var i = 0; i < items.length; i++) {
    var out = items[i].getAttribute('data-output');
    if (out === '-1') continue;
    if (!byOutput.has(out)) byOutput.set(out, []);
    byOutput.get(out).push(items[i]);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function sourceChip(index) {
    var s = data.sources[index] || {name: '?', color: '#999'};
    var c = el('span', 'chip', s.name);
    c.style.setProperty('--c', s.color);
    return c;
  }
  // "file:line" of a source block, from its panel's source and its line.
  function where(li) {
    var panel = li.closest('[data-source]');
    var s = panel ? data.sources[Number(panel.getAttribute('data-source'))] : null;
    return (s ? s.name : '?') + ':' + li.getAttribute('data-line');
  }
  function show(block) {
    var id = block.getAttribute('data-block-id');
    inspector.textContent = '';
    inspector.appendChild(el('h2', '', 'Provenance of block #' + id));
    inspector.appendChild(el('div', 'muted', block.getAttribute('data-kind') + ' in "' +
        (block.getAttribute('data-section') || '(preamble)') + '", merged lines ' +
        block.getAttribute('data-lines')));
    inspector.appendChild(el('h3', '', 'Sources'));
    var srcs = (block.getAttribute('data-sources') || '').split(' ').filter(Boolean);
    if (!srcs.length) inspector.appendChild(el('div', 'muted', 'none recorded'));
    srcs.forEach(function (s) { inspector.appendChild(sourceChip(Number(s))); inspector.appendChild(document.createTextNode(' ')); });
    var list = byOutput.get(id) || [];
    var groups = [['kept', 'Kept as this block'], ['folded', 'Folded alternatives']];
    groups.forEach(function (g) {
      var these = list.filter(function (li) { return li.getAttribute('data-fate') === g[0]; });
      if (!these.length) return;
      inspector.appendChild(el('h3', '', g[1] + ' (' + these.length + ')'));
      these.forEach(function (li) {
        var box = el('div', 'alt ' + g[0]);
        box.appendChild(el('div', 'loc', where(li) +
            (g[0] === 'folded' ? ', similarity ' + li.getAttribute('data-sim') : '')));
        var pre = li.querySelector('pre');
        box.appendChild(pre ? el('pre', '', pre.textContent) : el('div', 'muted', 'same text as this block'));
        inspector.appendChild(box);
      });
    });
  }
  var pinned = null;
  function select(block) {
    if (pinned) pinned.classList.remove('sel');
    pinned = block;
    if (block) { block.classList.add('sel'); show(block); }
  }
  merged.addEventListener('mouseover', function (e) {
    var b = e.target.closest('[data-block-id]');
    if (b && !pinned) show(b);
  });
  merged.addEventListener('click', function (e) {
    var b = e.target.closest('[data-block-id]');
    if (b) select(b === pinned ? null : b);
  });
  // Keyboard: n/p walk what needs review (decision rows, weak folds), j/k
  // walk the output blocks, Enter pins the focused block, Esc clears.
  function step(list, dir) {
    if (!list.length) return null;
    var at = list.indexOf(document.activeElement);
    var next = list[at < 0 ? (dir > 0 ? 0 : list.length - 1) : (at + dir + list.length) % list.length];
    next.focus();
    next.scrollIntoView({block: 'center'});
    return next;
  }
  var reviewItems = Array.prototype.slice.call(
      document.querySelectorAll('tr.needs-review, .src li.weak'));
  reviewItems.forEach(function (x) { if (!x.hasAttribute('tabindex')) x.setAttribute('tabindex', '0'); });
  var blocks = Array.prototype.slice.call(merged.querySelectorAll('[data-block-id]'));
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = document.activeElement ? document.activeElement.tagName : '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (e.key === 'Escape') { select(null); return; }
    if (e.key === 'n' || e.key === 'p') { step(reviewItems, e.key === 'n' ? 1 : -1); e.preventDefault(); return; }
    if (e.key === 'j' || e.key === 'k') {
      var b = step(blocks, e.key === 'j' ? 1 : -1);
      if (b) select(b);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && document.activeElement && document.activeElement.hasAttribute('data-block-id'))
      select(document.activeElement);
  });
  var selectedItem = null;
  sourcesEl.addEventListener('click', function (e) {
    var chip = e.target.closest('[data-filter]');
    if (chip) {
      var f = chip.getAttribute('data-filter');
      var on = chip.classList.contains('on') || f === '-1';
      sourcesEl.querySelectorAll('[data-filter].on').forEach(function (c) { c.classList.remove('on'); });
      merged.className = on ? '' : 'f' + f;
      if (!on) chip.classList.add('on');
      return;
    }
    var li = e.target.closest('[data-sb]');
    if (!li || e.target.closest('[data-act]')) return;
    if (selectedItem) selectedItem.classList.remove('sel');
    selectedItem = li;
    li.classList.add('sel');
    var target = document.getElementById('ob-' + li.getAttribute('data-output'));
    if (target) { select(target); target.scrollIntoView({block: 'center'}); }
    else {
      inspector.textContent = '';
      inspector.appendChild(el('h2', '', 'Dropped block'));
      inspector.appendChild(el('div', 'loc', where(li)));
      inspector.appendChild(el('div', '', 'policy: ' + (li.getAttribute('data-policy') || '(none recorded)')));
      var pre = li.querySelector('pre');
      if (pre) inspector.appendChild(el('pre', '', pre.textContent));
    }
  });
  // Choices: values taken from one source, blocks kept or whose wording is
  // used, exported as the decisions file merge --decisions reads (the same
  // order as review_choices_to_json: values by key and source, blocks by
  // source, line and hash).
  var exported = document.getElementById('decisions-json');
  var count = document.getElementById('choices-count');
  var values = new Map(), picks = new Map();
  function pick(li) { return picks.get(li.getAttribute('data-sb')); }
  function press(li) {
    li.querySelectorAll('[data-act]').forEach(function (b) {
      b.setAttribute('aria-pressed', pick(li) === b.getAttribute('data-act') ? 'true' : 'false');
    });
    li.classList.toggle('chosen', !!pick(li));
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function refresh() {
    var v = [], bl = [];
    values.forEach(function (source, key) { v.push({key: key, source: source}); });
    for (var i = 0; i < items.length; i++) {
      var li = items[i], action = pick(li);
      if (!action) continue;
      var panel = li.closest('[data-source]');
      bl.push({source: data.sources[Number(panel.getAttribute('data-source'))].name,
               line: Number(li.getAttribute('data-line')), hash: li.getAttribute('data-hash'), action: action});
    }
    v.sort(function (a, b) { return cmp(a.key, b.key) || cmp(a.source, b.source); });
    bl.sort(function (a, b) { return cmp(a.source, b.source) || a.line - b.line || cmp(a.hash, b.hash); });
    var text = JSON.stringify({'agentmerge-decisions': 1, values: v, blocks: bl}, null, 2) + '\n';
    exported.value = text;
    exported.textContent = text;
    var n = v.length + bl.length;
    count.textContent = n ? n + (n === 1 ? ' choice' : ' choices') : 'no choices';
  }
  sourcesEl.querySelectorAll('[data-choice]').forEach(function (li) {
    picks.set(li.getAttribute('data-sb'), li.getAttribute('data-choice'));
    press(li);
  });
  document.querySelectorAll('select[data-key]').forEach(function (sel) {
    if (sel.value) values.set(sel.getAttribute('data-key'), sel.value);
    sel.addEventListener('change', function () {
      if (sel.value) values.set(sel.getAttribute('data-key'), sel.value);
      else values.delete(sel.getAttribute('data-key'));
      refresh();
    });
  });
  sourcesEl.addEventListener('click', function (e) {
    var b = e.target.closest('[data-act]');
    if (!b) return;
    var li = b.closest('[data-sb]'), act = b.getAttribute('data-act');
    if (pick(li) === act) picks.delete(li.getAttribute('data-sb'));
    else picks.set(li.getAttribute('data-sb'), act);
    press(li);
    refresh();
  });
  document.getElementById('choices-download').addEventListener('click', function () {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([exported.value], {type: 'application/json'}));
    a.download = 'decisions.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  document.getElementById('choices-copy').addEventListener('click', function () {
    if (navigator.clipboard) { navigator.clipboard.writeText(exported.value); return; }
    exported.select();
    document.execCommand('copy');
  });
  // Decision rows and the blocks they name link both ways; a link into a
  // closed source panel opens it first.
  document.addEventListener('click', function (e) {
    var a = e.target.closest('a.to-block, a.to-decision');
    if (!a) return;
    var t = document.getElementById(a.getAttribute('href').slice(1));
    if (!t) return;
    var panel = t.closest('details');
    if (panel) panel.open = true;
    e.preventDefault();
    t.scrollIntoView({block: 'center'});
    if (!t.hasAttribute('tabindex')) t.setAttribute('tabindex', '-1');
    t.focus();
  });
  refresh();
  document.body.setAttribute('data-indexed', String(items.length));
  document.body.dataset.ready = '1';
})();
)JS";

}  // namespace agentmerge::detail
