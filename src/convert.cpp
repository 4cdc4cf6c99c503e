// Conversion between agent formats (see convert.hpp).
//
//   claude:   name: api / tools: Read / model: sonnet / color: blue
//   opencode: description: ... / tools: {"*": false, read: true}
//             model: anthropic/claude-sonnet-4-5
//             notes: name -> file name api.md; color dropped (warning)
//
// The key table and the model table below are the whole policy: a key or a
// model that is not in them is either kept as is (same format, or a key no
// format claims) or reported. Tools go through render_tools and are read back
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

namespace agentmerge {

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
    {"steps", "", "steps", "", "", ""},
    {"prompt", "", "prompt", "", "", ""},
    {"max-turns", "", "", "", "", "max_turns"},
    {"timeout", "", "", "", "", "timeout_mins"},
    {"kind", "", "", "", "", "kind"},
    {"permission-mode", "permissionMode", "", "", "", ""},
    {"disallowed-tools", "disallowedTools", "", "", "", ""},
    {"skills", "skills", "", "", "", ""},
    {"hooks", "hooks", "", "", "", ""},
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

// Equivalent model names per format. The first name of a cell is written;
// the others are accepted when reading. Rows are searched in order, so an
// alias row ("sonnet") wins over a pinned one when reading back.
struct ModelRow {
  std::vector<std::string> claude, opencode, copilot, gemini;
};

const std::vector<ModelRow> kModelTable = {
    {{"sonnet"}, {"anthropic/claude-sonnet-4-5"}, {"Claude Sonnet 4.5", "claude-sonnet-4.5"}, {}},
    {{"opus"}, {"anthropic/claude-opus-4-1"}, {"Claude Opus 4.1", "claude-opus-4.1"}, {}},
    {{"haiku"}, {"anthropic/claude-haiku-4-5"}, {"Claude Haiku 4.5", "claude-haiku-4.5"}, {}},
    {{"claude-sonnet-4-20250514"},
     {"anthropic/claude-sonnet-4-20250514"},
     {"Claude Sonnet 4", "claude-sonnet-4"},
     {}},
    {{"claude-opus-4-20250514"}, {"anthropic/claude-opus-4-20250514"}, {"Claude Opus 4"}, {}},
    {{"claude-3-5-sonnet-latest"},
     {"anthropic/claude-3-5-sonnet-latest"},
     {"Claude Sonnet 3.5", "claude-3.5-sonnet"},
     {}},
    {{}, {"openai/gpt-4.1"}, {"GPT-4.1"}, {}},
    {{}, {"openai/gpt-4o"}, {"GPT-4o"}, {}},
    {{}, {"openai/gpt-5"}, {"GPT-5"}, {}},
    {{}, {"openai/gpt-5-mini"}, {"GPT-5 mini"}, {}},
    {{}, {"google/gemini-2.5-pro"}, {"Gemini 2.5 Pro"}, {"gemini-2.5-pro"}},
    {{}, {"google/gemini-2.5-flash"}, {"Gemini 2.5 Flash"}, {"gemini-2.5-flash"}},
};

// Provider-prefix rules: a pinned model id of one format is the same id with
// a provider prefix in opencode ("claude-x" <-> "anthropic/claude-x").
struct PrefixRule {
  Format format;
  std::string_view stem_prefix;      // "claude-"
  std::string_view opencode_prefix;  // "anthropic/"
};
constexpr std::array<PrefixRule, 2> kPrefixRules{{
    {Format::Claude, "claude-", "anthropic/"},
    {Format::Gemini, "gemini-", "google/"},
}};

// Claude's "inherit": use the caller's model. Elsewhere an absent model key
// means the same, so the key is omitted.
constexpr std::string_view kInheritModel = "inherit";

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

const std::vector<std::string>* model_cell(const ModelRow& row, Format f) {
  switch (f) {
    case Format::Claude: return &row.claude;
    case Format::Opencode: return &row.opencode;
    case Format::Copilot: return &row.copilot;
    case Format::Gemini: return &row.gemini;
    case Format::Qwen: return nullptr;
    case Format::Unknown: return &row.claude;
  }
  return nullptr;
}

// ------------------------------------------------------------- helpers --

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Case-folded, quotes and a trailing " (copilot)" removed, trimmed.
std::string model_key(std::string_view model) {
  std::string s = lower(model);
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '"' || c == '\''; }),
          s.end());
  const std::string suffix = " (copilot)";
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
    s.resize(s.size() - suffix.size());
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

Format effective(Format f) { return f == Format::Unknown ? Format::Claude : f; }

// A name for formats whose names are identifiers (lowercase letters, digits
// and '-'): "Agent Governance Reviewer" -> "agent-governance-reviewer".
std::string slug(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool uses_identifier_names(Format f) {
  return f == Format::Claude || f == Format::Qwen || f == Format::Gemini;
}

Diagnostic note(Severity sev, const AgentFile& f, int line, std::string code, std::string msg) {
  return Diagnostic{sev, f.source_name, line, std::move(code), std::move(msg)};
}

std::string short_value(const Value& v) {
  if (v.kind == Value::Kind::String || v.kind == Value::Kind::Number ||
      v.kind == Value::Kind::Bool)
    return "'" + v.scalar + "'";
  if (v.is_list()) return "a list of " + std::to_string(v.items.size());
  if (v.is_map()) return "a map of " + std::to_string(v.items.size());
  return "null";
}

// ----------------------------------------------------------------- tools --

// Whether grant `a` allows something that `b` does not.
bool grants_more(const ToolSet& a, const ToolSet& b) {
  auto subset = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
    return std::includes(y.begin(), y.end(), x.begin(), x.end());
  };
  auto disjoint = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
    return std::none_of(x.begin(), x.end(),
                        [&](const std::string& t) { return std::binary_search(y.begin(), y.end(), t); });
  };
  switch (a.mode) {
    case ToolMode::None: return false;
    case ToolMode::All: return b.mode != ToolMode::All;
    case ToolMode::Allow:
      if (b.mode == ToolMode::All) return false;
      if (b.mode == ToolMode::None) return !a.tools.empty();
      if (b.mode == ToolMode::Allow) return !subset(a.tools, b.tools);
      return !disjoint(a.tools, b.tools);  // b is AllBut
    case ToolMode::AllBut:
      if (b.mode == ToolMode::All) return false;
      if (b.mode == ToolMode::AllBut) return !subset(b.tools, a.tools);
      return true;
  }
  return true;
}

// Every vocabulary id both formats can name, minus `denied`: an all-but
// grant only ever covered the tools its own format has.
ToolSet explicit_allowlist(Format from, Format target, const std::vector<std::string>& denied) {
  ToolSet out{ToolMode::Allow, {}};
  for (const ToolVocabularyRow& row : tool_vocabulary()) {
    if (std::binary_search(denied.begin(), denied.end(), row.id)) continue;
    if (from_neutral(from, row.id) && from_neutral(target, row.id)) out.tools.push_back(row.id);
  }
  std::sort(out.tools.begin(), out.tools.end());
  out.tools.erase(std::unique(out.tools.begin(), out.tools.end()), out.tools.end());
  return out;
}

// Removes `id` from what `set` grants.
void revoke(ToolSet& set, const std::string& id) {
  auto& t = set.tools;
  switch (set.mode) {
    case ToolMode::None: return;
    case ToolMode::Allow: t.erase(std::remove(t.begin(), t.end(), id), t.end()); break;
    case ToolMode::All: set.mode = ToolMode::AllBut; t = {id}; break;
    case ToolMode::AllBut:
      if (!std::binary_search(t.begin(), t.end(), id)) t.insert(std::lower_bound(t.begin(), t.end(), id), id);
      break;
  }
  if (set.mode == ToolMode::Allow && t.empty()) set.mode = ToolMode::None;
}

// opencode `permission` can limit a tool to some commands or paths (a map of
// patterns) or ask before each use. Other formats can say neither: a limited
// tool is not granted (narrower, reported); an "ask" tool stays granted
// without the question (reported).
void apply_permission_limits(const AgentFile& src, Format target, ToolSet& set,
                             ConvertResult& out) {
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
      out.notes.push_back(note(
          Severity::Warning, src, v.items[i].line != 0 ? v.items[i].line : perm->line,
          limited ? "tool-limit-inexpressible" : "tool-ask-inexpressible",
          limited ? "permission limits '" + key + "' to some patterns; " +
                        std::string(to_string(target)) + " cannot, so '" + id + "' is not granted"
                  : "permission asks before '" + key + "'; " + std::string(to_string(target)) +
                        " grants '" + id + "' without asking"));
    }
  }
}

// The tool set a rendered `tools` value grants when the target reads it.
ToolSet read_back(Format target, const ToolsRendering& r, const std::string& file) {
  std::vector<Diagnostic> ignored;
  FrontmatterEntry written{"tools", r.value.value_or(Value::null()), 0, 0, EntryOrigin::Strict};
  return tool_set_from_frontmatter(target, r.value ? &written : nullptr, nullptr, file, ignored);
}

// Removes from an allowlist every tool whose name in `target` reads back as
// more than the set grants (a coarse alias, or a name one format does not
// know that means a real tool in the other): not granted, reported.
void drop_widening_ids(const AgentFile& src, Format target, int line, ToolSet& set,
                       ConvertResult& out) {
  const ToolSet whole = set;
  for (const std::string& id : whole.tools) {
    const ToolSet one{ToolMode::Allow, {id}};
    const ToolSet back = read_back(target, render_tools(target, one), src.source_name);
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
  if (from == Format::Opencode) apply_permission_limits(src, target, set, out);
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
  ToolSet back = read_back(target, r, src.source_name);
  if (set.mode == ToolMode::Allow && grants_more(back, set)) {
    drop_widening_ids(src, target, line, set, out);
    r = render_tools(target, set);
    back = read_back(target, r, src.source_name);
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

std::optional<std::string> map_model(Format from, Format to, std::string_view model) {
  from = effective(from);
  to = effective(to);
  if (from == to) return std::string(model);
  const std::string key = model_key(model);
  for (const ModelRow& row : kModelTable) {
    const auto* src = model_cell(row, from);
    const auto* dst = model_cell(row, to);
    if (src == nullptr || dst == nullptr || dst->empty()) continue;
    const bool hit = std::any_of(src->begin(), src->end(),
                                 [&](const std::string& m) { return model_key(m) == key; });
    if (hit) return dst->front();
  }
  for (const PrefixRule& rule : kPrefixRules) {
    if (from == rule.format && to == Format::Opencode && starts_with(key, rule.stem_prefix))
      return std::string(rule.opencode_prefix) + key;
    if (from == Format::Opencode && to == rule.format && starts_with(key, rule.opencode_prefix) &&
        starts_with(key.substr(rule.opencode_prefix.size()), rule.stem_prefix))
      return key.substr(rule.opencode_prefix.size());
  }
  return std::nullopt;
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
  if (source.format == target) {
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
