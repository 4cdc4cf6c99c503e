// Stage "diff": two ASTs in, a StructuralDiff out (see diff.hpp for the
// comparison contract).
//
//   A: ## Focus        B: ## Style         -> section "Focus Areas": renamed
//      - REST             Terse.              from "Focus", moved, changed:
//      ## Style           ## Focus Areas        + list-item "gRPC"
//      Terse.             - REST
//                         - gRPC
//
// Sections are matched in passes, most certain first: same title path, then
// same title anywhere (a section that changed parent), then content
// similarity (a rename). Matched sections are "moved" when their parent is
// another one or when they fall outside the longest run of siblings kept in
// order (an LIS), so one section moved shows as one move, not as N.
#include "agentmerge/diff.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <tuple>

#include <dtl/dtl.hpp>

#include "agentmerge/emit.hpp"
#include "diff_internal.hpp"

namespace agentmerge {

namespace detail {

std::vector<EditOp> edit_script(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  std::vector<EditOp> out;
  if (a.empty() && b.empty()) return out;
  dtl::Diff<std::string> d(a, b);
  d.compose();
  std::vector<EditOp> removed;
  std::vector<EditOp> added;
  auto flush = [&] {
    out.insert(out.end(), removed.begin(), removed.end());
    out.insert(out.end(), added.begin(), added.end());
    removed.clear();
    added.clear();
  };
  for (const auto& [elem, info] : d.getSes().getSequence()) {
    const auto ai = static_cast<std::size_t>(std::max(0LL, info.beforeIdx - 1));
    const auto bi = static_cast<std::size_t>(std::max(0LL, info.afterIdx - 1));
    if (info.type == dtl::SES_COMMON) {
      flush();
      out.push_back({EditOp::Kind::Common, ai, bi});
    } else if (info.type == dtl::SES_DELETE) {
      removed.push_back({EditOp::Kind::Removed, ai, 0});
    } else {
      added.push_back({EditOp::Kind::Added, 0, bi});
    }
  }
  flush();
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace detail

// ------------------------------------------------------------ small names --

std::string_view to_string(EntryChangeKind k) {
  switch (k) {
    case EntryChangeKind::Added: return "added";
    case EntryChangeKind::Removed: return "removed";
    case EntryChangeKind::Changed: return "changed";
  }
  return "changed";
}

std::string_view to_string(ToolScope s) {
  switch (s) {
    case ToolScope::Same: return "same";
    case ToolScope::Widened: return "widened";
    case ToolScope::Narrowed: return "narrowed";
    case ToolScope::Changed: return "changed";
  }
  return "changed";
}

std::string_view to_string(BlockChangeKind k) {
  switch (k) {
    case BlockChangeKind::Added: return "added";
    case BlockChangeKind::Removed: return "removed";
    case BlockChangeKind::Changed: return "changed";
  }
  return "changed";
}

std::string_view to_string(SectionStatus s) {
  switch (s) {
    case SectionStatus::Added: return "added";
    case SectionStatus::Removed: return "removed";
    case SectionStatus::Matched: return "matched";
  }
  return "matched";
}

std::string_view to_string(FormattingFact f) {
  switch (f) {
    case FormattingFact::LineEndings: return "line-endings";
    case FormattingFact::Bom: return "bom";
    case FormattingFact::KeyOrder: return "key-order";
    case FormattingFact::ScalarStyle: return "scalar-style";
    case FormattingFact::FrontmatterText: return "frontmatter-text";
    case FormattingFact::BodyLayout: return "body-layout";
  }
  return "body-layout";
}

// ------------------------------------------------------------- text diffs --

namespace {

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// Lowercase ASCII words of letters and digits (other bytes, e.g. UTF-8, are
// kept inside words), sorted: the multiset for word_similarity.
std::vector<std::string> word_bag(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || u >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(u)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

namespace detail {

double bag_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::vector<std::string> make_word_bag(std::string_view s) { return word_bag(s); }

}  // namespace detail

double word_similarity(std::string_view a, std::string_view b) {
  return detail::bag_similarity(word_bag(a), word_bag(b));
}

std::vector<TextOp> diff_text(std::string_view a, std::string_view b, TextUnit unit) {
  const auto av = unit == TextUnit::Words ? split_words(a) : detail::split_lines(a);
  const auto bv = unit == TextUnit::Words ? split_words(b) : detail::split_lines(b);
  std::vector<TextOp> ops;
  for (const auto& op : detail::edit_script(av, bv)) {
    switch (op.kind) {
      case detail::EditOp::Kind::Common: ops.push_back({TextOp::Kind::Same, av[op.a]}); break;
      case detail::EditOp::Kind::Removed: ops.push_back({TextOp::Kind::Removed, av[op.a]}); break;
      case detail::EditOp::Kind::Added: ops.push_back({TextOp::Kind::Added, bv[op.b]}); break;
    }
  }
  return ops;
}

// -------------------------------------------------------------- tool sets --

namespace {

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

bool disjoint(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.empty();
}

// Whether everything `a` grants, `b` grants too. The universe of tools is
// open (MCP servers, unknown names), so "all but X" never fits in a list.
bool grants_within(const ToolSet& a, const ToolSet& b) {
  const bool a_nothing = a.mode == ToolMode::None || (a.mode == ToolMode::Allow && a.tools.empty());
  if (a_nothing) return true;
  switch (b.mode) {
    case ToolMode::All: return true;
    case ToolMode::None: return false;
    case ToolMode::Allow:
      return a.mode == ToolMode::Allow && subset(a.tools, b.tools);
    case ToolMode::AllBut:
      if (a.mode == ToolMode::Allow) return disjoint(a.tools, b.tools);
      if (a.mode == ToolMode::AllBut) return subset(b.tools, a.tools);
      return a.mode == ToolMode::All && b.tools.empty();
  }
  return false;
}

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

ToolsDiff diff_tools(const ToolSet& a, const ToolSet& b) {
  ToolsDiff d;
  d.old_set = a;
  d.new_set = b;
  d.scope = compare_tool_sets(a, b);
  if (d.scope == ToolScope::Same) return d;
  // Listable grants: explicit ids on both sides, or one side's list against
  // nothing at all.
  const auto granted_list = [](const ToolSet& s) -> const std::vector<std::string>* {
    return s.mode == ToolMode::Allow ? &s.tools : nullptr;
  };
  static const std::vector<std::string> kEmpty;
  const auto* ga = a.mode == ToolMode::None ? &kEmpty : granted_list(a);
  const auto* gb = b.mode == ToolMode::None ? &kEmpty : granted_list(b);
  if (ga != nullptr && gb != nullptr) {
    d.granted = minus(*gb, *ga);
    d.revoked = minus(*ga, *gb);
  } else if (a.mode == ToolMode::AllBut && b.mode == ToolMode::AllBut) {
    d.granted = minus(a.tools, b.tools);
    d.revoked = minus(b.tools, a.tools);
  } else if (a.mode == ToolMode::All && b.mode == ToolMode::AllBut) {
    d.revoked = b.tools;
  } else if (a.mode == ToolMode::AllBut && b.mode == ToolMode::All) {
    d.granted = a.tools;
  }
  return d;
}

}  // namespace

ToolScope compare_tool_sets(const ToolSet& a, const ToolSet& b) {
  const bool ab = grants_within(a, b);
  const bool ba = grants_within(b, a);
  if (ab && ba) return ToolScope::Same;
  if (ab) return ToolScope::Widened;
  if (ba) return ToolScope::Narrowed;
  return ToolScope::Changed;
}

// ------------------------------------------------------------ frontmatter --

namespace {

// Keys compared through another channel: `tools` through the ToolSet.
bool compared_elsewhere(const std::string& key) { return key == "tools"; }

std::vector<FrontmatterChange> diff_frontmatter(const Frontmatter& a, const Frontmatter& b) {
  std::vector<FrontmatterChange> out;
  for (const FrontmatterEntry& ea : a.entries) {
    if (compared_elsewhere(ea.key)) continue;
    const FrontmatterEntry* eb = b.find(ea.key);
    if (eb == nullptr) {
      out.push_back({ea.key, EntryChangeKind::Removed, ea.value, std::nullopt, ea.line, 0});
    } else if (ea.value != eb->value) {
      out.push_back({ea.key, EntryChangeKind::Changed, ea.value, eb->value, ea.line, eb->line});
    }
  }
  for (const FrontmatterEntry& eb : b.entries) {
    if (compared_elsewhere(eb.key) || a.find(eb.key) != nullptr) continue;
    out.push_back({eb.key, EntryChangeKind::Added, std::nullopt, eb.value, 0, eb.line});
  }
  return out;
}

// The body lines of the frontmatter in the raw bytes, CR removed.
std::string raw_frontmatter(std::string_view bytes, const Frontmatter& fm) {
  if (fm.mode == FrontmatterMode::Absent) return {};
  std::string out;
  int line = 1;
  for (const char c : bytes) {
    if (line > fm.open_line && line < fm.close_line && c != '\r') out.push_back(c);
    if (c == '\n') ++line;
    if (line > fm.close_line) break;
  }
  return out;
}

std::vector<std::string> keys_in(const Frontmatter& fm, const Frontmatter& other) {
  std::vector<std::string> keys;
  for (const auto& e : fm.entries)
    if (other.find(e.key) != nullptr) keys.push_back(e.key);
  return keys;
}

bool styles_differ(const Frontmatter& a, const Frontmatter& b) {
  for (const auto& ea : a.entries) {
    const FrontmatterEntry* eb = b.find(ea.key);
    if (eb != nullptr && ea.value == eb->value && ea.value.style != eb->value.style) return true;
  }
  return false;
}

std::vector<FormattingFact> formatting_facts(const AgentFile& a, const AgentFile& b,
                                             const StructuralDiff& d, const DiffOptions& opt) {
  std::vector<FormattingFact> out;
  if (a.encoding.line_endings != b.encoding.line_endings) out.push_back(FormattingFact::LineEndings);
  if (a.encoding.had_bom != b.encoding.had_bom) out.push_back(FormattingFact::Bom);
  if (keys_in(a.frontmatter, b.frontmatter) != keys_in(b.frontmatter, a.frontmatter))
    out.push_back(FormattingFact::KeyOrder);
  if (styles_differ(a.frontmatter, b.frontmatter)) out.push_back(FormattingFact::ScalarStyle);
  const bool fm_same = d.frontmatter.empty() && d.tools.scope == ToolScope::Same &&
                       a.frontmatter.entries.size() == b.frontmatter.entries.size();
  if (fm_same && out.empty() && opt.a_bytes && opt.b_bytes &&
      raw_frontmatter(*opt.a_bytes, a.frontmatter) != raw_frontmatter(*opt.b_bytes, b.frontmatter))
    out.push_back(FormattingFact::FrontmatterText);
  if (d.sections.empty() && a.body.text != b.body.text) out.push_back(FormattingFact::BodyLayout);
  return out;
}

}  // namespace

// ------------------------------------------------------------------ entry --

bool StructuralDiff::structurally_equal() const {
  return a_format == b_format && frontmatter.empty() && tools.scope == ToolScope::Same &&
         sections.empty();
}

bool StructuralDiff::same() const {
  return structurally_equal() && (comparison == Comparison::Semantic || formatting.empty());
}

StructuralDiff diff_agents(const AgentFile& a, const AgentFile& b, const DiffOptions& options) {
  StructuralDiff d;
  d.a_name = a.source_name;
  d.b_name = b.source_name;
  d.a_format = a.format;
  d.b_format = b.format;
  d.comparison = options.comparison;
  d.frontmatter = diff_frontmatter(a.frontmatter, b.frontmatter);
  d.tools = diff_tools(a.tools, b.tools);
  d.sections = detail::diff_sections(a.body, b.body, options, d.notes);
  if (options.comparison == Comparison::Exact) d.formatting = formatting_facts(a, b, d, options);
  return d;
}

}  // namespace agentmerge
