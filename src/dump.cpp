// AST -> JSON and -> an indented outline (`agentmerge dump`).
//
//   AgentFile{format = Claude, body.root.children = [Section "API" (atx 1,
//             blocks = [List{items = [lead "Design"]}])]}
//     -> {"format": "claude", ..., "body": {"root": {"children": [{"kind": "atx",
//         "level": 1, "title": "API", "blocks": [{"kind": "list", "items":
//         [{"lead": "Design", ...}]}]}]}}}
#include "agentmerge/dump.hpp"

#include "json_value.hpp"

#include <nlohmann/json.hpp>

namespace agentmerge {

namespace {

using Json = nlohmann::ordered_json;

std::string_view to_string(LineEndings e) {
  switch (e) {
    case LineEndings::Lf: return "lf";
    case LineEndings::Crlf: return "crlf";
    case LineEndings::Mixed: return "mixed";
  }
  return "lf";
}

std::string_view to_string(FrontmatterMode m) {
  switch (m) {
    case FrontmatterMode::Absent: return "absent";
    case FrontmatterMode::Strict: return "strict";
    case FrontmatterMode::Lenient: return "lenient";
  }
  return "absent";
}

std::string_view to_string(ValueStyle s) {
  switch (s) {
    case ValueStyle::Plain: return "plain";
    case ValueStyle::SingleQuoted: return "single-quoted";
    case ValueStyle::DoubleQuoted: return "double-quoted";
    case ValueStyle::Literal: return "literal";
    case ValueStyle::Folded: return "folded";
    case ValueStyle::FlowSequence: return "flow-sequence";
    case ValueStyle::BlockSequence: return "block-sequence";
    case ValueStyle::FlowMap: return "flow-map";
    case ValueStyle::BlockMap: return "block-map";
    case ValueStyle::Lenient: return "lenient";
  }
  return "plain";
}

std::string_view to_string(HeadingKind k) {
  switch (k) {
    case HeadingKind::Root: return "root";
    case HeadingKind::Atx: return "atx";
    case HeadingKind::Setext: return "setext";
    case HeadingKind::Pseudo: return "pseudo";
  }
  return "root";
}

// The first line of `source`, at most 60 bytes, cut on a UTF-8 boundary.
std::string preview(std::string_view source) {
  constexpr std::size_t kMax = 60;
  std::string_view first = source.substr(0, source.find('\n'));
  const std::size_t start = first.find_first_not_of(" \t");
  first = start == std::string_view::npos ? std::string_view{} : first.substr(start);
  first = first.substr(0, first.find_last_not_of(" \t\r") + 1);
  if (first.size() <= kMax) return std::string(first);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(first.substr(0, cut)) + "...";
}

using detail::value_json;

Json block_json(const Block& b);

Json item_json(const ListItem& item) {
  Json j;
  j["line"] = item.line;
  j["end_line"] = item.end_line;
  j["lead"] = item.lead;
  j["preview"] = preview(item.source);
  Json children = Json::array();
  for (const Block& c : item.children) children.push_back(block_json(c));
  j["children"] = children;
  return j;
}

Json block_json(const Block& b) {
  Json j;
  j["kind"] = to_string(b.kind);
  j["line"] = b.line;
  j["end_line"] = b.end_line;
  if (b.kind == BlockKind::Code) j["info"] = b.info;
  if (b.kind == BlockKind::List) {
    j["ordered"] = b.ordered;
    if (b.ordered) j["start"] = b.list_start;
    Json items = Json::array();
    for (const ListItem& i : b.items) items.push_back(item_json(i));
    j["items"] = items;
  } else {
    j["preview"] = preview(b.source);
  }
  return j;
}

Json section_json(const Section& s) {
  Json j;
  j["kind"] = to_string(s.heading_kind);
  if (s.heading_kind != HeadingKind::Root) {
    j["level"] = s.level;
    j["line"] = s.line;
    j["title"] = s.title;
    j["normalized_title"] = s.normalized_title;
  }
  Json blocks = Json::array();
  for (const Block& b : s.blocks) blocks.push_back(block_json(b));
  j["blocks"] = blocks;
  Json children = Json::array();
  for (const Section& c : s.children) children.push_back(section_json(c));
  j["children"] = children;
  return j;
}

Json frontmatter_json(const Frontmatter& fm) {
  Json j;
  j["mode"] = to_string(fm.mode);
  j["open_line"] = fm.open_line;
  j["close_line"] = fm.close_line;
  Json entries = Json::array();
  for (const FrontmatterEntry& e : fm.entries) {
    Json x;
    x["key"] = e.key;
    x["line"] = e.line;
    x["end_line"] = e.end_line;
    x["origin"] = e.origin == EntryOrigin::Strict ? "strict" : "lenient";
    x["style"] = to_string(e.value.style);
    x["value"] = value_json(e.value);
    entries.push_back(x);
  }
  j["entries"] = entries;
  return j;
}

}  // namespace

std::string dump_json(const AgentFile& file) {
  Json j;
  j["schema"] = "agentmerge-ast/1";
  j["source"] = file.source_name;
  j["stem"] = file.stem;
  j["format"] = to_string(file.format);
  j["encoding"] = {{"bom", file.encoding.had_bom},
                   {"line_endings", to_string(file.encoding.line_endings)}};
  j["frontmatter"] = frontmatter_json(file.frontmatter);
  j["tools"] = {{"mode", to_string(file.tools.mode)}, {"tools", file.tools.tools}};
  j["body"] = {{"first_line", file.body.first_line}, {"root", section_json(file.body.root)}};
  Json diags = Json::array();
  for (const Diagnostic& d : file.diagnostics)
    diags.push_back({{"severity", to_string(d.severity)},
                     {"line", d.line},
                     {"code", d.code},
                     {"message", d.message}});
  j["diagnostics"] = diags;
  return j.dump(2) + "\n";
}

// ------------------------------------------------------------------ text --

namespace {

std::string span(int first, int last) {
  std::string s = std::to_string(first);
  if (last != first) s += "-" + std::to_string(last);
  s.resize(std::max<std::size_t>(s.size(), 8), ' ');
  return s;
}

std::string pad(int depth) { return std::string(static_cast<std::size_t>(depth) * 2, ' '); }

void block_text(const Block& b, int depth, std::string& out);

void item_text(const ListItem& item, int depth, std::string& out) {
  out += pad(depth) + span(item.line, item.end_line) + "item";
  if (!item.lead.empty()) out += " [" + item.lead + "]";
  out += "  " + preview(item.source) + "\n";
  for (const Block& c : item.children)
    if (c.kind == BlockKind::List) block_text(c, depth + 1, out);
}

void block_text(const Block& b, int depth, std::string& out) {
  out += pad(depth) + span(b.line, b.end_line) + std::string(to_string(b.kind));
  if (b.kind == BlockKind::List) {
    out += b.ordered ? " (ordered from " + std::to_string(b.list_start) + ")" : "";
    out += ", " + std::to_string(b.items.size()) + (b.items.size() == 1 ? " item\n" : " items\n");
    for (const ListItem& i : b.items) item_text(i, depth + 1, out);
    return;
  }
  if (b.kind == BlockKind::Code && !b.info.empty()) out += " (" + b.info + ")";
  out += "  " + preview(b.source) + "\n";
}

void section_text(const Section& s, int depth, std::string& out) {
  if (s.heading_kind == HeadingKind::Root) {
    out += pad(depth) + "preamble\n";
  } else {
    out += pad(depth) + span(s.line, s.line) +
           (s.heading_kind == HeadingKind::Pseudo ? std::string("**")
                                                  : std::string(static_cast<std::size_t>(s.level), '#')) +
           " " + s.title + "  (" + std::string(to_string(s.heading_kind)) + ", level " +
           std::to_string(s.level) + ")\n";
  }
  for (const Block& b : s.blocks) block_text(b, depth + 1, out);
  for (const Section& c : s.children) section_text(c, s.heading_kind == HeadingKind::Root ? depth : depth + 1, out);
}

}  // namespace

std::string dump_text(const AgentFile& file) {
  std::string out = "file: " + file.source_name + "\n";
  out += "format: " + std::string(to_string(file.format)) +
         "\nencoding: bom=" + (file.encoding.had_bom ? "yes" : "no") +
         ", line endings=" + std::string(to_string(file.encoding.line_endings)) + "\n";
  const Frontmatter& fm = file.frontmatter;
  out += "frontmatter: " + std::string(to_string(fm.mode));
  if (fm.mode != FrontmatterMode::Absent)
    out += ", lines " + std::to_string(fm.open_line) + "-" + std::to_string(fm.close_line);
  out += "\n";
  for (const FrontmatterEntry& e : fm.entries) {
    out += "  " + span(e.line, e.end_line) + e.key + ": " + value_json(e.value).dump() + "  (" +
           std::string(to_string(e.value.style)) +
           (e.origin == EntryOrigin::Lenient ? ", lenient" : "") + ")\n";
  }
  out += "tools: " + std::string(to_string(file.tools.mode));
  for (const std::string& t : file.tools.tools) out += " " + t;
  out += "\nbody: from line " + std::to_string(file.body.first_line) + "\n";
  section_text(file.body.root, 1, out);
  out += "diagnostics: " + std::to_string(file.diagnostics.size()) + "\n";
  for (const Diagnostic& d : file.diagnostics) out += "  " + d.to_string() + "\n";
  return out;
}

}  // namespace agentmerge
