// Stage 2: Markdown body -> section tree.
//
//   Intro text.                      root.blocks = [Paragraph "Intro text."]
//                                    root.children = [
//   ## Focus Areas                     Section{Atx, 2, "Focus Areas",
//   **API Design**:                      children = [Section{Pseudo, 3, "API Design",
//   - **REST**: resources, verbs            blocks = [List{items = [lead "REST",
//   - gRPC                                                         ""]}]}]}]
//
// cmark (CMARK_OPT_SOURCEPOS) finds the blocks; their source text is then
// taken by line ranges of the body, never re-rendered. A block spans from its
// first line to the line before the next sibling starts (trailing blank lines
// trimmed), so no source line is ever lost between blocks: lazy continuation
// lines and link reference definitions (which cmark gives no node) stay with
// the block before them.
#include "markdown.hpp"

#include <algorithm>
#include <memory>

#include <cmark.h>

#include "agentmerge/normalize.hpp"
#include "cmark_input.hpp"

namespace agentmerge::detail {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

// The body split into lines (1-based access through at()).
class Lines {
 public:
  explicit Lines(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }
  int count() const { return static_cast<int>(lines_.size()); }
  std::string_view at(int line) const {
    if (line < 1 || line > count()) return {};
    return lines_[static_cast<std::size_t>(line - 1)];
  }
  bool blank(int line) const {
    return at(line).find_first_not_of(" \t") == std::string_view::npos;
  }
  // Lines [first, last] joined with '\n'; the first line starts at byte
  // `first_col` (0-based), used for blocks that begin after a list marker.
  std::string join(int first, int last, std::size_t first_col = 0) const {
    std::string out;
    for (int l = first; l <= last; ++l) {
      std::string_view s = at(l);
      if (l == first) s = s.substr(std::min(first_col, s.size()));
      if (l > first) out.push_back('\n');
      out.append(s);
    }
    return out;
  }

 private:
  std::vector<std::string_view> lines_;
};

// A node and the body lines it owns.
struct Span {
  cmark_node* node = nullptr;
  int first = 0;
  int last = 0;
};

// Splits [first, last] among the children of `parent`: each child owns the
// lines from its start to the next child's start, trailing blanks trimmed.
std::vector<Span> child_spans(cmark_node* parent, int last, const Lines& lines) {
  std::vector<Span> spans;
  for (cmark_node* c = cmark_node_first_child(parent); c != nullptr; c = cmark_node_next(c))
    spans.push_back({c, cmark_node_get_start_line(c), 0});
  for (std::size_t i = 0; i < spans.size(); ++i) {
    int end = i + 1 < spans.size() ? spans[i + 1].first - 1 : last;
    while (end > spans[i].first && lines.blank(end)) --end;
    spans[i].last = std::max(end, spans[i].first);
  }
  return spans;
}

bool is_table(std::string_view source) {
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view line = source.substr(start, end - start);
    const std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] != '|') return false;
    start = end + 1;
  }
  return true;
}

// Concatenated literal text of an inline subtree.
std::string inline_text(cmark_node* node) {
  std::string out;
  for (cmark_node* c = cmark_node_first_child(node); c != nullptr; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: out += inline_text(c);
    }
  }
  return out;
}

std::string trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  const std::size_t b = s.find_last_not_of(" \t");
  return std::string(s.substr(a, b - a + 1));
}

// "**API Design**:" -> "API Design". The lead of a list item.
std::string strip_colon(std::string s) {
  s = trim(s);
  while (!s.empty() && s.back() == ':') s.pop_back();
  return trim(s);
}

// Bold lead-in of an item: the first inline of its first paragraph is strong.
std::string item_lead(cmark_node* item) {
  cmark_node* para = cmark_node_first_child(item);
  if (para == nullptr || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return {};
  cmark_node* first = cmark_node_first_child(para);
  if (first == nullptr || cmark_node_get_type(first) != CMARK_NODE_STRONG) return {};
  return strip_colon(inline_text(first));
}

struct Ctx {
  const Lines& lines;
  int offset = 0;  // file line = body line + offset
};

Block make_block(const Ctx& ctx, const Span& span, std::size_t first_col);

// 0-based byte column where `node` starts.
std::size_t start_col(cmark_node* node) {
  return static_cast<std::size_t>(std::max(cmark_node_get_start_column(node) - 1, 0));
}

// The blocks of a list item. The first one shares the item's first line
// with the marker, so its source starts at its own column.
std::vector<Block> make_children(const Ctx& ctx, cmark_node* item, int first, int last) {
  std::vector<Block> out;
  for (const Span& s : child_spans(item, last, ctx.lines))
    out.push_back(make_block(ctx, s, s.first == first ? start_col(s.node) : 0));
  return out;
}

ListItem make_item(const Ctx& ctx, const Span& span, std::size_t first_col) {
  ListItem item;
  item.line = span.first + ctx.offset;
  item.end_line = span.last + ctx.offset;
  item.source = ctx.lines.join(span.first, span.last, first_col);
  item.normalized = normalize_text(item.source);
  item.lead = item_lead(span.node);
  item.children = make_children(ctx, span.node, span.first, span.last);
  return item;
}

BlockKind kind_of(cmark_node* node, std::string_view source) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST: return BlockKind::List;
    case CMARK_NODE_CODE_BLOCK: return BlockKind::Code;
    case CMARK_NODE_BLOCK_QUOTE: return BlockKind::Quote;
    case CMARK_NODE_HTML_BLOCK: return BlockKind::Html;
    case CMARK_NODE_THEMATIC_BREAK: return BlockKind::ThematicBreak;
    case CMARK_NODE_PARAGRAPH:
      return is_table(source) ? BlockKind::Table : BlockKind::Paragraph;
    default: return BlockKind::Paragraph;  // headings inside items/quotes
  }
}

Block make_block(const Ctx& ctx, const Span& span, std::size_t first_col) {
  Block b;
  b.line = span.first + ctx.offset;
  b.end_line = span.last + ctx.offset;
  b.source = ctx.lines.join(span.first, span.last, first_col);
  b.kind = kind_of(span.node, b.source);
  b.normalized = normalize_text(b.source);
  if (b.kind == BlockKind::Code) {
    if (const char* info = cmark_node_get_fence_info(span.node)) b.info = trim(info);
  }
  if (b.kind == BlockKind::List) {
    b.ordered = cmark_node_get_list_type(span.node) == CMARK_ORDERED_LIST;
    b.list_start = b.ordered ? cmark_node_get_list_start(span.node) : 1;
    // A list that starts after another marker ("- - a") cuts its first
    // item at the item's own column; otherwise items keep their indentation.
    for (const Span& s : child_spans(span.node, span.last, ctx.lines))
      b.items.push_back(
          make_item(ctx, s, s.first == span.first && first_col > 0 ? start_col(s.node) : 0));
  }
  return b;
}

// ------------------------------------------------------------- headings --

// A paragraph of one line whose only content is bold text, optionally
// followed by ':' ("**API Design**:", "**Will Not:**").
bool is_bold_only(cmark_node* para) {
  if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
  if (cmark_node_get_start_line(para) != cmark_node_get_end_line(para)) return false;
  cmark_node* strong = cmark_node_first_child(para);
  if (strong == nullptr || cmark_node_get_type(strong) != CMARK_NODE_STRONG) return false;
  if (trim(inline_text(strong)).empty()) return false;
  cmark_node* rest = cmark_node_next(strong);
  if (rest == nullptr) return true;
  if (cmark_node_next(rest) != nullptr || cmark_node_get_type(rest) != CMARK_NODE_TEXT)
    return false;
  const char* lit = cmark_node_get_literal(rest);
  const std::string t = trim(lit != nullptr ? lit : "");
  return t.empty() || t == ":";
}

// A pseudo-heading is a bold-only paragraph followed by content (a list,
// paragraph, code, quote, table or HTML), not by a heading, a thematic break
// or the end of the body.
bool is_pseudo_heading(cmark_node* node) {
  if (!is_bold_only(node)) return false;
  cmark_node* next = cmark_node_next(node);
  if (next == nullptr) return false;
  const cmark_node_type t = cmark_node_get_type(next);
  return t != CMARK_NODE_HEADING && t != CMARK_NODE_THEMATIC_BREAK;
}

// "## Title ##" -> "Title" (indentation, opening and closing sequences).
std::string atx_title(std::string_view line) {
  std::string s = trim(line);
  std::size_t i = 0;
  while (i < s.size() && s[i] == '#') ++i;
  s = trim(std::string_view(s).substr(i));
  std::size_t j = s.size();
  while (j > 0 && s[j - 1] == '#') --j;
  if (j == 0) return {};
  if (j < s.size() && (s[j - 1] == ' ' || s[j - 1] == '\t')) s = trim(std::string_view(s).substr(0, j));
  return s;
}

std::string pseudo_title(std::string_view line) {
  std::string s = strip_colon(std::string(line));
  if (s.size() >= 4) s = s.substr(2, s.size() - 4);
  return strip_colon(s);
}

// The line of a setext heading's underline ("===" or "---"). cmark's end
// line is not reliable here, so the underline is searched in the span.
// An underline is indented by three columns at most (a tab reaches the next
// multiple of four); deeper, the line is paragraph text.
int setext_underline(const Ctx& ctx, const Span& span) {
  for (int l = span.first + 1; l <= span.last; ++l) {
    const std::string_view line = ctx.lines.at(l);
    int column = 0;
    for (std::size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i)
      column = line[i] == '\t' ? column + 4 - column % 4 : column + 1;
    if (column > 3) continue;
    const std::string t = trim(line);
    if (!t.empty() && (t.find_first_not_of('=') == std::string::npos ||
                       t.find_first_not_of('-') == std::string::npos))
      return l;
  }
  return span.first;
}

Section make_heading(const Ctx& ctx, const Span& span, HeadingKind kind) {
  Section s;
  s.heading_kind = kind;
  s.line = span.first + ctx.offset;
  const int own_last = kind == HeadingKind::Setext ? setext_underline(ctx, span) : span.first;
  s.heading_source = ctx.lines.join(span.first, own_last);
  if (kind == HeadingKind::Atx) {
    s.title = atx_title(ctx.lines.at(span.first));
  } else if (kind == HeadingKind::Setext) {
    for (int l = span.first; l < own_last; ++l)
      s.title += (s.title.empty() ? "" : " ") + trim(ctx.lines.at(l));
  } else {
    s.title = pseudo_title(ctx.lines.at(span.first));
  }
  s.normalized_title = normalize_title(s.title);
  // Lines after the heading that cmark gave no node (link reference
  // definitions) become a paragraph so that nothing is lost.
  int extra = own_last + 1;
  while (extra <= span.last && ctx.lines.blank(extra)) ++extra;
  if (extra <= span.last) {
    Block b;
    b.line = extra + ctx.offset;
    b.end_line = span.last + ctx.offset;
    b.source = ctx.lines.join(extra, span.last);
    b.normalized = normalize_text(b.source);
    s.blocks.push_back(std::move(b));
  }
  return s;
}

// Atx when the heading's first line opens an ATX heading: up to three
// spaces, one to six '#', then a space, a tab or the end of the line.
// Otherwise Setext, also when the text starts with '#' ("#tag", "#######").
HeadingKind heading_kind(const Ctx& ctx, const Span& span) {
  const std::string_view first = ctx.lines.at(span.first);
  std::size_t i = 0;
  while (i < 3 && i < first.size() && first[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i + hashes < first.size() && first[i + hashes] == '#') ++hashes;
  const std::size_t after = i + hashes;
  const bool opener = hashes >= 1 && hashes <= 6 &&
                      (after == first.size() || first[after] == ' ' || first[after] == '\t');
  return opener ? HeadingKind::Atx : HeadingKind::Setext;
}

// Builds the tree from the top-level spans. `stack` holds the open sections;
// a pseudo-section holds blocks only: any heading closes it, and a new
// pseudo-heading replaces it as a sibling.
class TreeBuilder {
 public:
  explicit TreeBuilder(Section& root) { stack_.push_back(&root); }

  void add_block(Block b) { stack_.back()->blocks.push_back(std::move(b)); }

  void add_heading(Section s, int level) {
    while (stack_.size() > 1 && stack_.back()->heading_kind == HeadingKind::Pseudo)
      stack_.pop_back();
    while (stack_.size() > 1 && stack_.back()->level >= level) stack_.pop_back();
    s.level = level;
    push(std::move(s));
  }

  void add_pseudo(Section s) {
    if (stack_.size() > 1 && stack_.back()->heading_kind == HeadingKind::Pseudo)
      stack_.pop_back();
    s.level = std::min(stack_.back()->level + 1, 7);
    push(std::move(s));
  }

 private:
  void push(Section s) {
    Section* parent = stack_.back();
    parent->children.push_back(std::move(s));
    stack_.push_back(&parent->children.back());
  }
  std::vector<Section*> stack_;
};

bool is_block_container(cmark_node* n) {
  const cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE;
}

// The first list, item or block quote nested inside more than `max_depth`
// others, or nullptr. One pass over the tree (cmark's iterator, no
// recursion); leaves and inlines do not count.
cmark_node* too_deep(cmark_node* doc, int max_depth) {
  cmark_iter* iter = cmark_iter_new(doc);
  cmark_node* found = nullptr;
  int depth = 0;
  for (cmark_event_type ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE;
       ev = cmark_iter_next(iter)) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (!is_block_container(n)) continue;
    depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
    if (depth > max_depth) {
      found = n;
      break;
    }
  }
  cmark_iter_free(iter);
  return found;
}

Body build_body(cmark_node* doc_node, std::string_view text, int first_line) {
  Body body;
  body.first_line = first_line;
  body.text = std::string(text);
  const Lines lines(text);
  const Ctx ctx{lines, first_line - 1};
  cmark_node* doc = doc_node;
  TreeBuilder tree(body.root);

  const std::vector<Span> spans = child_spans(doc, lines.count(), lines);
  // Lines before the first node that are not blank (only link reference
  // definitions can be there) are kept as a paragraph.
  const int first_node = spans.empty() ? lines.count() + 1 : spans.front().first;
  int lead = 1;
  while (lead < first_node && lines.blank(lead)) ++lead;
  if (lead < first_node) {
    int end = first_node - 1;
    while (lines.blank(end)) --end;
    Block b;
    b.line = lead + ctx.offset;
    b.end_line = end + ctx.offset;
    b.source = lines.join(lead, end);
    b.normalized = normalize_text(b.source);
    tree.add_block(std::move(b));
  }

  for (const Span& span : spans) {
    if (cmark_node_get_type(span.node) == CMARK_NODE_HEADING) {
      tree.add_heading(make_heading(ctx, span, heading_kind(ctx, span)),
                       cmark_node_get_heading_level(span.node));
    } else if (is_pseudo_heading(span.node)) {
      tree.add_pseudo(make_heading(ctx, span, HeadingKind::Pseudo));
    } else {
      tree.add_block(make_block(ctx, span, 0));
    }
  }
  return body;
}

}  // namespace

Body parse_body(std::string_view text, int first_line, const std::string& /*file*/,
                std::vector<Diagnostic>& /*diagnostics*/) {
  NodePtr doc(parse_markdown(text, CMARK_OPT_SOURCEPOS));
  return build_body(doc.get(), text, first_line);
}

Result<Body> parse_body_limited(std::string_view text, int first_line, const std::string& file,
                                int max_depth) {
  NodePtr doc(parse_markdown(text, CMARK_OPT_SOURCEPOS));
  if (cmark_node* deep = too_deep(doc.get(), max_depth)) {
    return Error{file, first_line - 1 + std::max(1, cmark_node_get_start_line(deep)), "too-deep",
                 "lists, quotes or items nested more than " + std::to_string(max_depth) +
                     " deep (--max-nesting)"};
  }
  return build_body(doc.get(), text, first_line);
}

}  // namespace agentmerge::detail
