// Stage 4 of the merge: the merged tree becomes Markdown body text, and
// every output block gets an id, a line span and its sources.
//
//   before: MSection{Focus Areas, blocks=[List{units: "REST APIs", "gRPC"}]}
//   after:  "## Focus Areas\n\n- REST APIs\n- gRPC\n"  + OutputBlocks #2 (line 3), #3 (line 4)
//
// Heading levels are recomputed from the tree: the title is the only H1
// (without a title, a lone top-level H1 stays an H1 where it is), every
// other heading is one level below its nearest heading ancestor (so there
// are no jumps); each level changed is counted as a repair. Blocks
// nothing was added to are written as the canonical emitter writes them.
#include <algorithm>

#include "agentmerge/emit.hpp"
#include "merge_internal.hpp"

namespace agentmerge::detail {

namespace {

struct Writer {
  MergeState& st;
  Rendered out;
  int line = 1;  // line the next block starts on

  void add_text(const std::string& text) {
    if (!out.body.empty()) {
      out.body += "\n";
      ++line;
    }
    out.body += text + "\n";
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  }

  // Registers an output block covering lines [start, start + n).
  int add_output(std::string kind, const std::string& section, const std::string& text, int start,
                 const std::vector<std::size_t>& members) {
    OutputBlock ob;
    ob.id = static_cast<int>(out.blocks.size());
    ob.line = start;
    ob.end_line = start + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    ob.kind = std::move(kind);
    ob.section = section;
    ob.text = text;
    for (std::size_t m : members) {
      auto& sb = st.report->source_blocks[m];
      sb.output = ob.id;
      if (std::find(ob.sources.begin(), ob.sources.end(), sb.source) == ob.sources.end())
        ob.sources.push_back(sb.source);
      if (sb.fate == BlockFate::Folded) ob.folded.push_back(m);
    }
    std::sort(ob.sources.begin(), ob.sources.end());
    out.blocks.push_back(std::move(ob));
    return out.blocks.back().id;
  }
};

std::string indent_rest(const std::string& text, std::size_t n) {
  std::string out;
  const std::string pad(n, ' ');
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') out += pad;
  }
  return out;
}

std::string render_item(const Unit& u, const std::string& marker) {
  std::string s = marker + indent_rest(u.content, marker.size());
  for (const auto& n : u.nested) s += "\n" + std::string(marker.size(), ' ') + "- " + indent_rest(n, marker.size() + 2);
  return s;
}

bool pristine(const MergeState& st, const MBlock& b) {
  if (b.base == nullptr) return false;
  if (b.kind == BlockKind::List && b.units.size() != b.base->items.size()) return false;
  for (std::size_t i = 0; i < b.units.size(); ++i) {
    const Unit& u = st.units[b.units[i]];
    if (u.swapped || !u.nested.empty()) return false;
    if (b.kind == BlockKind::List ? u.item != &b.base->items[i] : u.block != b.base) return false;
  }
  return true;
}

void render_block(Writer& w, const MBlock& b, const std::string& path) {
  if (b.units.empty()) return;
  const bool keep = pristine(w.st, b);
  if (b.kind != BlockKind::List) {
    const Unit& u = w.st.units[b.units.front()];
    const std::string text = keep ? u.content : u.content;
    const int start = w.line + (w.out.body.empty() ? 0 : 1);
    w.add_text(text);
    w.add_output(std::string(to_string(b.kind)), path, text, start, u.members);
    return;
  }
  std::string text;
  if (keep) {
    text = emit_block(*b.base);
    while (!text.empty() && text.back() == '\n') text.pop_back();
  } else {
    for (std::size_t i = 0; i < b.units.size(); ++i) {
      const std::string marker = b.ordered ? std::to_string(i + 1) + ". " : "- ";
      text += (i ? "\n" : "") + render_item(w.st.units[b.units[i]], marker);
    }
  }
  const int start = w.line + (w.out.body.empty() ? 0 : 1);
  w.add_text(text);
  int item_line = start;
  for (std::size_t i = 0; i < b.units.size(); ++i) {
    const Unit& u = w.st.units[b.units[i]];
    const std::string marker = b.ordered ? std::to_string(i + 1) + ". " : "- ";
    const std::string item_text = render_item(u, marker);
    if (keep) item_line = start + (b.base->items[i].line - b.base->line);
    w.add_output("list-item", path, item_text, item_line, u.members);
    if (!keep) item_line += static_cast<int>(std::count(item_text.begin(), item_text.end(), '\n')) + 1;
  }
}

bool has_content(const MergeState& st, std::size_t s) {
  for (const MBlock& b : st.sections[s].blocks)
    if (!b.units.empty()) return true;
  for (std::size_t c : st.sections[s].children)
    if (has_content(st, c)) return true;
  return false;
}

// How a bold pseudo-heading is written: as in its source, or (a top-level
// section of a consolidated merge) as a real heading.
enum class PseudoStyle { AsWritten, Heading };

// A pseudo-heading's title without its trailing ':'.
std::string plain_title(const std::string& title) {
  std::string t = title;
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
  return t;
}

void render_section(Writer& w, std::size_t idx, int parent_level, const std::string& parent_path,
                    PseudoStyle style = PseudoStyle::AsWritten) {
  const MSection& s = w.st.sections[idx];
  const bool had_content = s.base && (!s.base->blocks.empty() || !s.base->children.empty());
  if (had_content && !has_content(w.st, idx)) {
    for (std::size_t m : s.heading_members) {
      auto& sb = w.st.report->source_blocks[m];
      sb.fate = BlockFate::Dropped;
      sb.policy = "all-content-folded-elsewhere";
    }
    return;
  }
  const std::string path = parent_path.empty() ? s.title : parent_path + " > " + s.title;
  int level = parent_level;
  std::string text;
  if (s.kind == HeadingKind::Pseudo && style == PseudoStyle::AsWritten) {
    text = s.heading;
  } else if (s.kind == HeadingKind::Pseudo) {
    level = std::min(parent_level + 1, 6);
    text = std::string(static_cast<std::size_t>(level), '#') + " " + plain_title(s.title);
  } else {
    level = std::min(parent_level + 1, 6);
    if (level != s.source_level) ++w.out.levels_repaired;
    text = std::string(static_cast<std::size_t>(level), '#') + " " + s.heading;
  }
  const int start = w.line + (w.out.body.empty() ? 0 : 1);
  w.add_text(text);
  w.add_output("heading", path, text, start, s.heading_members);
  for (const MBlock& b : s.blocks) render_block(w, b, path);
  // A pseudo-section cannot follow a heading sibling (it would become that
  // heading's child when read back), so pseudo children come first.
  std::vector<std::size_t> kids = s.children;
  std::stable_partition(kids.begin(), kids.end(), [&](std::size_t c) {
    return w.st.sections[c].kind == HeadingKind::Pseudo;
  });
  for (std::size_t c : kids) render_section(w, c, level, path);
}

}  // namespace

Rendered render(MergeState& st) {
  Writer w{st, {}, 1};
  std::string root_path;
  constexpr std::size_t kNoTitle = static_cast<std::size_t>(-1);
  if (st.title != kNoTitle) {
    const MSection& t = st.sections[st.title];
    const std::string text = "# " + t.heading;
    if (t.source_level != 1) ++w.out.levels_repaired;
    w.add_text(text);
    w.add_output("heading", t.title, text, 1, t.heading_members);
    root_path = t.title;
  }
  for (const MBlock& b : st.root().blocks) render_block(w, b, root_path);
  std::vector<std::size_t> kids = st.root().children;
  const PseudoStyle style = consolidated(st) ? PseudoStyle::Heading : PseudoStyle::AsWritten;
  if (style == PseudoStyle::Heading) {
    // The skeleton: one run of sections per role, in the canonical order.
    auto rank = [&](std::size_t c) {
      const auto& order = st.section_order;
      return std::find(order.begin(), order.end(), st.sections[c].role) - order.begin();
    };
    std::stable_sort(kids.begin(), kids.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  } else {
    std::stable_partition(kids.begin(), kids.end(), [&](std::size_t c) {
      return st.sections[c].kind == HeadingKind::Pseudo;
    });
  }
  // Without a title, a lone top-level H1 that is not first keeps its level
  // and its place: the result still has one H1 at most and no jumps.
  std::size_t lone_h1 = kNoTitle;
  if (st.title == kNoTitle)
    for (std::size_t c : kids) {
      const MSection& s = st.sections[c];
      if (s.source_level != 1 || (s.kind != HeadingKind::Atx && s.kind != HeadingKind::Setext)) continue;
      if (lone_h1 != kNoTitle) {
        lone_h1 = kNoTitle;
        break;
      }
      lone_h1 = c;
    }
  for (std::size_t c : kids) render_section(w, c, c == lone_h1 ? 0 : 1, root_path, style);
  return std::move(w.out);
}

}  // namespace agentmerge::detail
