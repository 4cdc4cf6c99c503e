// Kiro custom agents (.kiro/agents/NAME.json): writing and reading.
//
//   {"name": "api", "description": "...", "prompt": "<body>",
//    "tools": ["read", "grep", "@context7/resolve"], "model": "claude-sonnet-4.5"}
//
// `tools` is an allowlist ("*" = every tool, "@builtin" = every built-in
// tool, "@server" = every tool of an MCP server); Kiro has no way to deny a
// single tool. Tool names come from the Kiro column of the vocabulary
// (src/vocabulary.cpp).
#include <algorithm>
#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "convert_external.hpp"
#include "convert_internal.hpp"
#include "vocabulary.hpp"

namespace agentmerge::external_detail {

namespace {

using Json = nlohmann::ordered_json;
using convert_detail::note;

// Kiro built-in tools with no neutral id: written as read, without the
// "unknown tool" warning.
constexpr std::array<std::string_view, 11> kKiroOwnTools{
    "aws",  "use_aws", "introspect",  "knowledge", "thinking",           "delegate",
    "code", "report",  "report_issue", "gh_issue", "switch_to_execution"};

int tools_line(const AgentFile& src) {
  const FrontmatterEntry* e = src.frontmatter.find("tools");
  return e != nullptr ? e->line : 0;
}

bool kiro_own(std::string_view id) {
  return id.starts_with("other:") &&
         std::find(kKiroOwnTools.begin(), kKiroOwnTools.end(), id.substr(6)) != kKiroOwnTools.end();
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

// An allowlist in Kiro names, in vocabulary order; a tool Kiro cannot name,
// or names only with a wider alias, is left out and reported.
KiroTools allow_list(const AgentFile& src, const ToolSet& set, int line,
                     std::vector<Diagnostic>& notes) {
  std::vector<std::pair<std::size_t, std::string>> chosen;  // (rank, name)
  std::set<std::string> granted;
  for (const std::string& id : set.tools) {
    const auto name = detail::kiro_from_neutral(id);
    if (!name) {
      notes.push_back(note(Severity::Warning, src, line, "tool-inexpressible",
                           "tool '" + id + "' has no name in kiro; not granted"));
      continue;
    }
    const auto ids = detail::kiro_to_neutral_ids(*name);
    if (!std::includes(set.tools.begin(), set.tools.end(), ids.begin(), ids.end())) {
      notes.push_back(note(Severity::Warning, src, line, "tool-would-widen",
                           "tool '" + id + "' would read as " + joined(ids) +
                               " in kiro; not granted"));
      continue;
    }
    if (id.starts_with("other:") && !kiro_own(id)) {
      notes.push_back(note(Severity::Warning, src, line, "tool-unknown",
                           "tool '" + id.substr(6) +
                               "' is in no vocabulary; written as is, kiro may not know it"));
    }
    if (std::any_of(chosen.begin(), chosen.end(), [&](const auto& c) { return c.second == *name; }))
      continue;
    chosen.emplace_back(detail::vocabulary_rank(id), *name);
    granted.insert(ids.begin(), ids.end());
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  KiroTools out;
  for (auto& [rank, name] : chosen) out.names.push_back(std::move(name));
  out.granted = ToolSet{granted.empty() ? ToolMode::None : ToolMode::Allow,
                        {granted.begin(), granted.end()}};
  return out;
}

// Every neutral id Kiro has a name for.
std::vector<std::string> kiro_builtin_ids() {
  std::vector<std::string> ids;
  for (const ToolVocabularyRow& row : tool_vocabulary())
    if (!detail::kiro_column(row.id).empty()) ids.push_back(row.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

int line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

ToolSet read_tools(const Json& list, const std::string& file, std::vector<Diagnostic>& notes) {
  std::set<std::string> ids;
  for (const Json& item : list) {
    if (!item.is_string()) {
      notes.push_back({Severity::Warning, file, 0, "tools-not-string",
                       "a tools entry is not a string; ignored"});
      continue;
    }
    const std::string name = item.get<std::string>();
    if (name == "*") return ToolSet{ToolMode::All, {}};
    const auto add = name == "@builtin" ? kiro_builtin_ids() : detail::kiro_to_neutral_ids(name);
    ids.insert(add.begin(), add.end());
  }
  return ToolSet{ids.empty() ? ToolMode::None : ToolMode::Allow, {ids.begin(), ids.end()}};
}

std::string json_kind(const Json& v) {
  if (v.is_object()) return "an object of " + std::to_string(v.size());
  if (v.is_array()) return "a list of " + std::to_string(v.size());
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  return v.dump();
}

}  // namespace

KiroTools kiro_tools(const AgentFile& src, const ToolSet& set, std::vector<Diagnostic>& notes) {
  const int line = tools_line(src);
  switch (set.mode) {
    case ToolMode::All: return {{"*"}, set};
    case ToolMode::None: return {{}, set};
    case ToolMode::Allow: return allow_list(src, set, line, notes);
    case ToolMode::AllBut: break;
  }
  ToolSet allow{ToolMode::Allow, {}};
  for (const std::string& id : kiro_builtin_ids())
    if (!std::binary_search(set.tools.begin(), set.tools.end(), id)) allow.tools.push_back(id);
  notes.push_back(note(Severity::Warning, src, line, "tools-narrowed",
                       "kiro cannot deny single tools; the all-but grant is written as an "
                       "explicit allowlist, so tools outside the vocabulary (MCP, unknown "
                       "names) are no longer granted"));
  return allow_list(src, allow, line, notes);
}

std::string write_kiro(const ExternalAgent& agent, const std::vector<std::string>& tools) {
  Json j = Json::object();
  j["name"] = agent.name;
  if (!agent.description.empty()) j["description"] = agent.description;
  j["prompt"] = agent.prompt;
  j["tools"] = tools;
  if (agent.model) j["model"] = *agent.model;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<ReadAgent> read_kiro(std::string_view text, const std::string& file,
                            std::vector<Diagnostic>& notes) {
  Json j;
  try {
    j = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    return Error{file, line_of_offset(text, e.byte == 0 ? 0 : e.byte - 1), "bad-json", e.what()};
  } catch (const Json::out_of_range& e) {
    // A number too large for a double ("2e324"): nlohmann throws this
    // instead of a parse_error (found by fuzz_readers). Its message quotes
    // the number; the line is where it first occurs.
    const std::string what = e.what();
    const auto q = what.find('\'');
    const auto q2 = q == std::string::npos ? q : what.find('\'', q + 1);
    const std::string number = q2 == std::string::npos ? "" : what.substr(q + 1, q2 - q - 1);
    const auto at = number.empty() ? std::string_view::npos : text.find(number);
    return Error{file, line_of_offset(text, at == std::string_view::npos ? 0 : at), "bad-json",
                 "a number out of range: " + (number.empty() ? what : number)};
  }
  if (!j.is_object()) return Error{file, 1, "not-an-agent", "a Kiro agent is a JSON object"};
  ReadAgent r;
  r.tools = ToolSet{ToolMode::None, {}};
  const std::array<std::pair<std::string_view, std::string*>, 4> strings{{
      {"name", &r.agent.name},
      {"description", &r.agent.description},
      {"prompt", &r.agent.prompt},
      {"model", nullptr},
  }};
  for (const auto& [key, value] : j.items()) {
    const auto hit = std::find_if(strings.begin(), strings.end(),
                                  [&, &k = key](const auto& s) { return s.first == k; });
    if (key == "tools" && value.is_array()) {
      r.tools = read_tools(value, file, notes);
    } else if (hit != strings.end() && value.is_string()) {
      if (hit->second != nullptr) *hit->second = value.get<std::string>();
      else r.agent.model = value.get<std::string>();
    } else {
      notes.push_back({Severity::Warning, file, 0, "key-dropped",
                       "'" + key + "' (" + json_kind(value) +
                           ") has no place in claude; dropped"});
    }
  }
  if (r.agent.prompt.starts_with("file://")) {
    notes.push_back({Severity::Warning, file, 0, "prompt-file-uri",
                     "the prompt is read from '" + r.agent.prompt +
                         "', which is not followed: the body holds only that reference"});
  }
  if (!j.contains("tools")) {
    notes.push_back({Severity::Note, file, 0, "tools-absent",
                     "no tools key: the agent is read as granting no tools"});
  }
  return r;
}

}  // namespace agentmerge::external_detail
