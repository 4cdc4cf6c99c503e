// Stage "diff", body part: two section trees in, the changed sections out.
//
//   A: (preamble) "You design APIs."  ## Focus [- REST]   ## Style [Terse.]
//   B: (preamble) "You design APIs."  ## Style [Terse.]   ## Focus Areas [- REST, - gRPC]
//     -> [ Matched "Focus" -> "Focus Areas": renamed (similarity 0.67), moved,
//          blocks: + list-item "gRPC" ]
//
// Units of comparison inside a section: each list item (its text without the
// marker, nested content included) and each other block (its canonical text
// from emit_block). Equal keys are equal content; an LCS over the keys gives
// added and removed units, and a removed/added pair of one kind with enough
// word similarity becomes one changed unit with a word (or, for code, line)
// diff.
#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "agentmerge/emit.hpp"
#include "diff_internal.hpp"

namespace agentmerge::detail {
namespace {

struct Unit {
  std::string kind;  // "paragraph", "list-item", "code", ...
  int line = 0;
  std::string key;   // canonical text, compared for equality
};

struct Flat {
  const Section* section = nullptr;
  int parent = -1;            // index of the parent in the flat list
  std::string title_key;      // normalized title
  std::string path_key;       // normalized titles from the top
  std::string display_path;   // titles as written, " > "
  std::vector<Unit> units;
};

std::string rtrim_lines(std::string_view text) {
  std::string out;
  for (const std::string& line : split_lines(text)) {
    const auto end = line.find_last_not_of(" \t\r");
    out += end == std::string::npos ? std::string() : line.substr(0, end + 1);
    out += '\n';
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string dedent(std::string_view text) {
  const auto lines = split_lines(text);
  std::size_t indent = std::string::npos;
  for (const auto& l : lines) {
    const auto first = l.find_first_not_of(' ');
    if (first != std::string::npos) indent = std::min(indent, first);
  }
  if (indent == std::string::npos) indent = 0;
  std::string out;
  for (const auto& l : lines) {
    out += l.size() > indent ? l.substr(indent) : std::string();
    out += '\n';
  }
  return rtrim_lines(out);
}

// "  - text" / "3. text" / "* text" -> "text".
std::string strip_marker(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return {};
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    ++i;
  } else {
    const std::size_t digits = i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) != 0) ++i;
    if (i == digits || i >= line.size() || (line[i] != '.' && line[i] != ')')) return std::string(line.substr(digits));
    ++i;
  }
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return std::string(line.substr(i));
}

std::string item_key(const ListItem& item);

std::string indent_lines(const std::string& text, const std::string& prefix_first,
                         const std::string& prefix_rest) {
  std::string out;
  bool first = true;
  for (const auto& l : split_lines(text)) {
    out += (first ? prefix_first : prefix_rest) + l + '\n';
    first = false;
  }
  return out;
}

std::string ltrim_lines(std::string_view text) {
  std::string out;
  for (const auto& l : split_lines(text)) {
    const auto first = l.find_first_not_of(" \t");
    out += (first == std::string::npos ? std::string() : l.substr(first)) + '\n';
  }
  return rtrim_lines(out);
}

// A child block of a list item, with markers made canonical. Paragraph lines
// lose their indentation (not significant); other blocks are dedented.
std::string child_key(const Block& b) {
  if (b.kind == BlockKind::Paragraph) return ltrim_lines(b.source);
  if (b.kind != BlockKind::List) return dedent(b.source);
  std::string out;
  for (const ListItem& it : b.items) out += indent_lines(item_key(it), "- ", "  ");
  return rtrim_lines(out);
}

// The item's text without its marker. The parser gives an item its own
// paragraph as the first child; lines before the first child (or all lines
// when there are no children, as in hand-built trees) are read from source.
std::string item_key(const ListItem& item) {
  const auto lines = split_lines(item.source);
  std::size_t own = lines.size();
  if (!item.children.empty())
    own = std::min(own, static_cast<std::size_t>(std::max(0, item.children.front().line - item.line)));
  std::string text;
  for (std::size_t i = 0; i < own; ++i) text += (i == 0 ? strip_marker(lines[i]) : lines[i]) + '\n';
  text = ltrim_lines(text);
  for (const Block& child : item.children) text += (text.empty() ? "" : "\n") + child_key(child);
  return rtrim_lines(text);
}

std::vector<Unit> units_of(const Section& s) {
  std::vector<Unit> units;
  for (const Block& b : s.blocks) {
    if (b.kind == BlockKind::List) {
      for (const ListItem& it : b.items) units.push_back({"list-item", it.line, item_key(it)});
    } else {
      units.push_back({std::string(to_string(b.kind)), b.line, rtrim_lines(emit_block(b))});
    }
  }
  return units;
}

std::string title_key(const Section& s) {
  if (!s.normalized_title.empty()) return s.normalized_title;
  std::string t;
  for (const char c : s.title) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return t;
}

void flatten(const Section& s, int parent, std::vector<Flat>& out) {
  Flat f;
  f.section = &s;
  f.parent = parent;
  f.title_key = title_key(s);
  if (parent >= 0) {
    const Flat& p = out[static_cast<std::size_t>(parent)];
    f.path_key = p.path_key + '\x1f' + f.title_key;
    f.display_path = p.display_path.empty() ? s.title : p.display_path + " > " + s.title;
  }
  f.units = units_of(s);
  const int self = static_cast<int>(out.size());
  out.push_back(std::move(f));
  for (const Section& c : s.children) flatten(c, self, out);
}

// Words of a section's content (units, then child titles) for renames.
std::vector<std::string> content_bag(const Flat& f) {
  std::string text;
  for (const Unit& u : f.units) text += u.key + '\n';
  for (const Section& c : f.section->children) text += c.title + '\n';
  return make_word_bag(text);
}

using Match = std::vector<int>;  // a index -> b index, -1 when unmatched

void match_by(const std::vector<Flat>& a, const std::vector<Flat>& b, Match& ma, Match& mb,
              std::string Flat::*key) {
  std::map<std::string, std::vector<int>> free_b;
  for (std::size_t j = 0; j < b.size(); ++j)
    if (mb[j] < 0) free_b[b[j].*key].push_back(static_cast<int>(j));
  std::map<std::string, std::size_t> used;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ma[i] >= 0) continue;
    auto it = free_b.find(a[i].*key);
    if (it == free_b.end()) continue;
    std::size_t& k = used[a[i].*key];
    if (k >= it->second.size()) continue;
    const int j = it->second[k++];
    ma[i] = j;
    mb[static_cast<std::size_t>(j)] = static_cast<int>(i);
  }
}

// Greedy best-first pairing of unmatched sections by content similarity.
void match_renames(const std::vector<Flat>& a, const std::vector<Flat>& b, Match& ma, Match& mb,
                   std::vector<double>& sim_a, const DiffOptions& opt,
                   std::vector<std::string>& notes) {
  std::vector<int> ua;
  std::vector<int> ub;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ma[i] < 0 && !a[i].units.empty()) ua.push_back(static_cast<int>(i));
  for (std::size_t j = 0; j < b.size(); ++j)
    if (mb[j] < 0 && !b[j].units.empty()) ub.push_back(static_cast<int>(j));
  if (ua.empty() || ub.empty()) return;
  if (ua.size() * ub.size() > opt.max_rename_pairs) {
    notes.push_back("rename detection skipped: " + std::to_string(ua.size()) + " x " +
                    std::to_string(ub.size()) + " unmatched sections exceed the cap of " +
                    std::to_string(opt.max_rename_pairs) + " pairs");
    return;
  }
  std::vector<std::vector<std::string>> bags_b;
  for (const int j : ub) bags_b.push_back(content_bag(b[static_cast<std::size_t>(j)]));
  std::vector<std::tuple<double, int, int>> cand;  // (-similarity, i, j) sorts best first
  for (const int i : ua) {
    const auto bag = content_bag(a[static_cast<std::size_t>(i)]);
    for (std::size_t k = 0; k < ub.size(); ++k) {
      const double s = bag_similarity(bag, bags_b[k]);
      if (s >= opt.rename_threshold) cand.emplace_back(-s, i, ub[k]);
    }
  }
  std::sort(cand.begin(), cand.end());
  for (const auto& [neg, i, j] : cand) {
    const auto ui = static_cast<std::size_t>(i);
    const auto uj = static_cast<std::size_t>(j);
    if (ma[ui] >= 0 || mb[uj] >= 0) continue;
    ma[ui] = j;
    mb[uj] = i;
    sim_a[ui] = -neg;
  }
}

// Flags of the elements of `seq` that belong to one longest increasing
// subsequence (patience sorting, O(n log n)).
std::vector<bool> in_lis(const std::vector<int>& seq) {
  std::vector<int> tails;  // indices into seq
  std::vector<int> prev(seq.size(), -1);
  for (std::size_t i = 0; i < seq.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                               [&](int t, int v) { return seq[static_cast<std::size_t>(t)] < v; });
    if (it != tails.begin()) prev[i] = *(it - 1);
    if (it == tails.end()) {
      tails.push_back(static_cast<int>(i));
    } else {
      *it = static_cast<int>(i);
    }
  }
  std::vector<bool> keep(seq.size(), false);
  for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = prev[static_cast<std::size_t>(k)])
    keep[static_cast<std::size_t>(k)] = true;
  return keep;
}

std::vector<bool> moved_flags(const std::vector<Flat>& a, const std::vector<Flat>& b,
                              const Match& ma) {
  std::vector<bool> moved(a.size(), false);
  std::map<int, std::vector<int>> siblings;  // parent in a -> matched children, in a order
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (ma[i] < 0) continue;
    const int pa = a[i].parent;
    const int pb = b[static_cast<std::size_t>(ma[i])].parent;
    if (pa < 0 || ma[static_cast<std::size_t>(pa)] != pb) {
      moved[i] = true;
    } else {
      siblings[pa].push_back(static_cast<int>(i));
    }
  }
  for (const auto& [parent, kids] : siblings) {
    std::vector<int> order;
    for (const int i : kids) order.push_back(ma[static_cast<std::size_t>(i)]);
    const auto keep = in_lis(order);
    for (std::size_t k = 0; k < kids.size(); ++k)
      if (!keep[k]) moved[static_cast<std::size_t>(kids[k])] = true;
  }
  return moved;
}

TextUnit granularity_of(const std::string& kind) {
  return kind == "code" || kind == "html" || kind == "table" ? TextUnit::Lines : TextUnit::Words;
}

Where where_of(const Unit& u) { return Where{u.line, u.key}; }

// Pairs the removed and added units of one change run into changed units.
void emit_run(const std::vector<Unit>& ua, const std::vector<Unit>& ub,
              const std::vector<std::size_t>& removed, const std::vector<std::size_t>& added,
              const DiffOptions& opt, std::vector<BlockChange>& out) {
  std::vector<bool> used(added.size(), false);
  const bool pair = removed.size() * added.size() <= 40000;
  for (const std::size_t r : removed) {
    const Unit& u = ua[r];
    int best = -1;
    double best_sim = opt.change_threshold;
    const auto bag = pair ? make_word_bag(u.key) : std::vector<std::string>{};
    for (std::size_t k = 0; pair && k < added.size(); ++k) {
      if (used[k] || ub[added[k]].kind != u.kind) continue;
      const double s = bag_similarity(bag, make_word_bag(ub[added[k]].key));
      if (s >= best_sim && (best < 0 || s > best_sim)) {
        best = static_cast<int>(k);
        best_sim = s;
      }
    }
    if (best < 0) {
      out.push_back({BlockChangeKind::Removed, u.kind, where_of(u), std::nullopt,
                     granularity_of(u.kind), {}});
      continue;
    }
    used[static_cast<std::size_t>(best)] = true;
    const Unit& v = ub[added[static_cast<std::size_t>(best)]];
    const TextUnit g = granularity_of(u.kind);
    out.push_back({BlockChangeKind::Changed, u.kind, where_of(u), where_of(v), g,
                   diff_text(u.key, v.key, g)});
  }
  for (std::size_t k = 0; k < added.size(); ++k) {
    if (used[k]) continue;
    const Unit& v = ub[added[k]];
    out.push_back({BlockChangeKind::Added, v.kind, std::nullopt, where_of(v),
                   granularity_of(v.kind), {}});
  }
}

std::vector<BlockChange> diff_units(const std::vector<Unit>& ua, const std::vector<Unit>& ub,
                                    const DiffOptions& opt) {
  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const Unit& u : ua) ka.push_back(u.kind + '\x1f' + u.key);
  for (const Unit& u : ub) kb.push_back(u.kind + '\x1f' + u.key);
  std::vector<BlockChange> out;
  std::vector<std::size_t> removed;
  std::vector<std::size_t> added;
  for (const EditOp& op : edit_script(ka, kb)) {
    if (op.kind == EditOp::Kind::Common) {
      emit_run(ua, ub, removed, added, opt, out);
      removed.clear();
      added.clear();
    } else if (op.kind == EditOp::Kind::Removed) {
      removed.push_back(op.a);
    } else {
      added.push_back(op.b);
    }
  }
  emit_run(ua, ub, removed, added, opt, out);
  return out;
}

SectionRef ref_of(const Flat& f) {
  return SectionRef{f.section->title, f.display_path, f.section->level, f.section->line,
                    f.section->heading_kind};
}

bool is_pseudo(const Section& s) { return s.heading_kind == HeadingKind::Pseudo; }

}  // namespace

std::vector<SectionChange> diff_sections(const Body& body_a, const Body& body_b,
                                         const DiffOptions& opt, std::vector<std::string>& notes) {
  std::vector<Flat> a;
  std::vector<Flat> b;
  flatten(body_a.root, -1, a);
  flatten(body_b.root, -1, b);
  Match ma(a.size(), -1);
  Match mb(b.size(), -1);
  std::vector<double> sim(a.size(), 1.0);
  ma[0] = 0;  // the preambles
  mb[0] = 0;
  match_by(a, b, ma, mb, &Flat::path_key);
  match_by(a, b, ma, mb, &Flat::title_key);
  match_renames(a, b, ma, mb, sim, opt, notes);
  const auto moved = moved_flags(a, b, ma);

  // (position in b, 0 = b side / 1 = removed, a index, change)
  std::vector<std::tuple<int, int, std::size_t, SectionChange>> rows;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ma[i] < 0) continue;
    const Flat& fa = a[i];
    const Flat& fb = b[static_cast<std::size_t>(ma[i])];
    SectionChange c;
    c.old_section = ref_of(fa);
    c.new_section = ref_of(fb);
    c.renamed = fa.section->title != fb.section->title;
    c.moved = moved[i];
    c.level_changed = fa.section->level != fb.section->level ||
                      is_pseudo(*fa.section) != is_pseudo(*fb.section);
    c.similarity = sim[i];
    c.blocks = diff_units(fa.units, fb.units, opt);
    if (c.renamed || c.moved || c.level_changed || c.changed()) rows.emplace_back(ma[i], 0, i, std::move(c));
  }
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (mb[j] >= 0) continue;
    SectionChange c;
    c.status = SectionStatus::Added;
    c.new_section = ref_of(b[j]);
    rows.emplace_back(static_cast<int>(j), 0, 0, std::move(c));
  }
  int anchor = -1;  // b position of the last matched a section seen
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ma[i] >= 0) {
      anchor = ma[i];
      continue;
    }
    SectionChange c;
    c.status = SectionStatus::Removed;
    c.old_section = ref_of(a[i]);
    rows.emplace_back(anchor, 1, i, std::move(c));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x), std::get<2>(x)) <
           std::tie(std::get<0>(y), std::get<1>(y), std::get<2>(y));
  });
  std::vector<SectionChange> out;
  for (auto& r : rows) out.push_back(std::move(std::get<3>(r)));
  return out;
}

}  // namespace agentmerge::detail
