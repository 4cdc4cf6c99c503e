// Canonical frontmatter: entries -> YAML text valid for a strict parser.
//
//   tools: Bash, Read          ---
//   name: api                  name: api
//   description: a: b\n\nc  -> description: "a: b\n\nc"
//   x-custom: 1                tools: Read, Bash
//                              x-custom: 1
//                              ---
//
// Keys in the target format's order (a table), unknown keys after them in
// their source order; `tools` from the ToolSet in the target's native shape.
// A string with line breaks is one double-quoted line with "\n" escapes, so a
// strict parser reads the real line breaks and a line-based loader still
// finds the whole value on its key's line; other strings are plain when a
// strict parser reads them back identically, else quoted.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

#include "agentmerge/emit.hpp"
#include "agentmerge/tools.hpp"
#include "frontmatter.hpp"

namespace agentmerge {

namespace {

struct KeyOrder {
  Format format;
  std::vector<std::string_view> keys;
};

// The canonical key order of each format.
const std::array<KeyOrder, 6> kKeyOrder{{
    {Format::Claude, {"name", "description", "tools", "model", "color", "permissionMode"}},
    {Format::Opencode,
     {"name", "description", "mode", "model", "temperature", "top_p", "tools", "permission",
      "disable"}},
    {Format::Copilot,
     {"name", "description", "argument-hint", "tools", "model", "target", "infer",
      "mcp-servers", "handoffs"}},
    {Format::Gemini,
     {"name", "description", "kind", "tools", "model", "temperature", "max_turns",
      "timeout_mins"}},
    {Format::Qwen, {"name", "description", "tools", "model", "modelConfig", "runConfig"}},
    {Format::Unknown, {"name", "description", "tools", "model"}},
}};

const std::vector<std::string_view>& key_order(Format f) {
  for (const auto& k : kKeyOrder)
    if (k.format == f) return k.keys;
  return kKeyOrder.back().keys;
}

// YAML 1.1 words that some loaders still read as booleans.
bool yaml11_word(std::string_view s) {
  static constexpr std::array<std::string_view, 16> kWords{
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "on", "On", "ON", "off", "Off", "OFF"};
  for (auto w : kWords)
    if (s == w) return true;
  return false;
}

enum class Context { Block, Flow };

// U+FEFF (a byte-order mark) in UTF-8. YAML allows it in no plain or
// single-quoted scalar, and a parser drops it at the start of the stream.
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Whether `s` can be written as a plain scalar and read back identically.
bool plain_safe(const std::string& s, Context ctx) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.find(kBom) != std::string::npos) return false;
  // A key is written at the start of a line, where "... " ends the document
  // ("--- " starts one, refused with the indicators below).
  if (s.starts_with("...")) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
    return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  if (ctx == Context::Flow && s.find_first_of(",[]{}") != std::string::npos) return false;
  if (detail::resolve_plain(s) != detail::PlainKind::String || yaml11_word(s)) return false;
  if (s.find_first_of("0123456789") == 0 && s.find_first_of(":_") != std::string::npos)
    return false;  // "12:30", "1_000": sexagesimal or numbers in YAML 1.1
  // Words, digits, spaces and plain punctuation cannot start or change a
  // YAML token here (the indicators, ": " and " #" were refused above):
  // such a scalar reads back as written without asking the parser, which
  // is most names, models and one-line descriptions.
  if (std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               std::string_view(" .,;()/_+-").find(static_cast<char>(c)) != std::string_view::npos;
      }))
    return true;
  try {  // the final word belongs to a strict parser
    const YAML::Node n = YAML::Load("k: " + s);
    return n["k"].IsScalar() && n["k"].Tag() == "?" && n["k"].Scalar() == s;
  } catch (const YAML::Exception&) {
    return false;
  }
}

// A double-quoted scalar: escapes for '"', '\\', control bytes and U+FEFF.
std::string double_quoted(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, kBom.size(), kBom) == 0) {
      out += "\\uFEFF";
      i += kBom.size() - 1;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          std::array<char, 8> buf{};
          std::snprintf(buf.data(), buf.size(), "\\x%02X", static_cast<unsigned>(c));
          out += buf.data();
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string scalar_text(const std::string& s, Context ctx) {
  if (plain_safe(s, ctx)) return s;
  bool escape = s.find(kBom) != std::string::npos;  // needs double quotes
  for (unsigned char c : s) escape = escape || c < 0x20 || c == 0x7F;
  if (escape) return double_quoted(s);
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

bool all_scalars(const Value& v) {
  for (const auto& i : v.items)
    if (i.is_list() || i.is_map()) return false;
  return true;
}

std::string emit_value(const Value& v, int indent, Context ctx);

std::string flow_collection(const Value& v) {
  std::string out = v.is_list() ? "[" : "{";
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    if (i > 0) out += ", ";
    if (v.is_map()) out += scalar_text(v.map_keys[i], Context::Flow) + ": ";
    const std::string item = emit_value(v.items[i], 0, Context::Flow);
    out += item.empty() ? "null" : item;
  }
  return out + (v.is_list() ? "]" : "}");
}

// "key:" followed by a value: a space before scalars, nothing before blocks.
std::string after_colon(const std::string& text) {
  if (text.empty() || text.front() == '\n') return text;
  return " " + text;
}

std::string block_collection(const Value& v, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    const Value& item = v.items[i];
    if (v.is_list()) {
      const std::string text = emit_value(item, indent + 2, Context::Block);
      if (!text.empty() && text.front() == '\n') {
        // A nested block under "- ": its first line joins the dash.
        out += "\n" + pad + "-" + "\n" + text.substr(1);
      } else {
        out += "\n" + pad + "-" + after_colon(text);
      }
    } else {
      out += "\n" + pad + scalar_text(v.map_keys[i], Context::Block) + ":" +
             after_colon(emit_value(item, indent + 2, Context::Block));
    }
  }
  return out;
}

std::string emit_value(const Value& v, int indent, Context ctx) {
  switch (v.kind) {
    case Value::Kind::Null: return "";
    case Value::Kind::Bool:
    case Value::Kind::Number: return v.scalar;
    case Value::Kind::String: return scalar_text(v.scalar, ctx);
    case Value::Kind::List:
    case Value::Kind::Map: break;
  }
  if (v.items.empty()) return v.is_list() ? "[]" : "{}";
  const bool flow = ctx == Context::Flow ||
                    ((v.style == ValueStyle::FlowSequence || v.style == ValueStyle::FlowMap) &&
                     all_scalars(v));
  return flow ? flow_collection(v) : block_collection(v, indent);
}

// The `tools` value to write, or nullopt to leave the key out.
std::optional<Value> tools_value(const AgentFile& file, Format target,
                                 std::vector<Diagnostic>& notes) {
  const FrontmatterEntry* source = file.frontmatter.find("tools");
  const bool same_format = target == file.format;
  if (same_format && source == nullptr) return std::nullopt;
  ToolsRendering r = render_tools(target, file.tools);
  const bool lossy = r.widened || !r.inexpressible.empty() || !r.value;
  // As written when it means the same: a grant the canonical shape would
  // change, or a map of entries (opencode), whose entries that are already
  // the default (`read: true`) the canonical shape leaves out. A formatter
  // never removes what the author wrote; convert and merge may, and say so.
  if (same_format && (lossy || source->value.is_map())) return source->value;
  for (const auto& id : r.inexpressible) {
    notes.push_back({Severity::Warning, file.source_name, source ? source->line : 0,
                     "tools-inexpressible",
                     "tool '" + id + "' has no name in " + std::string(to_string(target)) +
                         "; it is not granted in the output"});
  }
  if (r.widened) {
    notes.push_back({Severity::Warning, file.source_name, source ? source->line : 0,
                     "tools-widened",
                     std::string(to_string(target)) + " cannot express this tool grant (" +
                         std::string(to_string(file.tools.mode)) +
                         "); the output grants more tools"});
  }
  return r.value;
}

std::string entry_line(const std::string& key, const Value& v) {
  return scalar_text(key, Context::Block) + ":" + after_colon(emit_value(v, 2, Context::Block)) +
         "\n";
}

}  // namespace

std::string emit_yaml_value(const Value& value, int indent) {
  return emit_value(value, indent, Context::Block);
}

std::string emit_yaml_entry(const std::string& key, const Value& value) {
  return entry_line(key, value);
}

std::string emit_frontmatter(const AgentFile& file, Format target,
                             std::vector<Diagnostic>& notes) {
  if (target == Format::Unknown) target = file.format;
  const Frontmatter& fm = file.frontmatter;
  const std::optional<Value> tools = tools_value(file, target, notes);
  if (fm.mode == FrontmatterMode::Absent && !tools) return "";
  const auto& order = key_order(target);
  std::string out = "---\n";
  auto write = [&](const std::string& key, const Value& v) { out += entry_line(key, v); };
  for (std::string_view key : order) {
    if (key == "tools") {
      if (tools) write("tools", *tools);
      continue;
    }
    if (const FrontmatterEntry* e = fm.find(key)) write(e->key, e->value);
  }
  for (const FrontmatterEntry& e : fm.entries) {
    if (e.key == "tools") continue;
    if (std::find(order.begin(), order.end(), e.key) != order.end()) continue;
    write(e.key, e.value);
  }
  for (const FrontmatterEntry& e : fm.entries) {
    if (e.origin == EntryOrigin::Lenient) {
      notes.push_back({Severity::Note, file.source_name, e.line, "lenient-requoted",
                       e.key + " was read leniently; written quoted so strict YAML reads it"});
    }
  }
  return out + "---\n";
}

}  // namespace agentmerge
