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
// item into its head and its nested bullets (and topic-merged nested texts);
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
#include <tuple>

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

bool starts_list_item(const std::string& line) {
  std::size_t i = 0;
  if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 || line.rfind("+ ", 0) == 0) return true;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

// Line ranges of an item's text (its content, or a text nested below it by
// a topic merge): the head lines, then one range per nested bullet at the
// text's own column (deeper lines stay with the bullet above them). Text
// whose nested content is not such a list is one Whole range.
std::vector<std::tuple<PieceKind, std::size_t, std::size_t>> line_pieces(const std::vector<std::string>& lines) {
  std::size_t head_end = 0;
  while (head_end + 1 < lines.size() && !lines[head_end + 1].empty() && !starts_list_item(lines[head_end + 1]))
    ++head_end;
  std::vector<std::tuple<PieceKind, std::size_t, std::size_t>> out;
  for (std::size_t i = head_end + 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    if (starts_list_item(lines[i])) {
      out.emplace_back(PieceKind::Child, i, i);
    } else if (!out.empty() && lines[i].front() == ' ') {
      std::get<2>(out.back()) = i;
    } else {
      out.clear();  // a paragraph or code below the head: keep the text whole
      break;
    }
  }
  if (out.empty()) return {{PieceKind::Whole, 0, lines.size() - 1}};
  out.insert(out.begin(), {PieceKind::Head, 0, head_end});
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
    for (const auto& [kind, a, b] : line_pieces(lines))
      out.push_back({u, kind, text, a, b, join_lines(lines, a, b), {}, false});
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
    out.push_back({u, PieceKind::Sentence, kNone, i, i, sentences[i], {}, false});
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

std::string quoted(const std::string& text) {
  std::string t = text.substr(0, 80);
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

std::string origin(const MergeState& st, const Unit& u) {
  if (u.members.empty()) return "";
  const SourceBlock& sb = st.report->source_blocks[u.members.front()];
  return st.report->sources[sb.source].name + ":" + std::to_string(sb.line);
}

// True when a piece after the head `i` of the same text is still present.
bool head_has_kept_children(const std::vector<Piece>& pieces, std::size_t i) {
  for (std::size_t j = i + 1; j < pieces.size() && pieces[j].unit == pieces[i].unit; ++j)
    if (pieces[j].in == pieces[i].in && !pieces[j].removed) return true;
  return false;
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
      Piece p{st.role_unit, PieceKind::Sentence, kNone, 0, 0, s, content_words(normalize_text(s)), false};
      pieces.insert(pieces.begin(), std::move(p));
    }
  const std::size_t first_cut = st.role_unit != kNone ? split_sentences(st.units[st.role_unit].content).size() : 0;
  std::vector<std::size_t> folded_into(st.units.size(), kNone);
  std::vector<double> folded_sim(st.units.size(), 0.0);
  for (std::size_t i = pieces.size(); i-- > first_cut;) {
    Piece& p = pieces[i];
    for (std::size_t j = 0; j < pieces.size(); ++j) {
      const Piece& q = pieces[j];
      if (j == i || q.removed || (q.unit == p.unit && q.in == p.in)) continue;
      if (p.kind == PieceKind::Head && head_has_kept_children(pieces, i)) break;
      if (wording_doc(st.units[p.unit], p) == wording_doc(st.units[q.unit], q)) continue;
      if (!subsumes(q.words, p.words, rule)) continue;
      if (j > i && subsumes(p.words, q.words, rule)) continue;  // mutual: the later one goes
      p.removed = true;
      if (q.unit != p.unit || folded_into[p.unit] == kNone) folded_into[p.unit] = q.unit;
      folded_sim[p.unit] = containment(p.words, q.words);
      st.decide("fold " + quoted(p.text), "subsumed", "folded into " + quoted(q.text),
                quoted(p.text) + " (" + origin(st, st.units[p.unit]) + ") says nothing that " + quoted(q.text) +
                    " (" + origin(st, st.units[q.unit]) + ") does not",
                Review::NotNeeded);
      break;
    }
  }
  apply_removals(st, pieces, folded_into, folded_sim);
}

}  // namespace agentmerge::detail
