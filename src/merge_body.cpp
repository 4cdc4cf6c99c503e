// Stage 3 of the merge: the blocks of aligned sections are unioned, with
// near-duplicate folding across variants.
//
//   before: A "## Focus\n- REST APIs\n- gRPC"   B "## Focus\n- REST API design and versioning\n- Kafka"
//   after:  "## Focus\n- REST API design and versioning\n- gRPC\n- Kafka"
//           (A's "REST APIs" folded into B's fuller wording; Kafka inserted
//           after its nearest aligned predecessor)
//
// Contracts:
// - A block never folds into content of its own document, so one document
//   merged alone (or with itself) comes out as it went in.
// - Folding looks at the whole output, not only the aligned section, so a
//   bullet said in two differently named sections is said once.
// - A bullet with a bold lead-in and a section (or bullet) with the same
//   topic end up in one place: the later one goes below the earlier.
#include <algorithm>
#include <cctype>
#include <array>
#include <string_view>
#include <tuple>
#include <limits>

#include "agentmerge/emit.hpp"
#include "agentmerge/normalize.hpp"
#include "merge_internal.hpp"
#include "subsume.hpp"

namespace agentmerge::detail {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

bool is_text(BlockKind k) { return k == BlockKind::Paragraph || k == BlockKind::List; }

std::string block_norm(const Block& b) {
  return b.normalized.empty() ? normalize_text(b.source) : b.normalized;
}

// The item's exact source lines (its own `source` when the lines are unknown).
std::string item_source(const Doc& d, const ListItem& item) {
  std::string t = d.text_of(item.line, item.end_line);
  return t.empty() ? item.source : t;
}

struct Candidate {
  Unit unit;
  BlockKind kind = BlockKind::Paragraph;  // Paragraph for list items
};

// A plain lead-in: "API Design: You create..." -> "API Design". One to four
// words of letters (with '&', '/', '-') before ": ", the first capitalized;
// "" otherwise. Bold lead-ins come from the parser (ListItem::lead).
std::string plain_lead(const std::string& content) {
  const std::size_t colon = content.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 40) return "";
  if (content[0] < 'A' || content[0] > 'Z') return "";
  int words = 1;
  for (std::size_t i = 0; i < colon; ++i) {
    const char ch = content[i];
    if (ch == ' ') {
      ++words;
    } else if (!std::isalpha(static_cast<unsigned char>(ch)) && ch != '&' && ch != '/' && ch != '-') {
      return "";
    }
  }
  return words <= 4 ? content.substr(0, colon) : "";
}

// The first paragraph of an item's content: its lines up to a blank line or
// a line that starts a nested list.
std::string item_head(const std::string& content) {
  std::size_t end = content.find('\n');
  while (end != std::string::npos) {
    const std::size_t next = content.find('\n', end + 1);
    const std::string_view line = std::string_view(content).substr(
        end + 1, (next == std::string::npos ? content.size() : next) - end - 1);
    const std::size_t i = line.find_first_not_of(' ');
    std::size_t digits = i == std::string_view::npos ? 0 : i;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    const bool ordered = i != std::string_view::npos && digits > i &&
                         (line.substr(digits, 2) == ". " || line.substr(digits, 2) == ") ");
    if (i == std::string_view::npos || ordered || line.substr(i, 2) == "- " ||
        line.substr(i, 2) == "* " || line.substr(i, 2) == "+ ")
      return content.substr(0, end);
    end = next;
  }
  return content;
}

// Words of a bullet's lead-in that name a facet of a topic rather than the
// topic: variants label one topic "API Design", "API Design &
// Implementation" and "API Architecture".
constexpr std::array<std::string_view, 17> kLeadFacets{
    "design",  "architecture", "implementation", "engineering", "optimization", "integration",
    "management", "planning", "development", "strategy", "strategies", "patterns",
    "practices", "best", "principles", "approach", "expertise"};

// The topic of a lead-in: its content-word stems without facet words,
// sorted and joined ("API Design & Implementation" -> "api"); "" when
// nothing else is left ("Best Practices").
std::string lead_topic(const std::string& lead) {
  static const std::vector<std::string> facets = [] {
    std::vector<std::string> out;
    for (std::string_view f : kLeadFacets)
      for (const std::string& s : content_words(normalize_text(std::string(f))).stems) out.push_back(s);
    return out;
  }();
  std::string topic;
  for (const std::string& s : content_words(normalize_text(lead)).stems) {
    if (std::find(facets.begin(), facets.end(), s) != facets.end()) continue;
    topic += (topic.empty() ? "" : " ") + s;
  }
  return topic;
}

Candidate item_candidate(const MergeState& st, std::size_t doc, const ListItem& item) {
  Candidate c;
  c.unit.doc = doc;
  c.unit.item = &item;
  c.unit.content = item_content(st.docs[doc], item);
  c.unit.norm = item.normalized.empty() ? normalize_text(c.unit.content) : item.normalized;
  if (const std::string head = item_head(c.unit.content); head.size() < c.unit.content.size()) {
    c.unit.head_norm = normalize_text(head);
    c.unit.head_sig = text_signature(c.unit.head_norm);
  }
  const std::string lead = item.lead.empty() ? plain_lead(c.unit.content) : item.lead;
  if (!lead.empty()) {
    c.unit.lead_key = heading_key(*st.config, normalize_title(lead));
    c.unit.lead_topic = lead_topic(lead);
  }
  c.unit.docs.insert(doc);
  return c;
}

Candidate block_candidate(std::size_t doc, const Block& b) {
  Candidate c;
  c.kind = b.kind;
  c.unit.doc = doc;
  c.unit.block = &b;
  c.unit.content = emit_block(b);
  while (!c.unit.content.empty() && c.unit.content.back() == '\n') c.unit.content.pop_back();
  c.unit.norm = is_text(b.kind) ? block_norm(b) : c.unit.content;
  c.unit.docs.insert(doc);
  return c;
}

// A paragraph that labels the list right after it: "When invoked:",
// "**Will Not:**".
bool is_lead_in(const Block& b, const Block* next) {
  if (b.kind != BlockKind::Paragraph || next == nullptr || next->kind != BlockKind::List) return false;
  std::string_view t = b.source;
  while (!t.empty() && (t.back() == ' ' || t.back() == '*' || t.back() == '_')) t.remove_suffix(1);
  return !t.empty() && t.back() == ':' && t.find('\n') == std::string_view::npos;
}

struct Location {
  std::size_t section = kNone;
  std::size_t block = kNone;
  std::size_t pos = kNone;
};

Location locate(const MergeState& st, std::size_t unit) {
  for (std::size_t s = 0; s < st.sections.size(); ++s)
    for (std::size_t b = 0; b < st.sections[s].blocks.size(); ++b) {
      const auto& us = st.sections[s].blocks[b].units;
      for (std::size_t p = 0; p < us.size(); ++p)
        if (us[p] == unit) return {s, b, p};
    }
  return {};
}

BlockKind unit_kind(const Unit& u) { return u.item ? BlockKind::Paragraph : u.block->kind; }

// Best similarity of the text (norm, sig) to unit `u`'s own text or a text
// nested below it; 0 when none reaches `floor` (pairs below it are cut short:
// they cannot reach the fold threshold or beat the best match so far).
double unit_similarity(const Unit& u, const std::string& norm, const TextSignature& sig,
                       double floor) {
  double sim = 0;
  auto consider = [&](const std::string& other_norm, const TextSignature& other) {
    if (other_norm == norm) {
      sim = 1.0;
    } else {
      sim = std::max(sim, similarity_at_least(other, sig, floor));
    }
  };
  consider(u.norm, u.sig());
  if (!u.head_norm.empty()) consider(u.head_norm, u.head_sig);
  for (std::size_t n = 0; n < u.nested_sigs.size(); ++n) consider(u.nested_norms[n], u.nested_sigs[n]);
  return sim;
}

// The best output unit for `c` to fold into, with its similarity.
// A lead-in paragraph ("When invoked:") folds only into a lead-in of the
// section it is merged into (`target`): the label belongs to its list.
std::pair<std::size_t, double> find_fold(const MergeState& st, const Candidate& c, std::size_t doc,
                                         std::size_t target) {
  std::size_t best = kNone;
  double best_sim = 0;
  const bool text = is_text(c.kind);
  const double threshold = text ? st.config->thresholds.fold : 1.0;
  const TextSignature* sig = nullptr;  // the candidate's, once a unit needs it
  for (std::size_t i = 0; i < st.units.size(); ++i) {
    const Unit& u = st.units[i];
    if (u.docs.count(doc) != 0 || u.members.empty()) continue;
    if (u.lead_in != c.unit.lead_in) {
      // A paragraph of the same words in the same section is the same
      // label, whatever follows it in the output now (never a list item:
      // "Recovery validation:" is not the bullet "Recovery validation").
      if (u.item != nullptr || c.unit.item != nullptr || u.norm != c.unit.norm ||
          locate(st, i).section != target)
        continue;
    } else if (c.unit.lead_in && locate(st, i).section != target) {
      continue;
    }
    const BlockKind k = unit_kind(u);
    double sim = 0;
    if (text != is_text(k)) continue;
    if (!text) {
      sim = (k == c.kind && u.content == c.unit.content) ? 1.0 : 0.0;
    } else {
      const double floor = std::max(threshold, best_sim);
      if (sig == nullptr) sig = &c.unit.sig();
      sim = unit_similarity(u, c.unit.norm, *sig, floor);
      if (!c.unit.head_norm.empty())
        sim = std::max(sim, unit_similarity(u, c.unit.head_norm, c.unit.head_sig, floor));
    }
    if (sim > best_sim) {
      best_sim = sim;
      best = i;
    }
  }
  if (best != kNone && best_sim >= (text ? st.config->thresholds.fold : 1.0)) return {best, best_sim};
  return {kNone, 0.0};
}

void set_fate(MergeState& st, std::size_t sb, BlockFate fate, double sim) {
  auto& b = st.report->source_blocks[sb];
  b.fate = fate;
  b.similarity = sim;
}

// How two wordings compare: one says nearly all the other says (the
// containment threshold) and more content words, they say the same, or
// they say different things.
enum class Wording { FirstFuller, SecondFuller, Same, Different };

Wording compare_wordings(const MergeState& st, const std::string& a, const std::string& b) {
  const ContentWords wa = content_words(a);
  const ContentWords wb = content_words(b);
  const std::size_t na = wa.stems.size() + wa.numbers.size();
  const std::size_t nb = wb.stems.size() + wb.numbers.size();
  const double limit = st.config->thresholds.contain;
  const bool a_in_b = containment(wa, wb) >= limit;
  const bool b_in_a = containment(wb, wa) >= limit;
  if (a_in_b && b_in_a) return na == nb ? Wording::Same : (na > nb ? Wording::FirstFuller : Wording::SecondFuller);
  if (a_in_b && nb > na) return Wording::SecondFuller;
  if (b_in_a && na > nb) return Wording::FirstFuller;
  return Wording::Different;
}

// True when the candidate's wording replaces the unit's: it is fuller; it
// says the same and is the primary's (so "Limitation of liability" does not
// replace "Liability limitations" and back, and merge(out, v) keeps out's
// words); or the two say different things and the candidate has more words.
bool takes_wording(const MergeState& st, const Unit& unit, const Unit& c) {
  if (!unit.nested.empty()) return false;
  switch (compare_wordings(st, unit.norm, c.norm)) {
    case Wording::SecondFuller: return true;
    case Wording::FirstFuller: return false;
    case Wording::Same: return c.doc == st.primary_doc && unit.doc != st.primary_doc;
    case Wording::Different: break;
  }
  return tokens(c.norm).size() > tokens(unit.norm).size();
}

// Folds candidate `c` (source block `sb`) into unit `u`; the wording
// takes_wording picks becomes the unit's text.
void fold(MergeState& st, std::size_t u, Candidate& c, std::size_t sb, double sim) {
  Unit& unit = st.units[u];
  // A reviewer's choice of wording wins over the fuller-wording rule; a
  // kept block (its own unit) keeps its wording.
  const auto front = st.chosen(unit.members.front());
  const bool fuller = st.chosen(sb) == BlockAction::Wording ||
                      (front != BlockAction::Wording && front != BlockAction::Keep &&
                       takes_wording(st, unit, c.unit));
  unit.docs.insert(c.unit.doc);
  if (!fuller) {
    set_fate(st, sb, BlockFate::Folded, sim);
    unit.members.push_back(sb);
    return;
  }
  set_fate(st, unit.members.front(), BlockFate::Folded, sim);
  set_fate(st, sb, BlockFate::Kept, 1.0);
  unit.members.insert(unit.members.begin(), sb);
  unit.doc = c.unit.doc;
  unit.block = c.unit.block;
  unit.item = c.unit.item;
  unit.content = std::move(c.unit.content);
  unit.norm = std::move(c.unit.norm);
  unit.sig_cache = std::move(c.unit.sig_cache);
  unit.head_norm = std::move(c.unit.head_norm);
  unit.head_sig = std::move(c.unit.head_sig);
  if (!c.unit.lead_key.empty()) unit.lead_key = c.unit.lead_key;
  unit.swapped = true;
}

std::size_t new_unit(MergeState& st, Candidate& c, std::size_t sb) {
  c.unit.members.push_back(sb);
  st.units.push_back(std::move(c.unit));
  return st.units.size() - 1;
}

// Adds each of `parts` below unit `u` unless it repeats what is already
// there; the source block is kept when one part is added, else folded.
void nest(MergeState& st, std::size_t u, const std::vector<std::string>& parts, std::size_t sb,
          std::size_t doc) {
  Unit& unit = st.units[u];
  unit.docs.insert(doc);
  unit.members.push_back(sb);
  double folded_at = 1.0;
  bool added = false;
  for (const std::string& content : parts) {
    const std::string norm = normalize_text(content);
    TextSignature sig = text_signature(norm);
    const double best = unit_similarity(unit, norm, sig, 0.0);
    if (norm.empty() || best >= st.config->thresholds.fold) {
      if (!norm.empty()) folded_at = std::min(folded_at, best);
      continue;
    }
    unit.nested.push_back(content);
    unit.nested_norms.push_back(norm);
    unit.nested_sigs.push_back(std::move(sig));
    unit.nested_docs.push_back(doc);
    added = true;
  }
  if (added) {
    set_fate(st, sb, BlockFate::Kept, 1.0);
  } else {
    set_fate(st, sb, BlockFate::Folded, folded_at);
  }
}

// Words that open a role statement, as normalized text (a table, not code).
constexpr std::array<std::string_view, 4> kRoleOpeners{"you ", "as a ", "as an ", "your role "};

// A role statement of `doc` that matched nothing by similarity still says
// the same thing as the role statement already kept: it folds into it (one
// "You are..." per agent), as a decision that needs review because the
// wordings differ more than the fold threshold allows.
std::pair<std::size_t, double> fold_role_statement(MergeState& st, const Candidate& c,
                                                   std::size_t doc) {
  if (st.role_unit == kNone || st.units[st.role_unit].docs.count(doc) != 0) return {kNone, 0.0};
  const Unit& kept = st.units[st.role_unit];
  const double sim = similarity(kept.sig(), c.unit.sig());
  const std::string& from = st.report->sources[st.docs[doc].source].name;
  const std::string& holder = st.report->sources[st.docs[kept.doc].source].name;
  // Name the wording that is written and the one folded away, in that order
  // (fold() then applies the same takes_wording rule).
  const bool replaces = takes_wording(st, kept, c.unit);
  const std::string similarity_text = " (similarity " + std::to_string(sim).substr(0, 4) + ")";
  st.decide("preamble role statement", "one-role-statement", "the fuller wording",
            replaces ? "the opening statement of " + from + " is written, the fuller wording; " +
                           holder + "'s" + similarity_text + " is folded into it"
                     : "the opening statement of " + from + similarity_text +
                           " is folded into " + holder + "'s, the fuller wording",
            Review::Needed);
  return {st.role_unit, sim};
}

std::size_t find_topic_section(const MergeState& st, const std::string& key, std::size_t doc) {
  for (std::size_t s = 1; s < st.sections.size(); ++s)
    if (st.sections[s].key == key && st.sections[s].docs.count(doc) == 0 &&
        st.sections[s].kind != HeadingKind::Root)
      return s;
  return kNone;
}

// Appends an item unit to the last list of section `s` (a new list if none).
void append_to_section_list(MergeState& st, std::size_t s, std::size_t unit, const Block& from) {
  auto& blocks = st.sections[s].blocks;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
    if (it->kind == BlockKind::List) {
      it->units.push_back(unit);
      return;
    }
  MBlock b;
  b.kind = BlockKind::List;
  b.ordered = from.ordered;
  b.units.push_back(unit);
  blocks.push_back(std::move(b));
}

struct Cursor {
  std::size_t target = 0;
  std::size_t anchor = kNone;  // block index of the last placed block, kNone = before all
  // Before anything was placed, blocks go after what the section holds:
  // the primary's content (merged first) stays first.
  std::size_t after(std::size_t n) const { return anchor == kNone ? n : std::min(anchor + 1, n); }
};

// Where a new block of document `doc` goes when `at` is right after a
// paragraph of another document that ends in ':' ("Execute it in phases:"
// before the section's subsections): before that paragraph, so that it
// never reads as the label of a list it did not introduce.
std::size_t settle(const MergeState& st, const std::vector<MBlock>& blocks, std::size_t at,
                   std::size_t doc) {
  if (at == 0 || at > blocks.size()) return at;
  const MBlock& prev = blocks[at - 1];
  if (prev.kind != BlockKind::Paragraph || prev.units.size() != 1) return at;
  const Unit& u = st.units[prev.units.front()];
  if (u.docs.count(doc) != 0 || u.lead_in || u.content.empty() || u.content.back() != ':') return at;
  return at - 1;
}

void merge_list(MergeState& st, Cursor& cur, const Block& list, std::size_t doc,
                const std::string& path) {
  std::size_t out_list = kNone;  // output list (in target) receiving new items
  std::size_t last_pos = kNone;
  for (const ListItem& item : list.items) {
    const std::size_t sb = st.add_source_block(doc, item.line, item.end_line, "list-item", path,
                                               item_source(st.docs[doc], item));
    Candidate c = item_candidate(st, doc, item);
    const bool apart = st.chosen(sb) == BlockAction::Keep;  // a reviewer undid its fold
    if (auto [u, sim] = find_fold(st, c, doc, cur.target); u != kNone) {
      if (!apart) fold(st, u, c, sb, sim);
      const Location loc = locate(st, u);
      if (loc.section == cur.target && st.sections[loc.section].blocks[loc.block].kind == BlockKind::List) {
        out_list = loc.block;
        last_pos = loc.pos;
        cur.anchor = loc.block;
      }
      // Kept apart, the item is placed as new: right after the one it would
      // fold into when that is in this section's list.
      if (!apart) continue;
    }
    if (!c.unit.lead_key.empty() && !apart) {
      std::size_t t = find_topic_item(st, c.unit.lead_key, doc);
      if (t == kNone) t = find_facet_item(st, c.unit.lead_topic, doc, cur.target);
      if (t != kNone) {
        nest(st, t, nested_parts(strip_lead(c.unit.content)), sb, doc);
        continue;
      }
      if (const std::size_t s = find_topic_section(st, c.unit.lead_key, doc); s != kNone) {
        c.unit.content = strip_lead(c.unit.content);
        c.unit.set_norm(normalize_text(c.unit.content));
        c.unit.lead_key.clear();
        c.unit.head_norm.clear();
        st.sections[s].docs.insert(doc);
        // Without its lead-in the text may repeat a bullet of that section.
        if (auto [u, sim] = find_fold(st, c, doc, s); u != kNone) {
          fold(st, u, c, sb, sim);
        } else {
          append_to_section_list(st, s, new_unit(st, c, sb), list);
        }
        continue;
      }
    }
    auto& blocks = st.sections[cur.target].blocks;
    if (out_list == kNone) {
      MBlock b;
      b.kind = BlockKind::List;
      b.ordered = list.ordered;
      b.base = &list;
      const std::size_t at = settle(st, blocks, cur.after(blocks.size()), doc);
      blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(at), std::move(b));
      out_list = at;
      cur.anchor = at;
    }
    auto& units = blocks[out_list].units;
    const std::size_t at = last_pos == kNone ? units.size() : last_pos + 1;
    units.insert(units.begin() + static_cast<std::ptrdiff_t>(at), new_unit(st, c, sb));
    last_pos = at;
  }
}

}  // namespace

// Moves item unit `u` below item unit `into` as a nested text (its
// members go along); a text that repeats what `into` already says folds.
void nest_unit(MergeState& st, std::size_t into, std::size_t u) {
  Unit& from = st.units[u];
  Unit& unit = st.units[into];
  const double best = unit_similarity(unit, from.norm, from.sig(), 0.0);
  unit.docs.insert(from.doc);
  for (std::size_t m : from.members) {
    unit.members.push_back(m);
    if (best >= st.config->thresholds.fold) set_fate(st, m, BlockFate::Folded, best);
  }
  from.members.clear();
  if (from.norm.empty() || best >= st.config->thresholds.fold) return;
  unit.nested.push_back(from.content);
  unit.nested_norms.push_back(from.norm);
  unit.nested_sigs.push_back(from.sig());
  unit.nested_docs.push_back(from.doc);
  if (unit.head_norm.empty()) {
    unit.head_norm = unit.norm;
    unit.head_sig = unit.sig();
  }
}

const Block* role_statement_of(const std::vector<const Block*>& preamble) {
  if (preamble.empty() || preamble.front()->kind != BlockKind::Paragraph) return nullptr;
  const std::string norm = block_norm(*preamble.front());
  for (std::string_view opener : kRoleOpeners)
    if (norm.starts_with(opener)) return preamble.front();
  return nullptr;
}

std::string Doc::text_of(int from, int to) const {
  std::string out;
  for (int l = std::max(from, first_line); l <= to; ++l) {
    const auto i = static_cast<std::size_t>(l - first_line);
    if (i >= lines.size()) break;
    if (!out.empty() || l > from) out += "\n";
    out += lines[i];
  }
  return out;
}

std::string item_content(const Doc& doc, const ListItem& item) {
  std::string raw = doc.text_of(item.line, item.end_line);
  if (raw.empty()) raw = item.source;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= raw.size()) {
    const std::size_t nl = raw.find('\n', start);
    lines.push_back(raw.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  // Content column: after indentation, the marker and up to 4 spaces.
  const std::string& first = lines.front();
  std::size_t i = first.find_first_not_of(' ');
  if (i == std::string::npos) return "";
  if (first[i] == '-' || first[i] == '*' || first[i] == '+') {
    ++i;
  } else {
    while (i < first.size() && first[i] >= '0' && first[i] <= '9') ++i;
    if (i < first.size() && (first[i] == '.' || first[i] == ')')) ++i;
  }
  std::size_t col = i;
  while (col < first.size() && first[col] == ' ' && col - i < 4) ++col;
  std::string out = first.substr(std::min(col, first.size()));
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const std::string& l = lines[k];
    const std::size_t lead = std::min(col, l.find_first_not_of(' ') == std::string::npos
                                               ? l.size()
                                               : l.find_first_not_of(' '));
    out += "\n" + l.substr(lead);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string strip_lead(const std::string& content) {
  if (const std::string plain = plain_lead(content); !plain.empty())
    return content.substr(plain.size() + 2);
  if (content.rfind("**", 0) != 0) return content;
  const std::size_t close = content.find("**", 2);
  if (close == std::string::npos) return content;
  std::size_t i = close + 2;
  if (i < content.size() && content[i] == ':') ++i;
  while (i < content.size() && content[i] == ' ') ++i;
  const std::string rest = content.substr(i);
  return rest.empty() ? content : rest;
}

std::size_t find_topic_item(const MergeState& st, const std::string& key, std::size_t doc) {
  for (std::size_t i = 0; i < st.units.size(); ++i) {
    const Unit& u = st.units[i];
    if (u.item && u.lead_key == key && u.docs.count(doc) == 0 && !u.members.empty()) return i;
  }
  return kNone;
}

std::size_t find_facet_item(const MergeState& st, const std::string& topic, std::size_t doc,
                            std::size_t section) {
  if (topic.empty()) return kNone;
  for (std::size_t i = 0; i < st.units.size(); ++i) {
    const Unit& u = st.units[i];
    if (u.item && u.lead_topic == topic && u.docs.count(doc) == 0 && !u.members.empty() &&
        locate(st, i).section == section)
      return i;
  }
  return kNone;
}

void merge_blocks(MergeState& st, std::size_t target, const std::vector<const Block*>& blocks,
                  std::size_t doc, const std::string& path) {
  Cursor cur;
  cur.target = target;
  st.sections[target].docs.insert(doc);
  if (st.role_unit != kNone) {  // nothing goes above the role statement
    const Location loc = locate(st, st.role_unit);
    if (loc.section == target && loc.block == 0) cur.anchor = 0;
  }
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const Block& b = *blocks[bi];
    if (b.kind == BlockKind::List) {
      merge_list(st, cur, b, doc, path);
      continue;
    }
    const std::size_t sb = st.add_source_block(doc, b.line, b.end_line, std::string(to_string(b.kind)),
                                               path, b.source);
    Candidate c = block_candidate(doc, b);
    c.unit.lead_in = is_lead_in(b, bi + 1 < blocks.size() ? blocks[bi + 1] : nullptr);
    const bool apart = st.chosen(sb) == BlockAction::Keep;  // a reviewer undid its fold
    const bool role = &b == st.docs[doc].role_statement && !(apart && st.role_unit != kNone);
    auto [u, sim] = apart ? std::pair{kNone, 0.0} : find_fold(st, c, doc, target);
    if (u == kNone && role && !apart) std::tie(u, sim) = fold_role_statement(st, c, doc);
    if (u != kNone) {
      fold(st, u, c, sb, sim);
      if (role && st.role_unit == kNone) st.role_unit = u;
      const Location loc = locate(st, u);
      if (loc.section == target) cur.anchor = loc.block;
      continue;
    }
    if (role) st.role_unit = st.units.size();
    MBlock mb;
    mb.kind = b.kind;
    mb.base = &b;
    mb.units.push_back(new_unit(st, c, sb));
    auto& out = st.sections[target].blocks;
    const std::size_t at = role ? 0 : cur.after(out.size());  // a role statement opens the preamble
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), std::move(mb));
    cur.anchor = at;
  }
}

std::string section_norm(const Section& s) {
  std::string out;
  for (const Block& b : s.blocks) out += block_norm(b) + " ";
  for (const Section& c : s.children) out += c.normalized_title + " " + section_norm(c);
  return out;
}

std::string msection_norm(const MergeState& st, std::size_t index) {
  const MSection& s = st.sections[index];
  std::string out;
  for (const MBlock& b : s.blocks)
    for (std::size_t u : b.units) {
      out += st.units[u].norm + " ";
      for (const auto& n : st.units[u].nested_norms) out += n + " ";
    }
  for (std::size_t c : s.children) out += st.sections[c].key + " " + msection_norm(st, c);
  return out;
}

}  // namespace agentmerge::detail
