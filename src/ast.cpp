// Small behaviour of the AST value types (lookups, equality, names).
#include "agentmerge/ast.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace agentmerge {

namespace {
constexpr std::array<std::pair<Format, std::string_view>, 6> kFormatNames{{
    {Format::Claude, "claude"},
    {Format::Opencode, "opencode"},
    {Format::Copilot, "copilot"},
    {Format::Qwen, "qwen"},
    {Format::Gemini, "gemini"},
    {Format::Unknown, "unknown"},
}};
}  // namespace

std::string_view to_string(Format f) {
  for (const auto& [fmt, name] : kFormatNames)
    if (fmt == f) return name;
  return "unknown";
}

std::optional<Format> parse_format(std::string_view word) {
  for (const auto& [fmt, name] : kFormatNames)
    if (name == word) return fmt;
  return std::nullopt;
}

std::string_view to_string(ToolMode m) {
  switch (m) {
    case ToolMode::All: return "all";
    case ToolMode::Allow: return "allow";
    case ToolMode::None: return "none";
    case ToolMode::AllBut: return "all-but";
  }
  return "all";
}

std::string_view to_string(BlockKind k) {
  switch (k) {
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::List: return "list";
    case BlockKind::Code: return "code";
    case BlockKind::Quote: return "quote";
    case BlockKind::Html: return "html";
    case BlockKind::Table: return "table";
    case BlockKind::ThematicBreak: return "thematic-break";
  }
  return "paragraph";
}

Value Value::null() { return Value{}; }

Value Value::string(std::string s, ValueStyle style) {
  Value v;
  v.kind = Kind::String;
  v.scalar = std::move(s);
  v.style = style;
  return v;
}

Value Value::number(std::string text) {
  Value v;
  v.kind = Kind::Number;
  v.scalar = std::move(text);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.scalar = b ? "true" : "false";
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind = Kind::List;
  v.items = std::move(items);
  v.style = ValueStyle::BlockSequence;
  return v;
}

Value Value::map(std::vector<std::string> keys, std::vector<Value> values) {
  Value v;
  v.kind = Kind::Map;
  v.map_keys = std::move(keys);
  v.items = std::move(values);
  v.style = ValueStyle::BlockMap;
  return v;
}

const Value* Value::find(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  for (std::size_t i = 0; i < map_keys.size() && i < items.size(); ++i)
    if (map_keys[i] == key) return &items[i];
  return nullptr;
}

bool operator==(const Value& a, const Value& b) {
  return a.kind == b.kind && a.scalar == b.scalar && a.items == b.items &&
         a.map_keys == b.map_keys;
}

const FrontmatterEntry* Frontmatter::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

FrontmatterEntry* Frontmatter::find(std::string_view key) {
  for (auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

std::optional<std::string> Frontmatter::get_string(std::string_view key) const {
  const FrontmatterEntry* e = find(key);
  if (e == nullptr || e->value.kind != Value::Kind::String) return std::nullopt;
  return e->value.scalar;
}

bool ToolSet::allows(std::string_view id) const {
  const bool listed = std::binary_search(tools.begin(), tools.end(), id);
  switch (mode) {
    case ToolMode::All: return true;
    case ToolMode::None: return false;
    case ToolMode::Allow: return listed;
    case ToolMode::AllBut: return !listed;
  }
  return false;
}

std::string AgentFile::name() const {
  if (auto n = frontmatter.get_string("name"); n && !n->empty()) return *n;
  return stem;
}

std::string AgentFile::description() const {
  return frontmatter.get_string("description").value_or("");
}

}  // namespace agentmerge
