// merge3 of the body: sections aligned by title, then blocks, then items.
//
//   base:  ## Tools\n- a\n\n## Style\n- b
//   ours:  ## Style\n- b\n\n## Tools\n- a          (sections swapped)
//   theirs:## Tools\n- a\n- c\n\n## Style\n- b     (an item added)
//   ->     ## Style\n- b\n\n## Tools\n- a\n- c
//
// Sections are identified by their normalized title (the n-th section of a
// title among its siblings, for repeated titles), so a moved section keeps
// the other side's edits. Inside a section, blocks merge as a sequence
// (paragraphs, lists, code), and a list both sides edited merges item by
// item. A section one side deleted and the other changed is a conflict
// around that section; additions of both sides at one place are kept, except
// near-duplicates (a note). Blocks are written with one blank line between.
#include <algorithm>
#include <cctype>

#include "agentmerge/normalize.hpp"
#include "merge3_internal.hpp"

namespace agentmerge::merge3_detail {

namespace {

// An item's text without its list marker ("- ", "* ", "1. "), so a changed
// bullet or renumbering is not a change of the item.
std::string_view without_marker(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '+')) return s.substr(i + 1);
  std::size_t d = i;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d])) != 0) ++d;
  if (d > i && d < s.size() && (s[d] == '.' || s[d] == ')')) return s.substr(d + 1);
  return s;
}

Unit item_unit(const ListItem& item) {
  return {fold_space(without_marker(item.source)), item.source, item.line};
}

Unit block_unit(const Block& b) {
  std::string key(to_string(b.kind));
  if (b.kind == BlockKind::List) {
    for (const auto& item : b.items) key += "\n" + item_unit(item).key;
  } else {
    key += ":" + fold_space(b.source);
  }
  return {key, b.source, b.line};
}

template <class T, class F>
std::vector<Unit> units(const std::vector<T>& xs, F f) {
  std::vector<Unit> out;
  out.reserve(xs.size());
  for (const auto& x : xs) out.push_back(f(x));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Items as the list held them: blank lines between when the list was loose.
std::string item_separator(const Block& list) {
  std::string tight;
  for (const auto& item : list.items) tight += (tight.empty() ? "" : "\n") + item.source;
  return tight == list.source ? "\n" : "\n\n";
}

// "3. Write findings" -> "4. Write findings": the number of an ordered
// item's marker replaced, its delimiter and text kept.
std::string renumbered(const std::string& item, int number) {
  std::size_t i = 0;
  while (i < item.size() && item[i] == ' ') ++i;
  std::size_t d = i;
  while (d < item.size() && std::isdigit(static_cast<unsigned char>(item[d])) != 0) ++d;
  if (d == i) return item;
  return item.substr(0, i) + std::to_string(number) + item.substr(d);
}

std::string merge_list(const Block& b, const Block& o, const Block& t, Merge3Ctx& ctx) {
  UnitMerge how;
  how.both_added = BothAdded::KeepBoth;
  how.what = "list item";
  const int before = ctx.conflicts;
  auto items = merge_units(units(b.items, item_unit), units(o.items, item_unit),
                           units(t.items, item_unit), how, ctx);
  // Items of both sides in one ordered list: numbered in order again (two
  // "4." items read wrong), unless a conflict is among them.
  if (o.ordered && ctx.conflicts == before)
    for (std::size_t i = 0; i < items.size(); ++i)
      items[i] = renumbered(items[i], o.list_start + static_cast<int>(i));
  return join(items, item_separator(o));
}

std::vector<std::string> merge_blocks(const std::vector<Block>& b, const std::vector<Block>& o,
                                      const std::vector<Block>& t, Merge3Ctx& ctx) {
  UnitMerge how;
  how.both_added = BothAdded::KeepBoth;
  how.separator = "\n\n";
  how.what = "block";
  how.refine = [&](std::size_t bi, std::size_t oi, std::size_t ti) -> std::optional<std::string> {
    const bool lists = b[bi].kind == BlockKind::List && o[oi].kind == BlockKind::List &&
                       t[ti].kind == BlockKind::List;
    if (!lists) return std::nullopt;
    return merge_list(b[bi], o[oi], t[ti], ctx);
  };
  return merge_units(units(b, block_unit), units(o, block_unit), units(t, block_unit), how, ctx);
}

std::string section_text(const Section& s);

std::vector<std::string> block_texts(const Section& s) {
  std::vector<std::string> out;
  for (const auto& b : s.blocks) out.push_back(b.source);
  return out;
}

std::string section_text(const Section& s) {
  std::vector<std::string> parts{s.level > 0 ? s.heading_source : ""};
  for (auto& t : block_texts(s)) parts.push_back(std::move(t));
  for (const auto& c : s.children) parts.push_back(section_text(c));
  return join(parts, "\n\n");
}

// Child sections by key: normalized title, "#n" for the n-th repeat.
struct Keyed {
  std::vector<std::string> keys;
  std::vector<const Section*> sections;

  const Section* find(const std::string& key) const {
    auto at = std::find(keys.begin(), keys.end(), key);
    return at == keys.end() ? nullptr : sections[static_cast<std::size_t>(at - keys.begin())];
  }
};

Keyed keyed_children(const Section* s) {
  Keyed k;
  if (s == nullptr) return k;
  for (const auto& c : s->children) {
    std::string key = c.normalized_title.empty() ? fold_space(c.heading_source) : c.normalized_title;
    const auto seen = std::count_if(k.sections.begin(), k.sections.end(), [&](const Section* x) {
      return x->normalized_title == c.normalized_title;
    });
    if (seen > 0) key += "#" + std::to_string(seen + 1);
    k.keys.push_back(std::move(key));
    k.sections.push_back(&c);
  }
  return k;
}

// A section whose title only `side` lacks in base, and a base section only
// `side` lacks, are one renamed section when their content is alike: the
// renamed one takes the base key (a note says so).
void adopt_renames(Keyed& side, const Keyed& base, std::string_view who, Merge3Ctx& ctx) {
  constexpr double kSameContent = 0.6;
  auto content = [](const Section& s) {
    std::vector<std::string> parts = block_texts(s);
    for (const auto& c : s.children) parts.push_back(section_text(c));
    return normalize_text(join(parts, "\n\n"));
  };
  auto missing = [](const Keyed& in, const std::string& key) {
    return std::find(in.keys.begin(), in.keys.end(), key) == in.keys.end();
  };
  for (std::size_t i = 0; i < side.keys.size(); ++i) {
    if (!missing(base, side.keys[i])) continue;
    const std::string mine = content(*side.sections[i]);
    std::size_t best = base.keys.size();
    double best_score = kSameContent;
    for (std::size_t j = 0; j < base.keys.size(); ++j) {
      if (!missing(side, base.keys[j])) continue;
      const double score = token_similarity(mine, content(*base.sections[j]));
      if (score >= best_score) best = j, best_score = score;
    }
    if (best == base.keys.size()) continue;
    ctx.note(side.sections[i]->line, "merge3-renamed",
             std::string(who) + " renamed section '" + base.sections[best]->title + "' to '" +
                 side.sections[i]->title + "' (content " +
                 std::to_string(static_cast<int>(best_score * 100)) + "% alike)");
    side.keys[i] = base.keys[best];
  }
}

std::string merge_section(const Section* b, const Section* o, const Section* t, Merge3Ctx& ctx);

// A section on two sides only. nullopt: deleted.
std::optional<std::string> merge_two(const Section* b, const Section* o, const Section* t,
                                     Merge3Ctx& ctx) {
  if (b == nullptr) return o != nullptr && t != nullptr ? merge_section(nullptr, o, t, ctx)
                                                        : section_text(o != nullptr ? *o : *t);
  const Section* kept = o != nullptr ? o : t;
  if (kept == nullptr || fold_space(section_text(*kept)) == fold_space(section_text(*b)))
    return std::nullopt;  // deleted on one side, untouched on the other
  ctx.note(o != nullptr ? o->line : 0, "merge3-conflict",
           std::string(o != nullptr ? "theirs" : "ours") + " deleted section '" + b->title +
               "', which the other side changed");
  return conflict_text(ctx, o != nullptr ? section_text(*o) : "", section_text(*b),
                       t != nullptr ? section_text(*t) : "");
}

std::vector<std::string> merge_children(const Section* b, const Section* o, const Section* t,
                                        Merge3Ctx& ctx) {
  const Keyed kb = keyed_children(b);
  Keyed ko = keyed_children(o), kt = keyed_children(t);
  if (b != nullptr) {
    adopt_renames(ko, kb, "ours", ctx);
    adopt_renames(kt, kb, "theirs", ctx);
  }
  return merge_identified(kb.keys, ko.keys, kt.keys,
                          [&](const std::string& key) -> std::optional<std::string> {
                            const Section* sb = kb.find(key);
                            const Section* so = ko.find(key);
                            const Section* st = kt.find(key);
                            if (so != nullptr && st != nullptr && sb != nullptr)
                              return merge_section(sb, so, st, ctx);
                            if (so == nullptr && st == nullptr) return std::nullopt;
                            return merge_two(sb, so, st, ctx);
                          });
}

std::string merge_heading(const Section* b, const Section& o, const Section& t, Merge3Ctx& ctx) {
  const std::string hb = b != nullptr ? fold_space(b->heading_source) : "";
  const std::string ho = fold_space(o.heading_source), ht = fold_space(t.heading_source);
  if (ho == ht || ht == hb) return o.heading_source;
  if (ho == hb) return t.heading_source;
  ctx.note(o.line, "merge3-conflict", "both sides changed the heading '" + o.title + "'");
  return conflict_text(ctx, o.heading_source, b != nullptr ? b->heading_source : "",
                       t.heading_source);
}

// `b` may be null: a section both sides added.
std::string merge_section(const Section* b, const Section* o, const Section* t, Merge3Ctx& ctx) {
  static const std::vector<Block> kNoBlocks;
  std::vector<std::string> parts;
  if (o->level > 0 || t->level > 0) parts.push_back(merge_heading(b, *o, *t, ctx));
  for (auto& s : merge_blocks(b != nullptr ? b->blocks : kNoBlocks, o->blocks, t->blocks, ctx))
    parts.push_back(std::move(s));
  for (auto& s : merge_children(b, o, t, ctx)) parts.push_back(std::move(s));
  return join(parts, "\n\n");
}

}  // namespace

std::string merge_body(const Body& base, const Body& ours, const Body& theirs, Merge3Ctx& ctx) {
  const std::string text = merge_section(&base.root, &ours.root, &theirs.root, ctx);
  return text.empty() ? "" : text + "\n";
}

}  // namespace agentmerge::merge3_detail
