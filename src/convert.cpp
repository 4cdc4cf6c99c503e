// Conversion between agent formats (see convert.hpp).
//
//   claude:   name: api / tools: Read / model: sonnet / color: blue
//   opencode: description: ... / tools: {"*": false, read: true}
//             model: anthropic/claude-sonnet-4-5
//             notes: name -> file name api.md; color dropped (warning)
//
// The key table below and the model table (src/convert_common.cpp) are the
// whole policy: a key or a model that is not in them is either kept as is
// (same format, or a key no format claims) or reported. Tools go through render_tools and are read back
// with tool_set_from_frontmatter, so a widening is caught even if a
// vocabulary row is wrong.
#include "agentmerge/convert.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

#include "agentmerge/emit.hpp"
#include "agentmerge/plan.hpp"
#include "agentmerge/tools.hpp"
#include "convert_internal.hpp"

namespace agentmerge {

using namespace convert_detail;

namespace {

// ---------------------------------------------------------------- tables --

// Frontmatter keys per format; "" = the format has no place for the concept.
// name, tools and model are listed for documentation; convert() handles them
// with their own rules (file-name names, tool vocabulary, model table).
const std::vector<KeyMappingRow> kKeyTable = {
    // concept          claude            opencode       copilot          qwen          gemini
    {"name", "name", "", "name", "name", "name"},
    {"description", "description", "description", "description", "description", "description"},
    {"tools", "tools", "tools", "tools", "tools", "tools"},
    {"model", "model", "model", "model", "", "model"},
    {"color", "color", "", "", "color", ""},
    {"temperature", "", "temperature", "", "", "temperature"},
    {"top_p", "", "top_p", "", "", ""},
    {"mode", "", "mode", "", "", ""},
    {"permission", "", "permission", "", "", ""},
    {"disable", "", "disable", "", "", ""},
    {"max-steps", "", "maxSteps", "", "", ""},
    {"prompt", "", "prompt", "", "", ""},
    // Agentic turns before the agent stops (opencode renamed maxSteps to steps).
    {"max-turns", "maxTurns", "steps", "", "", "max_turns"},
    {"timeout", "", "", "", "", "timeout_mins"},
    {"kind", "", "", "", "", "kind"},
    {"permission-mode", "permissionMode", "", "", "", ""},
    {"disallowed-tools", "disallowedTools", "", "", "", ""},
    {"skills", "skills", "", "", "", ""},
    {"hooks", "hooks", "", "", "", ""},
    {"claude-mcp-servers", "mcpServers", "", "", "", ""},
    {"memory", "memory", "", "", "", ""},
    {"background", "background", "", "", "", ""},
    {"effort", "effort", "", "", "", ""},
    {"isolation", "isolation", "", "", "", ""},
    {"initial-prompt", "initialPrompt", "", "", "", ""},
    {"argument-hint", "", "", "argument-hint", "", ""},
    {"mcp-servers", "", "", "mcp-servers", "", ""},
    {"handoffs", "", "", "handoffs", "", ""},
    {"target", "", "", "target", "", ""},
    {"infer", "", "", "infer", "", ""},
    {"user-invocable", "", "", "user-invocable", "", ""},
    {"disable-model-invocation", "", "", "disable-model-invocation", "", ""},
    {"model-config", "", "", "", "modelConfig", ""},
    {"run-config", "", "", "", "runConfig", ""},
};

const std::string& key_cell(const KeyMappingRow& row, Format f) {
  static const std::string none;
  switch (f) {
    case Format::Claude: return row.claude;
    case Format::Opencode: return row.opencode;
    case Format::Copilot: return row.copilot;
    case Format::Qwen: return row.qwen;
    case Format::Gemini: return row.gemini;
    case Format::Unknown: return row.claude;
  }
  return none;
}

// ------------------------------------------------------------- helpers --

Format effective(Format f) { return f == Format::Unknown ? Format::Claude : f; }

// ----------------------------------------------------------------- tools --

// opencode `permission` can limit a tool to some commands or paths (a map of
// patterns) or ask before each use. Other formats can say neither: a limited
// tool is not granted (narrower, reported); an "ask" tool stays granted
// without the question (reported).
}  // namespace

namespace convert_detail {

void apply_permission_limits(const AgentFile& src, std::string_view target_name, ToolSet& set,
                             std::vector<Diagnostic>& notes) {
  const FrontmatterEntry* perm = src.frontmatter.find("permission");
  if (perm == nullptr || !perm->value.is_map()) return;
  const Value& v = perm->value;
  for (std::size_t i = 0; i < v.map_keys.size(); ++i) {
    const std::string& key = v.map_keys[i];
    const bool limited = v.items[i].is_map();
    const bool ask = v.items[i].is_string() && v.items[i].scalar == "ask";
    if (key == "*" || (!limited && !ask)) continue;
    for (const std::string& id : to_neutral_ids(Format::Opencode, key)) {
      if (!set.allows(id)) continue;
      if (limited) revoke(set, id);
      notes.push_back(note(
          Severity::Warning, src, v.items[i].line != 0 ? v.items[i].line : perm->line,
          limited ? "tool-limit-inexpressible" : "tool-ask-inexpressible",
          limited ? "permission limits '" + key + "' to some patterns; " +
                        std::string(target_name) + " cannot, so '" + id + "' is not granted"
                  : "permission asks before '" + key + "'; " + std::string(target_name) +
                        " grants '" + id + "' without asking"));
    }
  }
}

}  // namespace convert_detail

namespace {

// Removes from an allowlist every tool whose name in `target` reads back as
// more than the set grants (a coarse alias, or a name one format does not
// know that means a real tool in the other): not granted, reported.
void drop_widening_ids(const AgentFile& src, Format target, int line, ToolSet& set,
                       ConvertResult& out) {
  const ToolSet whole = set;
  for (const std::string& id : whole.tools) {
    const ToolSet one{ToolMode::Allow, {id}};
    const ToolSet back = granted_by(target, render_tools(target, one), src.source_name);
    if (!grants_more(back, whole)) continue;
    revoke(set, id);
    std::string granted;
    for (const std::string& t : back.tools) granted += (granted.empty() ? "" : ", ") + t;
    out.notes.push_back(note(Severity::Warning, src, line, "tool-would-widen",
                             "tool '" + id + "' would read as " + granted + " in " +
                                 std::string(to_string(target)) + "; not granted"));
  }
}

// Writes the tool grant for `target` into `out`, never wider than the source.
void convert_tools(const AgentFile& src, Format from, Format target, ConvertResult& out) {
  const FrontmatterEntry* entry = src.frontmatter.find("tools");
  const int line = entry != nullptr ? entry->line : 0;
  ToolSet set = src.tools;
  if (from == Format::Opencode) apply_permission_limits(src, to_string(target), set, out.notes);
  ToolsRendering r = render_tools(target, set);
  if (r.widened && set.mode == ToolMode::AllBut) {
    set = explicit_allowlist(from, target, set.tools);
    out.notes.push_back(note(Severity::Warning, src, line, "tools-narrowed",
                             std::string(to_string(target)) +
                                 " cannot deny single tools; the all-but grant is written as "
                                 "an explicit allowlist, so tools outside the vocabulary "
                                 "(MCP, unknown names) are no longer granted"));
    r = render_tools(target, set);
  }
  for (const std::string& id : set.tools) {
    if (set.mode == ToolMode::Allow && id.rfind("other:", 0) == 0 && from != target) {
      out.notes.push_back(note(Severity::Warning, src, line, "tool-unknown",
                               "tool '" + id.substr(6) + "' is in no vocabulary; written as is, " +
                                   std::string(to_string(target)) + " may not know it"));
    }
  }
  for (const std::string& id : r.inexpressible) {
    out.notes.push_back(note(Severity::Warning, src, line, "tool-inexpressible",
                             "tool '" + id + "' has no name in " +
                                 std::string(to_string(target)) + (set.mode == ToolMode::AllBut
                                                                       ? "; its denial is lost"
                                                                       : "; not granted")));
  }
  // Read the written value back under the target's rules: the proof that the
  // grant did not widen, whatever the vocabulary says.
  ToolSet back = granted_by(target, r, src.source_name);
  if (set.mode == ToolMode::Allow && grants_more(back, set)) {
    drop_widening_ids(src, target, line, set, out);
    r = render_tools(target, set);
    back = granted_by(target, r, src.source_name);
  }
  if (r.widened || grants_more(back, set) || grants_more(back, src.tools)) {
    out.notes.push_back(note(Severity::Warning, src, line, "tools-widened",
                             "the " + std::string(to_string(target)) +
                                 " tools grant more than the source (" +
                                 std::string(to_string(back.mode)) + " vs " +
                                 std::string(to_string(src.tools.mode)) + ")"));
  }
  out.converted.tools = back;
  if (r.value) {
    out.converted.frontmatter.entries.push_back(
        FrontmatterEntry{"tools", *r.value, line, line, EntryOrigin::Strict});
  }
}

// ----------------------------------------------------------------- model --

void convert_model(const AgentFile& src, Format from, Format target, const FrontmatterEntry& e,
                   ConvertResult& out) {
  if (!e.value.is_string() && e.value.kind != Value::Kind::Number) {
    out.notes.push_back(note(Severity::Warning, src, e.line, "model-dropped",
                             "model is " + short_value(e.value) + ", not a name; dropped"));
    return;
  }
  const std::string& model = e.value.scalar;
  if (from != target && model_key(model) == kInheritModel) {
    out.notes.push_back(note(Severity::Note, src, e.line, "model-inherit",
                             "model 'inherit' is written as no model key: " +
                                 std::string(to_string(target)) + " then uses the default"));
    return;
  }
  const auto mapped = map_model(from, target, model);
  if (!mapped) {
    out.notes.push_back(note(Severity::Warning, src, e.line, "model-unmapped",
                             "model '" + model + "' has no known equivalent in " +
                                 std::string(to_string(target)) + "; dropped"));
    return;
  }
  if (*mapped != model) {
    out.notes.push_back(note(Severity::Note, src, e.line, "model-mapped",
                             "model '" + model + "' written as '" + *mapped + "'"));
  }
  FrontmatterEntry copy = e;
  copy.value = Value::string(*mapped);
  copy.value.line = e.line;
  out.converted.frontmatter.entries.push_back(std::move(copy));
}

// ------------------------------------------------------------------ name --

// Writes the name entry (or leaves it to the file name) and returns the stem.
std::string convert_name(const AgentFile& src, Format target, ConvertResult& out) {
  const FrontmatterEntry* entry = src.frontmatter.find("name");
  const int line = entry != nullptr ? entry->line : 0;
  std::string name = src.name();
  if (uses_identifier_names(target)) {
    const std::string s = slug(name);
    if (s != name && !s.empty()) {
      out.notes.push_back(note(Severity::Warning, src, line, "name-changed",
                               "name '" + name + "' is not a valid " +
                                   std::string(to_string(target)) + " name; written as '" + s +
                                   "'"));
      name = s;
    }
  }
  if (!map_key(effective(src.format), target, "name")) {
    out.notes.push_back(note(Severity::Note, src, line, "name-in-file-name",
                             std::string(to_string(target)) +
                                 " takes the agent name from the file name; it is '" + name + "'"));
  } else {
    out.converted.frontmatter.entries.push_back(
        FrontmatterEntry{"name", Value::string(name), line, line, EntryOrigin::Strict});
  }
  return name;
}

bool known_key(std::string_view key) {
  return std::any_of(kKeyTable.begin(), kKeyTable.end(), [&](const KeyMappingRow& row) {
    return row.claude == key || row.opencode == key || row.copilot == key || row.qwen == key ||
           row.gemini == key;
  });
}

// Every other entry: mapped by the key table, or reported and dropped.
void convert_entries(const AgentFile& src, Format from, Format target, ConvertResult& out) {
  for (const FrontmatterEntry& e : src.frontmatter.entries) {
    if (e.key == "name" || e.key == "tools") continue;
    if (e.key == "model") {
      convert_model(src, from, target, e, out);
      continue;
    }
    const auto key = map_key(from, target, e.key);
    if (key && !known_key(e.key)) {
      out.notes.push_back(note(Severity::Note, src, e.line, "key-unknown",
                               "'" + e.key + "' is not a key of any known format; kept as is"));
    }
    if (!key && e.key == "disallowedTools" && from == Format::Claude) {
      out.notes.push_back(note(Severity::Note, src, e.line, "key-in-tools",
                               "'disallowedTools' (" + short_value(e.value) + ") has no place in " +
                                   std::string(to_string(target)) +
                                   "; its denials are written into tools"));
      continue;
    }
    if (!key) {
      const bool tool_part = e.key == "permission" && from == Format::Opencode;
      out.notes.push_back(note(Severity::Warning, src, e.line, "key-dropped",
                               "'" + e.key + "' (" + short_value(e.value) + ") has no place in " +
                                   std::string(to_string(target)) +
                                   (tool_part ? "; its tool grants are kept in tools, the rest "
                                                "is dropped"
                                              : "; dropped")));
      continue;
    }
    FrontmatterEntry copy = e;
    copy.key = *key;
    if (*key != e.key) {
      out.notes.push_back(note(Severity::Note, src, e.line, "key-renamed",
                               "'" + e.key + "' written as '" + *key + "'"));
    }
    out.converted.frontmatter.entries.push_back(std::move(copy));
  }
}

// Key order of the result: the source's order, with name first.
void order_entries(std::vector<FrontmatterEntry>& entries) {
  std::stable_partition(entries.begin(), entries.end(),
                        [](const FrontmatterEntry& e) { return e.key == "name"; });
}

}  // namespace

bool ConvertResult::lossy() const {
  return std::any_of(notes.begin(), notes.end(),
                     [](const Diagnostic& d) { return d.severity != Severity::Note; });
}

const std::vector<KeyMappingRow>& key_mapping_table() { return kKeyTable; }

std::optional<std::string> map_key(Format from, Format to, std::string_view key) {
  from = effective(from);
  to = effective(to);
  if (from == to) return std::string(key);
  for (const KeyMappingRow& row : kKeyTable) {
    if (key_cell(row, from) != key) continue;
    const std::string& there = key_cell(row, to);
    if (there.empty()) return std::nullopt;
    return there;
  }
  // A key no format claims in the source format: is it some other format's
  // own key? Then the target has no place for it unless it is the target's.
  for (const KeyMappingRow& row : kKeyTable) {
    for (Format f : {Format::Claude, Format::Opencode, Format::Copilot, Format::Qwen,
                     Format::Gemini}) {
      if (key_cell(row, f) == key) {
        const std::string& there = key_cell(row, to);
        if (there.empty()) return std::nullopt;
        return there;
      }
    }
  }
  return std::string(key);
}

Result<ConvertResult> convert(const AgentFile& source, Format target) {
  if (target == Format::Unknown)
    return Error{source.source_name, 0, "bad-target", "convert needs a known target format"};
  const Format from = effective(source.format);
  ConvertResult out;
  out.converted = source;
  out.converted.format = target;
  out.converted.diagnostics.clear();
  std::string name = source.name();
  // A `readonly` flag (Cursor) restricts the grant in a way no tools key
  // shows: the grant is converted like any other, never copied.
  if (source.format == target && !readonly_flag(source.frontmatter.find("readonly"))) {
    // Same format: nothing to map; the result is the canonical form.
    if (uses_identifier_names(target) && !slug(name).empty()) name = slug(name);
  } else {
    out.converted.frontmatter.entries.clear();
    name = convert_name(source, target, out);
    convert_entries(source, from, target, out);
    convert_tools(source, from, target, out);
    order_entries(out.converted.frontmatter.entries);
    if (source.description().empty()) {
      out.notes.push_back(note(Severity::Warning, source, 0, "description-missing",
                               "no description; " + std::string(to_string(target)) +
                                   " agents need one to be chosen"));
    }
    if (out.converted.frontmatter.mode == FrontmatterMode::Absent &&
        !out.converted.frontmatter.entries.empty())
      out.converted.frontmatter.mode = FrontmatterMode::Strict;
  }
  const auto stem = safe_file_stem(name);
  if (!stem) {
    return Error{source.source_name, 0, "unsafe-name",
                 "agent name '" + name + "' cannot be made into a file name"};
  }
  out.file_name = output_file_name(target, *stem);
  out.converted.stem = *stem;
  EmitResult emitted = emit(out.converted, target);
  out.text = std::move(emitted.text);
  for (Diagnostic& d : emitted.notes) out.notes.push_back(std::move(d));
  return out;
}

}  // namespace agentmerge
