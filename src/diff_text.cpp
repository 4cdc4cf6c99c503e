// Renderers of a StructuralDiff: human text (optionally coloured), JSON
// (docs/diff-schema.md), and a unified line diff of two canonical texts.
//
//   StructuralDiff{ tools: widened only{read} -> all, sections: [+ "## Security"] }
//     -> text:  "tools: widened: only read -> all tools\n"
//               "sections:\n  + ## Security  (b.md:12)\n"
//     -> json:  {"tools": {"change": "widened", ...}, "sections": [{"status": "added", ...}]}
#include <sstream>

#include <nlohmann/json.hpp>

#include "agentmerge/diff.hpp"
#include "diff_internal.hpp"
#include "json_value.hpp"

namespace agentmerge {

using Json = nlohmann::ordered_json;

namespace {

using detail::value_json;

std::string quoted(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string value_to_text(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Null: return "null";
    case Value::Kind::String: return quoted(v.scalar);
    case Value::Kind::Bool:
    case Value::Kind::Number: return v.scalar;
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i)
        out += (i ? ", " : "") + value_to_text(v.items[i]);
      return out + "]";
    }
    case Value::Kind::Map: {
      std::string out = "{";
      for (std::size_t i = 0; i < v.map_keys.size() && i < v.items.size(); ++i)
        out += (i ? ", " : "") + v.map_keys[i] + ": " + value_to_text(v.items[i]);
      return out + "}";
    }
  }
  return "null";
}

// ------------------------------------------------------------------- text --

namespace {

struct Palette {
  const char* add = "";
  const char* del = "";
  const char* head = "";
  const char* dim = "";
  const char* reset = "";
};

Palette palette(Color c) {
  if (c == Color::Never) return {};
  return {"\033[32m", "\033[31m", "\033[1m", "\033[36m", "\033[0m"};
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string tool_set_text(const ToolSet& s) {
  switch (s.mode) {
    case ToolMode::All: return "all tools";
    case ToolMode::None: return "no tools";
    case ToolMode::Allow: return s.tools.empty() ? "no tools (empty allowlist)" : "only " + join(s.tools, ", ");
    case ToolMode::AllBut: return "all tools but " + join(s.tools, ", ");
  }
  return "all tools";
}

std::string heading_text(const SectionRef& r) {
  switch (r.kind) {
    case HeadingKind::Root: return "(preamble)";
    case HeadingKind::Pseudo: return "**" + r.title + "**";
    case HeadingKind::Atx:
    case HeadingKind::Setext: break;
  }
  return std::string(static_cast<std::size_t>(std::max(r.level, 1)), '#') + " " + r.title;
}

// Lines after the first are indented to line up under the first.
std::string indent_rest(const std::string& text, const std::string& pad) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

std::string word_ops_text(const std::vector<TextOp>& ops, const Palette& p) {
  std::string out;
  for (std::size_t i = 0; i < ops.size();) {
    const TextOp::Kind k = ops[i].kind;
    std::string run;
    for (; i < ops.size() && ops[i].kind == k; ++i) run += (run.empty() ? "" : " ") + ops[i].text;
    if (!out.empty()) out += ' ';
    if (k == TextOp::Kind::Same) out += run;
    if (k == TextOp::Kind::Removed) out += std::string(p.del) + "[-" + run + "-]" + p.reset;
    if (k == TextOp::Kind::Added) out += std::string(p.add) + "{+" + run + "+}" + p.reset;
  }
  return out;
}

std::string line_ops_text(const std::vector<TextOp>& ops, const Palette& p, const std::string& pad) {
  std::string out;
  for (const TextOp& op : ops) {
    if (op.kind == TextOp::Kind::Same) out += pad + "  " + op.text + "\n";
    if (op.kind == TextOp::Kind::Removed) out += pad + p.del + "- " + op.text + p.reset + "\n";
    if (op.kind == TextOp::Kind::Added) out += pad + p.add + "+ " + op.text + p.reset + "\n";
  }
  return out;
}

void block_text(std::ostringstream& out, const StructuralDiff& d, const BlockChange& c,
                const Palette& p) {
  const std::string pad = "      ";
  switch (c.kind) {
    case BlockChangeKind::Added:
      out << pad << p.add << "+ " << c.unit << " (" << d.b_name << ":" << c.new_block->line
          << "): " << indent_rest(c.new_block->text, pad + "    ") << p.reset << "\n";
      return;
    case BlockChangeKind::Removed:
      out << pad << p.del << "- " << c.unit << " (" << d.a_name << ":" << c.old_block->line
          << "): " << indent_rest(c.old_block->text, pad + "    ") << p.reset << "\n";
      return;
    case BlockChangeKind::Changed:
      out << pad << "~ " << c.unit << " (" << d.a_name << ":" << c.old_block->line << " -> "
          << d.b_name << ":" << c.new_block->line << "):";
      if (c.granularity == TextUnit::Words) {
        out << " " << word_ops_text(c.ops, p) << "\n";
      } else {
        out << "\n" << line_ops_text(c.ops, p, pad + "    ");
      }
      return;
  }
}

// "file:line", or "file" for line 0 (the preamble has no heading line).
std::string loc(const std::string& file, int line) {
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

void section_text(std::ostringstream& out, const StructuralDiff& d, const SectionChange& c,
                  const Palette& p) {
  if (c.status == SectionStatus::Added) {
    out << "  " << p.add << "+ " << heading_text(*c.new_section) << p.reset << "  ("
        << loc(d.b_name, c.new_section->line) << ")\n";
    return;
  }
  if (c.status == SectionStatus::Removed) {
    out << "  " << p.del << "- " << heading_text(*c.old_section) << p.reset << "  ("
        << loc(d.a_name, c.old_section->line) << ")\n";
    return;
  }
  std::vector<std::string> what;
  if (c.renamed) {
    std::string r = "renamed from " + quoted(c.old_section->title);
    if (c.similarity < 1.0) {
      std::ostringstream s;
      s.precision(2);
      s << std::fixed << c.similarity;
      r += " (content similarity " + s.str() + ")";
    }
    what.push_back(r);
  }
  if (c.level_changed) {
    const std::string from = heading_text(*c.old_section);
    const std::string to = heading_text(*c.new_section);
    what.push_back(from != to ? "heading " + from + " -> " + to
                              : "level " + std::to_string(c.old_section->level) + " -> " +
                                    std::to_string(c.new_section->level));
  }
  if (c.moved) what.push_back("moved");
  if (c.changed()) what.push_back("changed");
  out << "  ~ " << p.head << heading_text(*c.new_section) << p.reset << "  ("
      << loc(d.a_name, c.old_section->line) << " -> " << loc(d.b_name, c.new_section->line)
      << "): " << join(what, ", ") << "\n";
  for (const BlockChange& b : c.blocks) block_text(out, d, b, p);
}

void frontmatter_text(std::ostringstream& out, const StructuralDiff& d, const Palette& p) {
  if (d.frontmatter.empty()) return;
  out << p.head << "frontmatter:" << p.reset << "\n";
  for (const FrontmatterChange& c : d.frontmatter) {
    if (c.kind == EntryChangeKind::Added) {
      out << "  " << p.add << "+ " << c.key << ": " << value_to_text(*c.new_value) << p.reset
          << "  (" << d.b_name << ":" << c.new_line << ")\n";
    } else if (c.kind == EntryChangeKind::Removed) {
      out << "  " << p.del << "- " << c.key << ": " << value_to_text(*c.old_value) << p.reset
          << "  (" << d.a_name << ":" << c.old_line << ")\n";
    } else {
      out << "  ~ " << c.key << ": " << p.del << value_to_text(*c.old_value) << p.reset << " -> "
          << p.add << value_to_text(*c.new_value) << p.reset << "  (" << d.a_name << ":"
          << c.old_line << " -> " << d.b_name << ":" << c.new_line << ")\n";
    }
  }
}

void tools_text(std::ostringstream& out, const StructuralDiff& d, const Palette& p) {
  const ToolsDiff& t = d.tools;
  if (t.scope == ToolScope::Same) return;
  out << p.head << "tools:" << p.reset << " " << to_string(t.scope) << ": "
      << tool_set_text(t.old_set) << " -> " << tool_set_text(t.new_set) << "\n";
  for (const auto& id : t.granted) out << "  " << p.add << "+ " << id << p.reset << "\n";
  for (const auto& id : t.revoked) out << "  " << p.del << "- " << id << p.reset << "\n";
}

std::size_t change_count(const StructuralDiff& d) {
  std::size_t n = d.frontmatter.size() + d.sections.size();
  n += d.a_format != d.b_format ? 1 : 0;
  n += d.tools.scope != ToolScope::Same ? 1 : 0;
  return n;
}

}  // namespace

std::string render_diff_text(const StructuralDiff& d, Color color) {
  const Palette p = palette(color);
  std::ostringstream out;
  out << p.del << "--- " << d.a_name << " (" << to_string(d.a_format) << ")" << p.reset << "\n";
  out << p.add << "+++ " << d.b_name << " (" << to_string(d.b_format) << ")" << p.reset << "\n";
  if (d.a_format != d.b_format)
    out << p.head << "format:" << p.reset << " " << to_string(d.a_format) << " -> "
        << to_string(d.b_format) << "\n";
  frontmatter_text(out, d, p);
  tools_text(out, d, p);
  if (!d.sections.empty()) {
    out << p.head << "sections:" << p.reset << "\n";
    for (const SectionChange& c : d.sections) section_text(out, d, c, p);
  }
  if (!d.formatting.empty()) {
    std::vector<std::string> facts;
    for (const FormattingFact f : d.formatting) facts.emplace_back(to_string(f));
    out << p.head << "formatting" << p.reset << " (ignored by --semantic): " << join(facts, ", ")
        << "\n";
  }
  for (const auto& note : d.notes) out << p.dim << "note: " << note << p.reset << "\n";
  const std::size_t n = change_count(d);
  if (n > 0) {
    out << n << (n == 1 ? " structural change" : " structural changes") << "\n";
  } else if (!d.same()) {
    out << "no structural change; formatting differs\n";
  } else {
    out << (d.comparison == Comparison::Semantic ? "no structural change\n" : "identical\n");
  }
  return out.str();
}

// ------------------------------------------------------------------- json --

namespace {

Json tool_set_json(const ToolSet& s) {
  return Json{{"mode", std::string(to_string(s.mode))}, {"tools", s.tools}};
}

Json where_json(const std::optional<Where>& w) {
  if (!w) return nullptr;
  return Json{{"line", w->line}, {"text", w->text}};
}

Json section_ref_json(const std::optional<SectionRef>& r) {
  if (!r) return nullptr;
  return Json{{"title", r->title},
              {"path", r->path},
              {"level", r->level},
              {"pseudo", r->kind == HeadingKind::Pseudo},
              {"line", r->line}};
}

Json block_json(const BlockChange& c) {
  Json j{{"change", std::string(to_string(c.kind))},
         {"unit", c.unit},
         {"old", where_json(c.old_block)},
         {"new", where_json(c.new_block)}};
  if (c.kind == BlockChangeKind::Changed) {
    j["granularity"] = c.granularity == TextUnit::Words ? "words" : "lines";
    Json ops = Json::array();
    for (const TextOp& op : c.ops) {
      const char* k = op.kind == TextOp::Kind::Same ? "same"
                      : op.kind == TextOp::Kind::Added ? "added" : "removed";
      ops.push_back(Json{{"op", k}, {"text", op.text}});
    }
    j["ops"] = ops;
  }
  return j;
}

Json section_json(const SectionChange& c) {
  Json j{{"status", std::string(to_string(c.status))},
         {"old", section_ref_json(c.old_section)},
         {"new", section_ref_json(c.new_section)}};
  if (c.status == SectionStatus::Matched) {
    Json changes = Json::array();
    if (c.renamed) changes.push_back("renamed");
    if (c.moved) changes.push_back("moved");
    if (c.level_changed) changes.push_back("level");
    if (c.changed()) changes.push_back("changed");
    j["changes"] = changes;
    j["similarity"] = static_cast<double>(static_cast<long>(c.similarity * 1000 + 0.5)) / 1000.0;
    Json blocks = Json::array();
    for (const BlockChange& b : c.blocks) blocks.push_back(block_json(b));
    j["blocks"] = blocks;
  }
  return j;
}

}  // namespace

std::string render_diff_json(const StructuralDiff& d) {
  Json j;
  j["schema"] = "agentmerge-diff/1";
  j["a"] = Json{{"file", d.a_name}, {"format", std::string(to_string(d.a_format))}};
  j["b"] = Json{{"file", d.b_name}, {"format", std::string(to_string(d.b_format))}};
  j["comparison"] = d.comparison == Comparison::Semantic ? "semantic" : "exact";
  j["same"] = d.same();
  j["structurally_equal"] = d.structurally_equal();
  Json fm = Json::array();
  for (const FrontmatterChange& c : d.frontmatter)
    fm.push_back(Json{{"key", c.key},
                      {"change", std::string(to_string(c.kind))},
                      {"old", c.old_value ? value_json(*c.old_value) : Json(nullptr)},
                      {"new", c.new_value ? value_json(*c.new_value) : Json(nullptr)},
                      {"old_line", c.old_line},
                      {"new_line", c.new_line}});
  j["frontmatter"] = fm;
  j["tools"] = Json{{"change", std::string(to_string(d.tools.scope))},
                    {"old", tool_set_json(d.tools.old_set)},
                    {"new", tool_set_json(d.tools.new_set)},
                    {"granted", d.tools.granted},
                    {"revoked", d.tools.revoked}};
  Json sections = Json::array();
  for (const SectionChange& c : d.sections) sections.push_back(section_json(c));
  j["sections"] = sections;
  Json facts = Json::array();
  for (const FormattingFact f : d.formatting) facts.push_back(std::string(to_string(f)));
  j["formatting"] = facts;
  j["notes"] = d.notes;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---------------------------------------------------------------- unified --

namespace {

struct Hunk {
  std::size_t lo = 0;  // op range [lo, hi)
  std::size_t hi = 0;
};

std::vector<Hunk> hunks_of(const std::vector<detail::EditOp>& ops, std::size_t context) {
  std::vector<Hunk> hunks;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].kind == detail::EditOp::Kind::Common) continue;
    const std::size_t lo = k >= context ? k - context : 0;
    std::size_t end = k;
    while (end < ops.size() && ops[end].kind != detail::EditOp::Kind::Common) ++end;
    const std::size_t hi = std::min(ops.size(), end + context);
    if (!hunks.empty() && lo <= hunks.back().hi) {
      hunks.back().hi = hi;
    } else {
      hunks.push_back({lo, hi});
    }
    k = end;
  }
  return hunks;
}

}  // namespace

std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_label,
                         std::string_view b_label, int context) {
  if (a == b) return {};
  auto la = detail::split_lines(a);
  auto lb = detail::split_lines(b);
  const bool a_noeol = !a.empty() && a.back() != '\n';
  const bool b_noeol = !b.empty() && b.back() != '\n';
  // A last line without its newline differs from the same text with one.
  auto keys = [](std::vector<std::string> v, bool noeol) {
    if (noeol && !v.empty()) v.back() += '\x01';
    return v;
  };
  const auto ops = detail::edit_script(keys(la, a_noeol), keys(lb, b_noeol));
  // Line numbers (1-based) before each op.
  std::vector<std::size_t> pos_a(ops.size() + 1, 1);
  std::vector<std::size_t> pos_b(ops.size() + 1, 1);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    pos_a[k + 1] = pos_a[k] + (ops[k].kind != detail::EditOp::Kind::Added ? 1 : 0);
    pos_b[k + 1] = pos_b[k] + (ops[k].kind != detail::EditOp::Kind::Removed ? 1 : 0);
  }
  std::ostringstream out;
  out << "--- " << a_label << "\n+++ " << b_label << "\n";
  const char* noeol = "\\ No newline at end of file\n";
  for (const Hunk& h : hunks_of(ops, static_cast<std::size_t>(std::max(context, 0)))) {
    const std::size_t na = pos_a[h.hi] - pos_a[h.lo];
    const std::size_t nb = pos_b[h.hi] - pos_b[h.lo];
    out << "@@ -" << (na ? pos_a[h.lo] : pos_a[h.lo] - 1) << "," << na << " +"
        << (nb ? pos_b[h.lo] : pos_b[h.lo] - 1) << "," << nb << " @@\n";
    for (std::size_t k = h.lo; k < h.hi; ++k) {
      const detail::EditOp& op = ops[k];
      if (op.kind == detail::EditOp::Kind::Added) {
        out << "+" << lb[op.b] << "\n" << (b_noeol && op.b + 1 == lb.size() ? noeol : "");
      } else {
        out << (op.kind == detail::EditOp::Kind::Common ? " " : "-") << la[op.a] << "\n"
            << (a_noeol && op.a + 1 == la.size() ? noeol : "");
      }
    }
  }
  return out.str();
}

}  // namespace agentmerge
