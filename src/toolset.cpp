// Tool grants: a frontmatter's `tools` (and opencode `permission`) -> ToolSet,
// and a ToolSet -> the `tools` value a format writes.
//
//   Claude   tools: "Read, Bash"                 -> Allow{read, shell}
//   Claude   (no tools key)                      -> All
//   any      tools: []  or  tools: ""            -> None
//   opencode tools: {bash: true}                 -> All (warning: restricts nothing)
//   opencode tools: {bash: false}                -> AllBut{shell}
//   opencode tools: {"*": false, read: true}     -> Allow{read}
//   Allow{read, shell} rendered for opencode     -> {"*": false, bash: true, read: true}
#include <algorithm>
#include <cctype>
#include <set>

#include "agentmerge/tools.hpp"
#include "vocabulary.hpp"

namespace agentmerge {

namespace {

using IdSet = std::set<std::string>;

void add_name(Format format, std::string_view name, IdSet& ids) {
  for (auto& id : to_neutral_ids(format, name)) ids.insert(std::move(id));
}

ToolSet make(ToolMode mode, const IdSet& ids) {
  ToolSet s;
  s.mode = mode;
  if (mode == ToolMode::Allow || mode == ToolMode::AllBut) s.tools.assign(ids.begin(), ids.end());
  return s;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// A list or comma string of names. "*" (Copilot) grants everything.
ToolSet from_names(Format format, const std::vector<std::string>& names) {
  IdSet ids;
  for (const auto& n : names) {
    if (n == "*") return make(ToolMode::All, {});
    if (!n.empty()) add_name(format, n, ids);
  }
  return make(ids.empty() ? ToolMode::None : ToolMode::Allow, ids);
}

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t comma = s.find(',', pos);
    if (comma == std::string_view::npos) comma = s.size();
    if (std::string t = trim(s.substr(pos, comma - pos)); !t.empty()) out.push_back(std::move(t));
    pos = comma + 1;
  }
  return out;
}

std::string item_text(const Value& v) {
  if (v.kind == Value::Kind::Map && v.map_keys.size() == 1) return "{" + v.map_keys[0] + "}";
  return v.scalar;
}

// The names a list or a comma string holds.
std::vector<std::string> names_of(const Value& v) {
  if (!v.is_list()) return split_commas(v.scalar);
  std::vector<std::string> names;
  for (const Value& item : v.items) names.push_back(item_text(item));
  return names;
}

// opencode's rules: every tool is enabled unless denied.
struct Grants {
  IdSet allowed;
  IdSet denied;
  bool default_deny = false;
};

void read_tools_map(const FrontmatterEntry& e, Grants& g, const std::string& file,
                    std::vector<Diagnostic>& diagnostics) {
  const Value& v = e.value;
  for (std::size_t i = 0; i < v.map_keys.size(); ++i) {
    const std::string& key = v.map_keys[i];
    const Value& val = v.items[i];
    if (val.kind != Value::Kind::Bool) {
      diagnostics.push_back({Severity::Warning, file, val.line > 0 ? val.line : e.line,
                             "tools-not-boolean",
                             "tools." + key + " should be true or false; ignored"});
      continue;
    }
    const bool on = val.scalar == "true";
    if (key == "*") {
      g.default_deny = !on;
      continue;
    }
    add_name(Format::Opencode, key, on ? g.allowed : g.denied);
  }
}

// opencode `permission`: "*": deny denies by default; a tool with "allow" or
// "ask" (or a map of patterns) stays granted, "deny" removes it. The `edit`
// permission covers every file-changing tool.
void read_permission(const FrontmatterEntry& e, Grants& g) {
  const Value& v = e.value;
  for (std::size_t i = 0; i < v.map_keys.size(); ++i) {
    const std::string& key = v.map_keys[i];
    const Value& val = v.items[i];
    const bool deny = val.kind == Value::Kind::String && val.scalar == "deny";
    if (key == "*") {
      g.default_deny = g.default_deny || deny;
      continue;
    }
    IdSet ids;
    add_name(Format::Opencode, key, ids);
    if (key == "edit") ids.insert({"multiedit", "patch", "write"});
    for (const auto& id : ids) (deny ? g.denied : g.allowed).insert(id);
  }
}

// An opencode map that only enables tools: no "*": false, nothing denied,
// something named. opencode grants every tool then; the map names some.
bool only_enables(const Grants& g) { return !g.default_deny && g.denied.empty() && !g.allowed.empty(); }

ToolSet from_map(Format format, const FrontmatterEntry* tools, const FrontmatterEntry* permission,
                 const std::string& file, std::vector<Diagnostic>& diagnostics) {
  Grants g;
  if (tools != nullptr) read_tools_map(*tools, g, file, diagnostics);
  if (permission != nullptr && permission->value.is_map()) read_permission(*permission, g);
  if (g.default_deny) {
    IdSet allow;
    for (const auto& id : g.allowed)
      if (!g.denied.contains(id)) allow.insert(id);
    return make(allow.empty() ? ToolMode::None : ToolMode::Allow, allow);
  }
  if (!g.denied.empty()) return make(ToolMode::AllBut, g.denied);
  if (tools != nullptr && only_enables(g) && format == Format::Opencode) {
    diagnostics.push_back(
        {Severity::Warning, file, tools->line, "tools-map-restricts-nothing",
         "the tools map only enables tools, which opencode enables anyway: every tool is "
         "granted (add \"*\": false to make it an allowlist)"});
  }
  return make(ToolMode::All, {});
}

}  // namespace

ToolSet tool_set_from_frontmatter(Format format, const FrontmatterEntry* tools_entry,
                                  const FrontmatterEntry* permission_entry,
                                  const std::string& file, std::vector<Diagnostic>& diagnostics) {
  if (tools_entry == nullptr || tools_entry->value.is_map())
    return from_map(format, tools_entry, permission_entry, file, diagnostics);
  const Value& v = tools_entry->value;
  switch (v.kind) {
    case Value::Kind::Null:
      diagnostics.push_back({Severity::Note, file, tools_entry->line, "empty-tools",
                             "tools has no value: no tools are granted"});
      return make(ToolMode::None, {});
    case Value::Kind::List:
    case Value::Kind::String:
    case Value::Kind::Number:
    case Value::Kind::Bool:
    case Value::Kind::Map: return from_names(format, names_of(v));
  }
  return make(ToolMode::All, {});
}

ToolSet stated_tool_set(Format format, const FrontmatterEntry* tools_entry,
                        const FrontmatterEntry* permission_entry) {
  std::vector<Diagnostic> ignored;
  if (format == Format::Opencode && tools_entry != nullptr && tools_entry->value.is_map() &&
      permission_entry == nullptr) {
    Grants g;
    read_tools_map(*tools_entry, g, "", ignored);
    if (only_enables(g)) return make(ToolMode::Allow, g.allowed);
  }
  return tool_set_from_frontmatter(format, tools_entry, permission_entry, "", ignored);
}

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

ToolSet apply_denylist(ToolSet set, Format format, const FrontmatterEntry* disallowed_entry) {
  if (disallowed_entry == nullptr) return set;
  const ToolSet denied = from_names(format, names_of(disallowed_entry->value));
  if (denied.mode != ToolMode::Allow) return set;
  for (const auto& id : denied.tools) revoke(set, id);
  return set;
}

bool readonly_flag(const FrontmatterEntry* entry) {
  if (entry == nullptr) return false;
  std::string flag = entry->value.scalar;
  std::transform(flag.begin(), flag.end(), flag.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return flag == "true" || flag == "yes" || flag == "on";
}

ToolSet apply_readonly(ToolSet set, const FrontmatterEntry* readonly_entry,
                       const std::string& file, std::vector<Diagnostic>& diagnostics) {
  if (!readonly_flag(readonly_entry)) return set;
  for (const std::string_view id : modifying_tools()) revoke(set, std::string(id));
  diagnostics.push_back({Severity::Note, file, readonly_entry->line, "readonly-grant",
                         "readonly: true grants no tool that edits files or runs commands "
                         "(edit, write, patch, shell, ...)"});
  return set;
}

// ---------------------------------------------------------------- render --

namespace {

struct Candidate {
  std::string name;
  IdSet grants;
  std::size_t rank = 0;  // vocabulary order of its first row
};

// Every distinct table name of `format`, with what it grants.
std::vector<Candidate> candidates(Format format) {
  std::vector<Candidate> out;
  const auto& rows = tool_vocabulary();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const auto& n : detail::column(rows[r], format)) {
      if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.name == n; }))
        continue;
      const auto ids = to_neutral_ids(format, n);
      out.push_back({n, IdSet(ids.begin(), ids.end()), r});
    }
  }
  return out;
}

// Names that grant exactly `ids` when possible: first names whose grant lies
// inside the set (largest first), then for what is left the smallest name
// that covers it (widened), else inexpressible. Written in table order.
std::vector<std::string> names_for(Format format, const IdSet& ids, ToolsRendering& r) {
  const std::vector<Candidate> all = candidates(format);
  IdSet left;
  std::vector<std::pair<std::size_t, std::string>> chosen;  // (rank, name)
  std::vector<std::string> extra;                           // mcp / other, sorted
  for (const auto& id : ids) {
    if (detail::vocabulary_rank(id) < tool_vocabulary().size()) {
      left.insert(id);
    } else if (auto n = from_neutral(format, id)) {
      extra.push_back(*n);
    } else {
      r.inexpressible.push_back(id);
    }
  }
  auto take = [&](const Candidate& c) {
    chosen.emplace_back(c.rank, c.name);
    for (const auto& id : c.grants) left.erase(id);
  };
  while (!left.empty()) {
    const Candidate* best = nullptr;
    std::size_t best_gain = 0;
    for (const auto& c : all) {
      if (!std::includes(ids.begin(), ids.end(), c.grants.begin(), c.grants.end())) continue;
      const auto gain = static_cast<std::size_t>(
          std::count_if(c.grants.begin(), c.grants.end(), [&](auto& id) { return left.contains(id); }));
      if (gain > best_gain) best = &c, best_gain = gain;
    }
    if (best == nullptr) break;
    take(*best);
  }
  for (const auto& id : IdSet(left)) {
    if (!left.contains(id)) continue;
    const Candidate* best = nullptr;
    for (const auto& c : all)
      if (c.grants.contains(id) && (best == nullptr || c.grants.size() < best->grants.size()))
        best = &c;
    if (best == nullptr) {
      r.inexpressible.push_back(id);
      left.erase(id);
    } else {
      r.widened = true;
      take(*best);
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [rank, name] : chosen) out.push_back(std::move(name));
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

Value string_list(const std::vector<std::string>& names, ValueStyle style) {
  std::vector<Value> items;
  for (const auto& n : names) items.push_back(Value::string(n));
  Value v = Value::list(std::move(items));
  v.style = style;
  return v;
}

ToolsRendering render_opencode(const ToolSet& set) {
  ToolsRendering r;
  if (set.mode == ToolMode::All) return r;
  const IdSet ids(set.tools.begin(), set.tools.end());
  const std::vector<std::string> names = names_for(Format::Opencode, ids, r);
  std::vector<std::string> keys;
  std::vector<Value> values;
  const bool allow = set.mode != ToolMode::AllBut;
  if (allow) {
    keys.emplace_back("*");
    values.push_back(Value::boolean(false));
  } else if (!r.inexpressible.empty()) {
    r.widened = true;  // a tool opencode cannot name cannot be denied
  }
  for (const auto& n : names) {
    keys.push_back(n);
    values.push_back(Value::boolean(allow));
  }
  r.value = Value::map(std::move(keys), std::move(values));
  return r;
}

}  // namespace

ToolSet granted_by(Format format, const ToolsRendering& r, const std::string& file) {
  std::vector<Diagnostic> ignored;
  const FrontmatterEntry written{"tools", r.value.value_or(Value::null()), 0, 0,
                                 EntryOrigin::Strict};
  return tool_set_from_frontmatter(format, r.value ? &written : nullptr, nullptr, file, ignored);
}

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

ToolsRendering render_tools(Format format, const ToolSet& set) {
  if (format == Format::Opencode) return render_opencode(set);
  ToolsRendering r;
  const Format names_format = format == Format::Unknown ? Format::Claude : format;
  switch (set.mode) {
    case ToolMode::All: return r;
    case ToolMode::AllBut:  // no deny syntax outside opencode: all tools
      r.widened = true;
      return r;
    case ToolMode::None:
      r.value = string_list({}, ValueStyle::FlowSequence);
      return r;
    case ToolMode::Allow: break;
  }
  const std::vector<std::string> names =
      names_for(names_format, IdSet(set.tools.begin(), set.tools.end()), r);
  if (names.empty()) {
    r.value = string_list({}, ValueStyle::FlowSequence);
  } else if (names_format == Format::Claude) {
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
    r.value = Value::string(joined);
  } else {
    r.value = string_list(names, names_format == Format::Copilot ? ValueStyle::FlowSequence
                                                                 : ValueStyle::BlockSequence);
  }
  return r;
}

}  // namespace agentmerge
