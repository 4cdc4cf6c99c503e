// Stage 3: section tree -> canonical Markdown body.
//
//   Title                        # Title
//   =====
//   * one<2 spaces>          ->  - one<backslash>   (the same hard break)
//     continued                    continued
//   + other list                 * other list       (kept apart from the '-' list)
//   ***                          ---
//
// Each block is rewritten from its own source text, never re-rendered: a
// block that needs an edit is parsed again with cmark to locate list
// markers, code, HTML and tables (one that needs none is written as it is,
// see already_canonical), and only these edits are made (see docs/fmt.md):
//   - bullet markers become '-' (or '*' for a list right after a '-' list,
//     which CommonMark would otherwise merge into it); same width, so
//     nested indentation stays valid; ordered lists keep their numbers;
//   - trailing whitespace is removed, except inside code blocks, HTML blocks
//     and tables, which are kept byte for byte; a trailing-spaces hard break
//     inside a paragraph becomes a backslash hard break;
//   - runs of blank lines (outside code and HTML) fold to one.
#include "agentmerge/emit.hpp"

#include "cmark_input.hpp"
#include "emit_internal.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <cmark.h>

namespace agentmerge {

namespace {

using detail::Fragment;
using detail::FragmentPath;

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
struct IterDeleter {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Which bullet character a list gets. Adjacent bullet lists must differ, or
// CommonMark reads them as one list.
char other_bullet(char c) { return c == '-' ? '*' : '-'; }

bool is_table_paragraph(const std::vector<std::string>& lines, int first, int last) {
  for (int l = first; l <= last; ++l) {
    const std::string& s = lines[static_cast<std::size_t>(l - 1)];
    const std::size_t i = s.find_first_not_of(" \t");
    if (i == std::string::npos || s[i] != '|') return false;
  }
  return true;
}

// The fence character of a code block that starts at (line, col), or 0 for
// an indented code block.
char fence_char(const std::vector<std::string>& lines, int line, int col) {
  const std::string& s = lines[static_cast<std::size_t>(line - 1)];
  const auto c = static_cast<std::size_t>(std::max(col, 0));
  return c < s.size() && (s[c] == '`' || s[c] == '~') ? s[c] : 0;
}

// Whether the last line of a fenced code block is its closing fence (an
// unclosed fence runs to the end of its container).
bool fence_closed(const std::vector<std::string>& lines, int first, int last, int col,
                  char fence) {
  if (last <= first) return false;
  const std::string& open = lines[static_cast<std::size_t>(first - 1)];
  std::size_t open_len = 0;
  for (auto i = static_cast<std::size_t>(col); i < open.size() && open[i] == fence; ++i)
    ++open_len;
  const std::string& close = lines[static_cast<std::size_t>(last - 1)];
  const std::size_t c = close.find_first_not_of(" >\t");
  if (c == std::string::npos || close[c] != fence) return false;
  std::size_t e = c;
  while (e < close.size() && close[e] == fence) ++e;
  return e - c >= open_len && blank(std::string_view(close).substr(e));
}

// The edits for one fragment, found by walking its cmark tree.
struct Edits {
  std::set<int> verbatim;    // lines kept byte for byte
  std::set<int> hard_break;  // lines whose trailing spaces are a hard break
  std::map<std::pair<int, int>, char> markers;  // (line, byte column) -> bullet
  char last_top_bullet = 0;  // bullet of the fragment's last top-level list
};

void mark_range(std::set<int>& s, int first, int last) {
  for (int l = first; l <= last; ++l) s.insert(l);
}

// The bullet markers of a list's items: (line, byte column) of each item
// whose first line has '*', '+' or '-' where cmark says the item starts.
std::vector<std::pair<int, int>> item_markers(cmark_node* list, const std::vector<std::string>& lines) {
  std::vector<std::pair<int, int>> out;
  for (cmark_node* item = cmark_node_first_child(list); item != nullptr;
       item = cmark_node_next(item)) {
    const int line = cmark_node_get_start_line(item);
    const int col = cmark_node_get_start_column(item) - 1;
    if (line < 1 || line > static_cast<int>(lines.size()) || col < 0) continue;
    const std::string& s = lines[static_cast<std::size_t>(line - 1)];
    if (static_cast<std::size_t>(col) < s.size() &&
        (s[static_cast<std::size_t>(col)] == '*' || s[static_cast<std::size_t>(col)] == '+' ||
         s[static_cast<std::size_t>(col)] == '-'))
      out.emplace_back(line, col);
  }
  return out;
}

// Whether an item line would read as a thematic break with `bullet` as its
// marker: "* ----" with '-' is "- ----", a rule, not an item. A line holding
// only markers (" * - +", nested empty items) is at risk whatever the other
// levels choose, since each level's bullet is chosen on its own: every
// marker on it (a bullet followed by a blank or the line end) may end up as
// `bullet` (" - - -" is a rule). '+' never is.
bool makes_break(const std::string& line, std::size_t col, char bullet) {
  if (bullet == '+') return false;
  const auto is_marker = [&](std::size_t i) {
    const char c = line[i];
    const bool ends = i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
    return (c == '-' || c == '*' || c == '+') && ends;
  };
  int marks = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (i == col || c == bullet || is_marker(i)) {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return marks >= 3;
}

// `preferred` for the list, unless an item would then read as a thematic
// break: '+' then (never a rule), or the remaining bullet when the list
// before it already took '+'. Never the bullet of the list just before
// (`before`, 0 if none), which would merge the two.
char safe_bullet(const std::vector<std::pair<int, int>>& markers,
                 const std::vector<std::string>& lines, char preferred, char before) {
  auto breaks = [&](char bullet) {
    return std::any_of(markers.begin(), markers.end(), [&](const std::pair<int, int>& m) {
      return makes_break(lines[static_cast<std::size_t>(m.first - 1)],
                         static_cast<std::size_t>(m.second), bullet);
    });
  };
  for (const char bullet : {preferred, '+', other_bullet(preferred)})
    if (bullet != before && !breaks(bullet)) return bullet;
  return preferred;
}

Edits collect_edits(cmark_node* doc, const std::vector<std::string>& lines, char first_bullet) {
  Edits e;
  std::map<cmark_node*, char> bullets;
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(doc));
  for (cmark_event_type ev = cmark_iter_next(it.get()); ev != CMARK_EVENT_DONE;
       ev = cmark_iter_next(it.get())) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    const int first = cmark_node_get_start_line(n);
    const int last = std::min(cmark_node_get_end_line(n), static_cast<int>(lines.size()));
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_CODE_BLOCK: {
        const int col = cmark_node_get_start_column(n) - 1;
        if (const char fence = fence_char(lines, first, col); fence != 0) {
          mark_range(e.verbatim, first + 1,
                     fence_closed(lines, first, last, col, fence) ? last - 1 : last);
        } else {
          mark_range(e.verbatim, first, last);
        }
        break;
      }
      case CMARK_NODE_HTML_BLOCK: mark_range(e.verbatim, first, last); break;
      case CMARK_NODE_PARAGRAPH:
        if (is_table_paragraph(lines, first, last)) {
          mark_range(e.verbatim, first, last);
        } else {
          mark_range(e.hard_break, first, last - 1);
        }
        break;
      case CMARK_NODE_LIST: {
        if (cmark_node_get_list_type(n) != CMARK_BULLET_LIST) break;
        cmark_node* prev = cmark_node_previous(n);
        char bullet = '-';
        if (prev != nullptr && bullets.count(prev) != 0) {
          bullet = other_bullet(bullets[prev]);
        } else if (prev == nullptr && cmark_node_parent(n) == doc) {
          bullet = first_bullet;
        }
        const auto markers = item_markers(n, lines);
        bullet = safe_bullet(markers, lines, bullet,
                             prev != nullptr && bullets.count(prev) != 0 ? bullets[prev] : 0);
        bullets[n] = bullet;
        if (cmark_node_parent(n) == doc) e.last_top_bullet = bullet;
        for (const auto& m : markers) e.markers[m] = bullet;
        break;
      }
      default: break;
    }
  }
  return e;
}

// Removes trailing spaces and tabs; a paragraph line that ended in two or
// more spaces gets a backslash instead (the same hard break). A line that
// already ends in a backslash keeps its spaces: "a\\" would be an escape.
std::string strip_line(const std::string& s, bool hard_break_line) {
  std::size_t end = s.find_last_not_of(" \t");
  if (end == std::string::npos) return {};
  std::string out = s.substr(0, end + 1);
  std::size_t spaces = 0;
  for (std::size_t i = s.size(); i > end + 1 && s[i - 1] == ' '; --i) ++spaces;
  if (hard_break_line && spaces >= 2) {
    if (out.back() == '\\') return out + "  ";
    out.push_back('\\');
  }
  return out;
}

// How blank lines are written: Normalize makes whitespace-only lines empty
// and folds runs of them; Keep leaves them as written.
enum class BlankLines { Normalize, Keep };

// The fragment's lines with the edits applied, joined. `blanks_changed` is
// set when Normalize changed or dropped a blank line.
std::string apply_edits(const std::vector<std::string>& lines, const Edits& e, BlankLines blanks,
                        bool& blanks_changed) {
  std::vector<std::string> out;
  for (int l = 1; l <= static_cast<int>(lines.size()); ++l) {
    std::string s = lines[static_cast<std::size_t>(l - 1)];
    for (auto m = e.markers.lower_bound({l, 0}); m != e.markers.end() && m->first.first == l; ++m)
      s[static_cast<std::size_t>(m->first.second)] = m->second;
    if (e.verbatim.count(l) != 0 || (blanks == BlankLines::Keep && !s.empty() && blank(s))) {
      out.push_back(std::move(s));
      continue;
    }
    const bool was_empty = s.empty();
    s = strip_line(s, e.hard_break.count(l) != 0);
    if (s.empty() && !was_empty) blanks_changed = true;
    if (s.empty() && (out.empty() || out.back().empty())) {
      blanks_changed = true;
      continue;
    }
    out.push_back(std::move(s));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  std::string text;
  for (std::size_t i = 0; i < out.size(); ++i) text += (i ? "\n" : "") + out[i];
  return text;
}

// Whether `text` renders to the same HTML as the parsed `doc`.
bool same_html(cmark_node* doc, const std::string& text) {
  NodePtr other(detail::parse_markdown(text, CMARK_OPT_DEFAULT));
  std::unique_ptr<char, decltype(&std::free)> a(cmark_render_html(doc, CMARK_OPT_DEFAULT), &std::free);
  std::unique_ptr<char, decltype(&std::free)> b(cmark_render_html(other.get(), CMARK_OPT_DEFAULT), &std::free);
  return std::strcmp(a.get(), b.get()) == 0;
}

// The canonical form of one block's source. `first_bullet` is the bullet a
// top-level list at the start of the fragment must use. Blank lines are
// normalized unless that changes how cmark reads the block (a line of a tab
// and a space inside a list item is not read as an empty line is): then
// they are kept as written, and only the other edits are made.
Fragment canonical_fragment(std::string_view source, char first_bullet) {
  const std::vector<std::string> lines = split_lines(source);
  NodePtr doc(detail::parse_markdown(source, CMARK_OPT_SOURCEPOS));
  const Edits e = collect_edits(doc.get(), lines, first_bullet);
  bool blanks_changed = false;
  Fragment f;
  f.text = apply_edits(lines, e, BlankLines::Normalize, blanks_changed);
  if (blanks_changed && !same_html(doc.get(), f.text))
    f.text = apply_edits(lines, e, BlankLines::Keep, blanks_changed);
  f.last_bullet = e.last_top_bullet;
  return f;
}

// A synthetic list (no source): its items' sources, each with its own
// top-level marker set to '-' so that they read back as one list.
std::string list_from_items(const Block& block) {
  std::string text;
  for (const ListItem& item : block.items) {
    std::string s = item.source;
    const std::size_t i = s.find_first_not_of(' ');
    if (!block.ordered && i != std::string::npos && (s[i] == '*' || s[i] == '+')) s[i] = '-';
    text += (text.empty() ? "" : "\n") + s;
  }
  return text;
}

// The bullet character of a list marker that opens `line`'s content after
// its container prefix (indentation, '>' and list markers) when that marker
// differs from `want`, else 0; `found` is set when any bullet marker is
// there. CommonMark starts a list item only in that prefix, so a line with no
// such marker cannot hold one. Conservative: code lines are scanned too.
char other_marker_in_prefix(std::string_view line, char want, bool& found) {
  // cmark ends a list marker with any of its whitespace (also '\v', '\f',
  // '\r'); taking the same set as indentation only makes the test stricter.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; };
  auto ends_marker = [&](std::size_t j) { return j == line.size() || space(line[j]); };
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (space(c) || c == '>') {
      ++i;
    } else if ((c == '-' || c == '*' || c == '+') && ends_marker(i + 1)) {
      found = true;
      if (c != want) return c;
      ++i;
    } else if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
      if (j == line.size() || (line[j] != '.' && line[j] != ')') || !ends_marker(j + 1)) return 0;
      i = j + 1;
    } else {
      return 0;
    }
  }
  return 0;
}

// Whether canonical_fragment(source, first) would change nothing but drop
// trailing blank lines: no line ends in a space or a tab, no blank line
// opens the text or follows another, and every bullet marker is `first`
// (nested lists then get '-' too: two sibling bullet lists with the same
// marker would be one list, so none alternates). Sets `has_bullets`.
bool already_canonical(std::string_view source, char first, bool& has_bullets) {
  std::size_t start = 0;
  bool prev_empty = true;
  while (start <= source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view line = source.substr(start, end - start);
    if (line.empty()) {
      if (prev_empty && end < source.size()) return false;
    } else if (line.back() == ' ' || line.back() == '\t' ||
               other_marker_in_prefix(line, first, has_bullets) != 0) {
      return false;
    }
    prev_empty = line.empty();
    start = end + 1;
  }
  return true;
}

// The shortcut: the block's own source when it is already canonical.
// `first` must be '-' for a block that holds bullet lists, as nested lists
// always get '-'; a top-level bullet list block ends with `first`.
std::optional<Fragment> canonical_as_is(const Block& block, char first) {
  if (block.kind == BlockKind::ThematicBreak || (block.kind == BlockKind::List && block.source.empty()))
    return std::nullopt;
  bool has_bullets = false;
  if (!already_canonical(block.source, first, has_bullets)) return std::nullopt;
  const bool top_bullet_list = block.kind == BlockKind::List && !block.ordered;
  if (has_bullets && (first != '-' || block.kind != BlockKind::List)) return std::nullopt;
  std::string_view text = block.source;
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return Fragment{std::string(text), has_bullets && top_bullet_list ? first : '\0'};
}

Fragment emit_block_after(const Block& block, char prev_bullet, FragmentPath path) {
  if (block.kind == BlockKind::ThematicBreak) {
    // "***", "- - -" -> "---"; lines after it (link reference definitions)
    // are kept.
    const std::size_t nl = block.source.find('\n');
    if (nl == std::string::npos) return {"---", 0};
    Fragment rest = canonical_fragment(std::string_view(block.source).substr(nl + 1), '-');
    return {rest.text.empty() ? "---" : "---\n" + rest.text, 0};
  }
  const char first = prev_bullet != 0 ? other_bullet(prev_bullet) : '-';
  if (path == FragmentPath::Auto)
    if (auto f = canonical_as_is(block, first)) return std::move(*f);
  if (block.kind == BlockKind::List && block.source.empty())
    return canonical_fragment(list_from_items(block), first);
  return canonical_fragment(block.source, first);
}

// "Learn C #" would lose its '#' as an ATX closing sequence: escape it.
std::string atx_heading(int level, const std::string& title) {
  std::string t = title;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  const std::size_t hashes = t.find_last_not_of('#');
  if (!t.empty() && t.back() == '#' && (hashes == std::string::npos || t[hashes] == ' ' || t[hashes] == '\t'))
    t.insert(hashes == std::string::npos ? 0 : hashes + 1, "\\");
  const std::string marks(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#');
  return t.empty() ? marks : marks + " " + t;
}

std::string heading_text(const Section& s) {
  switch (s.heading_kind) {
    case HeadingKind::Root: return {};
    case HeadingKind::Pseudo: {
      // A one-line paragraph: its indentation (at most three spaces) and
      // trailing blanks are not part of it.
      if (s.heading_source.empty()) return "**" + s.title + "**";
      const std::size_t first = s.heading_source.find_first_not_of(" \t");
      if (first == std::string::npos) return "**" + s.title + "**";
      const std::size_t last = s.heading_source.find_last_not_of(" \t");
      return s.heading_source.substr(first, last - first + 1);
    }
    case HeadingKind::Setext:
      // A setext title of several lines has no ATX form (an ATX heading is
      // one line, and joining the lines changes the HTML): it stays setext.
      if (s.level <= 2 && std::count(s.heading_source.begin(), s.heading_source.end(), '\n') > 1)
        return canonical_fragment(s.heading_source, '-').text;
      return atx_heading(s.level, s.title);
    case HeadingKind::Atx: return atx_heading(s.level, s.title);
  }
  return {};
}

// Appends the section's parts (heading, blocks, children) to `parts`.
void section_parts(const Section& s, std::vector<std::string>& parts) {
  if (s.heading_kind != HeadingKind::Root) parts.push_back(heading_text(s));
  char prev_bullet = 0;
  for (const Block& b : s.blocks) {
    Fragment f = emit_block_after(b, prev_bullet, FragmentPath::Auto);
    prev_bullet = f.last_bullet;
    if (!f.text.empty()) parts.push_back(std::move(f.text));
  }
  for (const Section& c : s.children) section_parts(c, parts);
}

std::string join_parts(std::vector<std::string>& parts) {
  if (parts.empty()) return {};
  // A leading "---" would read back as a frontmatter opener.
  if (parts.front() == "---") parts.front() = "***";
  // A leading U+FEFF would read back as a byte order mark (dropped, and a
  // "---" after it would open a frontmatter): the same character as a
  // numeric reference. It can only be paragraph text there, where
  // CommonMark decodes the reference to the same character.
  if (parts.front().starts_with(detail::kByteOrderMark))
    parts.front().replace(0, detail::kByteOrderMark.size(), "&#xFEFF;");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "\n\n") + p;
  return out + "\n";
}

}  // namespace

EmitResult emit(const AgentFile& file, Format target) {
  EmitResult r;
  const std::string fm = emit_frontmatter(file, target, r.notes);
  const std::string body = emit_body(file.body);
  if (fm.empty()) {
    r.text = body;
  } else if (body.empty()) {
    r.text = fm;
  } else {
    r.text = fm + "\n" + body;
    r.body_offset = static_cast<int>(std::count(fm.begin(), fm.end(), '\n')) + 1;
  }
  return r;
}

std::string emit_body(const Body& body) {
  std::vector<std::string> parts;
  section_parts(body.root, parts);
  return join_parts(parts);
}

std::string emit_section(const Section& section) {
  std::vector<std::string> parts;
  section_parts(section, parts);
  return join_parts(parts);
}

std::string emit_block(const Block& block) {
  return emit_block_after(block, 0, FragmentPath::Auto).text;
}

namespace detail {
Fragment canonical_block(const Block& block, char prev_bullet, FragmentPath path) {
  return emit_block_after(block, prev_bullet, path);
}
}  // namespace detail

}  // namespace agentmerge
