// Stage 3b of the merge: consolidation by subsumption, at item and sentence
// level, after the union of every document.
//
//   before: 000 "**Security Documentation**: Authentication flows and authorization patterns"
//           002 "Security documentation with auth flows"
//           000 "Prioritize reliability and data integrity above all else. Think in terms of ..."
//           002 "- Prioritize reliability and data integrity above all"
//   after:  the second and fourth fold into the first and third (they say
//           nothing the others do not); each fold is a decision in the report
//
// Every text unit is cut into pieces: a paragraph into its sentences, a list
// item into its head and its nested bullets at every depth (and topic-merged
// nested texts);
// an item without nested content is one piece. Pieces are visited from the
// last in output order to the first; a piece is removed when another piece
// still present, of a unit whose wording comes from another document, says
// everything it says (subsumes, subsume.hpp). When two pieces subsume each
// other the later one goes, so the primary's wording (placed first) wins
// ties and merge(out, v) finds out's pieces first. A unit whose pieces are
// all removed folds into the unit that subsumed its last piece.
//
// Contracts: a piece never folds into a piece whose wording comes from its
// own document (one document merged alone, or twice, is unchanged); code,
// tables, quotes and HTML are never cut; the role statement and lead-in
// labels ("When invoked:") are never cut.
#include <algorithm>
#include <limits>

#include "agentmerge/normalize.hpp"
#include "merge_internal.hpp"
#include "subsume.hpp"

namespace agentmerge::detail {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

enum class PieceKind { Sentence, Head, Child, Whole };

struct Piece {
  std::size_t unit = 0;
  PieceKind kind = PieceKind::Whole;
  std::size_t in = kNone;    // kNone: the unit's content; else an index into Unit::nested
  std::size_t first = 0;     // Sentence: its index; else the first line in that text
  std::size_t last = 0;      // the last line in that text
  std::size_t subtree_last = 0;  // Head: the last line of its nested bullets
  std::string text;
  ContentWords words;
  bool removed = false;
};

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = s.find('\n', start);
    out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

bool starts_list_item(const std::string& line) { return list_marker_len(line) > 0; }

// A piece's line range in its text; a Head also spans the lines of the
// bullets nested below it (`subtree_last`), so it goes only when they do.
struct LineRange {
  PieceKind kind;
  std::size_t first;
  std::size_t last;
  std::size_t subtree_last;
};

constexpr std::size_t kMaxPieceDepth = 8;  // deeper bullets stay with their parent

std::size_t indent_of(const std::string& line) {
  const std::size_t i = line.find_first_not_of(' ');
  return i == std::string::npos ? line.size() : i;
}

// Pieces of the list items in lines[a..b] whose markers sit at column `col`:
// one Child per item without nested bullets, else a Head and, recursively,
// the pieces of its nested list. False when something else is there (a
// paragraph or code at the items' level): the caller keeps the text whole.
bool list_pieces(const std::vector<std::string>& lines, std::size_t a, std::size_t b, std::size_t col,
                 std::size_t depth, std::vector<LineRange>& out) {
  std::vector<LineRange> local;
  for (std::size_t i = a; i <= b;) {
    if (lines[i].empty()) {
      ++i;
      continue;
    }
    if (indent_of(lines[i]) != col || !starts_list_item(lines[i].substr(col))) return false;
    std::size_t e = i;  // the item's last line
    for (std::size_t k = i + 1; k <= b && (lines[k].empty() || indent_of(lines[k]) > col); ++k)
      if (!lines[k].empty()) e = k;
    std::size_t h = i;  // the item's head: its line and continuation lines
    while (h < e && !lines[h + 1].empty() && !starts_list_item(lines[h + 1].substr(indent_of(lines[h + 1])))) ++h;
    std::size_t next = h + 1;
    while (next <= e && lines[next].empty()) ++next;
    std::vector<LineRange> kids;
    if (depth < kMaxPieceDepth && next <= e &&
        list_pieces(lines, next, e, indent_of(lines[next]), depth + 1, kids) && !kids.empty()) {
      local.push_back({PieceKind::Head, i, h, e});
      local.insert(local.end(), kids.begin(), kids.end());
    } else {
      local.push_back({PieceKind::Child, i, e, e});
    }
    i = e + 1;
  }
  out.insert(out.end(), local.begin(), local.end());
  return true;
}

// Line ranges of an item's text (its content, or a text nested below it by
// a topic merge): the head lines, then the pieces of the nested bullets at
// every depth. Text whose nested content is not such a list is one Whole
// range.
std::vector<LineRange> line_pieces(const std::vector<std::string>& lines) {
  std::size_t head_end = 0;
  while (head_end + 1 < lines.size() && !lines[head_end + 1].empty() && !starts_list_item(lines[head_end + 1]))
    ++head_end;
  const std::size_t n = lines.size() - 1;
  std::vector<LineRange> out;
  if (head_end >= n || !list_pieces(lines, head_end + 1, n, 0, 1, out) || out.empty())
    return {{PieceKind::Whole, 0, n, n}};
  out.insert(out.begin(), {PieceKind::Head, 0, head_end, n});
  return out;
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t a, std::size_t b) {
  std::string t;
  for (std::size_t i = a; i <= b && i < lines.size(); ++i) t += (i > a ? "\n" : "") + lines[i];
  return t;
}

void item_pieces(std::size_t u, const Unit& unit, std::vector<Piece>& out) {
  for (std::size_t n = 0; n <= unit.nested.size(); ++n) {
    const std::size_t text = n == 0 ? kNone : n - 1;
    const std::vector<std::string> lines = lines_of(n == 0 ? unit.content : unit.nested[n - 1]);
    for (const LineRange& r : line_pieces(lines))
      out.push_back({u, r.kind, text, r.first, r.last, r.subtree_last, join_lines(lines, r.first, r.last), {}, false});
  }
}

void unit_pieces(std::size_t u, const Unit& unit, BlockKind kind, std::vector<Piece>& out) {
  if (unit.item != nullptr) {
    item_pieces(u, unit, out);
    return;
  }
  if (kind != BlockKind::Paragraph) return;
  const std::vector<std::string> sentences = split_sentences(unit.content);
  for (std::size_t i = 0; i < sentences.size(); ++i)
    out.push_back({u, PieceKind::Sentence, kNone, i, i, i, sentences[i], {}, false});
}

// Units of text blocks in output order (the order render writes them).
void collect(const MergeState& st, std::size_t s, std::vector<std::pair<std::size_t, BlockKind>>& out) {
  for (const MBlock& b : st.sections[s].blocks)
    for (std::size_t u : b.units) out.emplace_back(u, b.kind);
  std::vector<std::size_t> kids = st.sections[s].children;
  std::stable_partition(kids.begin(), kids.end(),
                        [&](std::size_t c) { return st.sections[c].kind == HeadingKind::Pseudo; });
  for (std::size_t c : kids) collect(st, c, out);
}

// The document a piece's wording comes from: two pieces of one document
// are two points that document makes, and never fold into each other.
std::size_t wording_doc(const Unit& u, const Piece& p) { return p.in == kNone ? u.doc : u.nested_docs[p.in]; }


// `lines` without the ranges of removed pieces; a blank line is kept only
// between two kept lines.
std::string without_removed(const std::vector<std::string>& lines, const std::vector<bool>& drop) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (drop[i]) continue;
    if (lines[i].empty() && (text.empty() || i + 1 >= lines.size() || drop[i + 1])) continue;
    text += (text.empty() ? "" : "\n") + lines[i];
  }
  return text;
}

// Rewrites a unit's texts without its removed pieces.
void rebuild(Unit& unit, const std::vector<const Piece*>& pieces) {
  if (pieces.front()->kind == PieceKind::Sentence) {
    std::string paragraph;
    for (const Piece* p : pieces)
      if (!p->removed) paragraph += (paragraph.empty() ? "" : " ") + p->text;
    unit.content = paragraph;
  } else {
    std::vector<std::string> texts{unit.content};
    texts.insert(texts.end(), unit.nested.begin(), unit.nested.end());
    std::vector<std::string> rebuilt;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      const std::vector<std::string> lines = lines_of(texts[t]);
      std::vector<bool> drop(lines.size(), false);
      const std::size_t id = t == 0 ? kNone : t - 1;
      for (const Piece* p : pieces)
        if (p->removed && p->in == id)
          for (std::size_t i = p->first; i <= p->last && i < lines.size(); ++i) drop[i] = true;
      rebuilt.push_back(without_removed(lines, drop));
    }
    unit.content = rebuilt.front();
    for (std::size_t n = unit.nested.size(); n-- > 0;) {
      if (!rebuilt[n + 1].empty()) {
        unit.nested[n] = rebuilt[n + 1];
        unit.nested_norms[n] = normalize_text(unit.nested[n]);
        unit.nested_sigs[n] = text_signature(unit.nested_norms[n]);
        continue;
      }
      unit.nested_docs.erase(unit.nested_docs.begin() + static_cast<std::ptrdiff_t>(n));
      unit.nested.erase(unit.nested.begin() + static_cast<std::ptrdiff_t>(n));
      unit.nested_norms.erase(unit.nested_norms.begin() + static_cast<std::ptrdiff_t>(n));
      unit.nested_sigs.erase(unit.nested_sigs.begin() + static_cast<std::ptrdiff_t>(n));
    }
  }
  unit.set_norm(normalize_text(unit.content));
  unit.head_norm.clear();
  unit.swapped = true;
}

// A piece's text for a message: its first 80 bytes, without the indent and
// list marker of a nested bullet.
std::string quoted(const std::string& piece) {
  std::string_view text = piece;
  text.remove_prefix(std::min(text.size(), indent_of(piece)));
  text.remove_prefix(list_marker_len(text));
  std::string t(text.substr(0, 80));
  std::replace(t.begin(), t.end(), '\n', ' ');
  return "'" + t + (text.size() > 80 ? "...'" : "'");
}

// Folds unit `from` (all of its pieces removed) into unit `into`.
void fold_unit(MergeState& st, std::size_t from, std::size_t into, double sim) {
  Unit& f = st.units[from];
  Unit& t = st.units[into];
  for (std::size_t m : f.members) {
    auto& sb = st.report->source_blocks[m];
    sb.fate = BlockFate::Folded;
    sb.similarity = sim;
    t.members.push_back(m);
  }
  for (std::size_t d = 0; d < st.docs.size(); ++d)
    if (f.docs.count(d) != 0) t.docs.insert(d);
  f.members.clear();
  for (MSection& s : st.sections)
    for (MBlock& b : s.blocks) b.units.erase(std::remove(b.units.begin(), b.units.end(), from), b.units.end());
}

// The source block a piece's wording comes from: the first of that
// document among the unit's members, or -1.
int origin_block(const MergeState& st, const Unit& u, const Piece& p) {
  const std::size_t source = st.docs[wording_doc(u, p)].source;
  for (std::size_t m : u.members)
    if (st.report->source_blocks[m].source == source) return static_cast<int>(m);
  return -1;
}

// Where a piece's wording comes from, as "file:line" (origin_block).
std::string origin(const MergeState& st, const Unit& u, const Piece& p) {
  const std::size_t source = st.docs[wording_doc(u, p)].source;
  const int m = origin_block(st, u, p);
  if (m < 0) return st.report->sources[source].name;
  return st.report->sources[source].name + ":" +
         std::to_string(st.report->source_blocks[static_cast<std::size_t>(m)].line);
}

// True when a piece nested below the head `i` is still present.
bool head_has_kept_children(const std::vector<Piece>& pieces, std::size_t i) {
  for (std::size_t j = i + 1; j < pieces.size() && pieces[j].unit == pieces[i].unit; ++j)
    if (pieces[j].in == pieces[i].in && pieces[j].first <= pieces[i].subtree_last && !pieces[j].removed) return true;
  return false;
}

// True when folding piece `i` into `q` would not lose what its unit's
// other members said. Only the removal of a unit's last kept piece folds
// the unit (pieces are visited last to first, so that is its first piece
// once every later one is removed); then each wording folded into the
// unit from another document (its first line) is said by `q` too, by the
// subsumption rule or the union's similarity, as merging the output with
// that document again would find. Else the unit stays, so folding is
// transitive: A in B and B in C is allowed only when A is in C.
bool says_it(const MergeState& st, const Piece& r, const std::string& norm, const SubsumeRule& rule) {
  if (subsumes(r.words, content_words(norm), rule)) return true;
  const std::string r_norm = normalize_text(r.text);
  const double fold = st.config->thresholds.fold;
  return norm == r_norm || similarity_at_least(text_signature(r_norm), text_signature(norm), fold) >= fold;
}

bool absorbs_members(const MergeState& st, const std::vector<Piece>& pieces, std::size_t i, const Piece& q,
                     const SubsumeRule& rule) {
  const Piece& p = pieces[i];
  if (i > 0 && pieces[i - 1].unit == p.unit) return true;
  for (std::size_t k = i + 1; k < pieces.size() && pieces[k].unit == p.unit; ++k)
    if (!pieces[k].removed) return true;
  const Unit& u = st.units[p.unit];
  const std::size_t own = st.docs[u.doc].source;
  for (std::size_t m : u.members) {
    const SourceBlock& sb = st.report->source_blocks[m];
    if (sb.source == own || sb.fate != BlockFate::Folded) continue;
    std::string_view line = std::string_view(sb.text).substr(0, sb.text.find('\n'));
    line.remove_prefix(std::min(line.size(), line.find_first_not_of(' ')));
    line.remove_prefix(list_marker_len(line));
    const std::string norm = normalize_text(line);
    if (norm.empty() || says_it(st, q, norm, rule)) continue;
    // Said by another piece that stays (a bullet of the member's own
    // document kept elsewhere, say): nothing is lost either.
    const bool elsewhere = std::any_of(pieces.begin(), pieces.end(), [&](const Piece& r) {
      return r.unit != p.unit && !r.removed && says_it(st, r, norm, rule);
    });
    if (!elsewhere) return false;
  }
  return true;
}

// The first piece from `from` on, other than `skip`, that piece `i` folds
// into: present, of another text and another document's wording, saying
// all `i` says (when both say all the other does, the later one goes).
// kNone when there is none, or when `i` is a head whose bullets stay.
std::size_t fold_target(const MergeState& st, const std::vector<Piece>& pieces, std::size_t i, std::size_t from,
                        std::size_t skip, const SubsumeRule& rule) {
  const Piece& p = pieces[i];
  if (p.removed || (p.kind == PieceKind::Head && head_has_kept_children(pieces, i))) return kNone;
  // A reviewer's kept block or chosen wording stays as written; a fuller
  // text that says all the chosen wording says folds into it.
  if (st.keeps(p.unit) || st.prefers(p.unit)) return kNone;
  for (std::size_t j = from; j < pieces.size(); ++j) {
    const Piece& q = pieces[j];
    if (j == i || j == skip || q.removed || (q.unit == p.unit && q.in == p.in)) continue;
    if (wording_doc(st.units[p.unit], p) == wording_doc(st.units[q.unit], q)) continue;
    const bool chosen = st.prefers(q.unit) && subsumes(p.words, q.words, rule);
    if (!chosen && !subsumes(q.words, p.words, rule)) continue;
    if (!chosen && j > i && subsumes(p.words, q.words, rule)) continue;  // mutual: the later one goes
    if (!absorbs_members(st, pieces, i, q, rule)) continue;
    return j;
  }
  return kNone;
}

// Applies the removed pieces, unit by unit. A unit whose pieces all went
// folds into the unit that took its last piece; when that one went too
// (A into B, B into C), it folds into the end of the chain, so that no
// source block is left with a unit that is written nowhere.
void apply_removals(MergeState& st, const std::vector<Piece>& pieces, std::vector<std::size_t> folded_into,
                    const std::vector<double>& folded_sim) {
  std::vector<bool> gone(st.units.size(), false);
  std::vector<std::vector<const Piece*>> groups;
  for (std::size_t k = 0; k < pieces.size();) {
    std::vector<const Piece*> group;
    for (const std::size_t u = pieces[k].unit; k < pieces.size() && pieces[k].unit == u;) group.push_back(&pieces[k++]);
    const std::size_t u = group.front()->unit;
    if (u == st.role_unit || std::none_of(group.begin(), group.end(), [](const Piece* p) { return p->removed; }))
      continue;
    gone[u] = folded_into[u] != u && std::all_of(group.begin(), group.end(), [](const Piece* p) { return p->removed; });
    groups.push_back(std::move(group));
  }
  for (std::size_t u = 0; u < st.units.size(); ++u) {
    if (!gone[u]) continue;
    std::size_t t = folded_into[u];
    for (std::size_t steps = 0; t != kNone && gone[t] && steps < st.units.size(); ++steps) t = folded_into[t];
    folded_into[u] = t;
  }
  for (const auto& group : groups) {
    const std::size_t u = group.front()->unit;
    if (gone[u] && folded_into[u] != kNone && !gone[folded_into[u]]) {
      fold_unit(st, u, folded_into[u], folded_sim[u]);
      continue;
    }
    if (gone[u]) continue;  // a cycle of folds: the unit stays as written
    rebuild(st.units[u], group);
  }
}

}  // namespace

std::size_t list_marker_len(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return 2;
  std::size_t i = 0;
  while (i < line.size() && i < 9 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ') return i + 2;
  return 0;
}

std::vector<std::string> nested_parts(const std::string& rest) {
  const std::vector<std::string> lines = lines_of(rest);
  if (lines.size() < 2 || lines.front().find_first_not_of(' ') != std::string::npos) return {rest};
  std::size_t col = std::string::npos;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (!lines[i].empty()) col = std::min(col, indent_of(lines[i]));
  std::vector<std::string> parts;
  std::size_t width = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string line = lines[i].size() > col ? lines[i].substr(col) : std::string();
    if (const std::size_t m = list_marker_len(line); m > 0 && indent_of(lines[i]) == col) {
      parts.push_back(line.substr(m));
      width = m;
    } else if (parts.empty()) {
      return {rest};  // text, not bullets, below the lead-in
    } else {
      parts.back() += "\n" + (line.size() > width ? line.substr(std::min(width, indent_of(line))) : line);
    }
  }
  if (parts.empty()) return {rest};
  return parts;
}

void consolidate(MergeState& st) {
  std::vector<std::pair<std::size_t, BlockKind>> order;
  collect(st, 0, order);
  std::vector<Piece> pieces;
  for (const auto& [u, kind] : order)
    if (u != st.role_unit && !st.units[u].lead_in) unit_pieces(u, st.units[u], kind, pieces);
  const SubsumeRule rule{st.config->thresholds.contain, static_cast<int>(st.config->thresholds.contain_min_words),
                         st.config->thresholds.contain_length_ratio};
  for (Piece& p : pieces) p.words = content_words(normalize_text(p.text));
  // The role statement subsumes like any text but is never cut.
  if (st.role_unit != kNone && !st.units[st.role_unit].members.empty())
    for (const std::string& s : split_sentences(st.units[st.role_unit].content)) {
      Piece p{st.role_unit, PieceKind::Sentence, kNone, 0, 0, 0, s, content_words(normalize_text(s)), false};
      pieces.insert(pieces.begin(), std::move(p));
    }
  const std::size_t first_cut = st.role_unit != kNone ? split_sentences(st.units[st.role_unit].content).size() : 0;
  std::vector<std::size_t> folded_into(st.units.size(), kNone);
  std::vector<double> folded_sim(st.units.size(), 0.0);
  for (std::size_t i = pieces.size(); i-- > first_cut;) {
    Piece& p = pieces[i];
    // A piece folds into one that stays: when q itself would fold into a
    // third piece r that does not say all p says (the rule is not
    // transitive), p stays, so merging the output again finds what it found.
    std::size_t j = fold_target(st, pieces, i, 0, kNone, rule);
    while (j != kNone && fold_target(st, pieces, j, 0, i, rule) != kNone)
      j = fold_target(st, pieces, i, j + 1, kNone, rule);
    if (j == kNone) continue;
    const Piece& q = pieces[j];
    p.removed = true;
    if (q.unit != p.unit || folded_into[p.unit] == kNone) folded_into[p.unit] = q.unit;
    folded_sim[p.unit] = containment(p.words, q.words);
    st.decide("fold " + quoted(p.text), "subsumed", "folded into " + quoted(q.text),
              quoted(p.text) + " (" + origin(st, st.units[p.unit], p) + ") says nothing that " + quoted(q.text) + " (" +
                  origin(st, st.units[q.unit], q) + ") does not",
              Review::NotNeeded)
        .block = origin_block(st, st.units[p.unit], p);
  }
  apply_removals(st, pieces, folded_into, folded_sim);
}

}  // namespace agentmerge::detail
