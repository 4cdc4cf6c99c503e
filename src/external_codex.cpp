// Codex custom agents (.codex/agents/NAME.toml): writing and reading.
//
//   name = "api"
//   description = "..."
//   model = "gpt-5"
//   sandbox_mode = "read-only"
//   developer_instructions = """<body>"""
//
// Codex has no tool list: every agent has a shell and a patch tool, and
// `sandbox_mode` decides whether they may write ("read-only",
// "workspace-write", "danger-full-access"; absent: the parent session's).
// toml++ writes every value, so quotes, backslashes and `"""` in the body
// are escaped by the library.
#include <algorithm>
#include <array>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "convert_external.hpp"
#include "convert_internal.hpp"

namespace agentmerge::external_detail {

namespace {

using convert_detail::note;

// What Codex grants with a read-only sandbox, and what writing adds.
const std::vector<std::string> kReadOnlyIds = {"glob", "grep", "list", "read", "shell"};
const std::vector<std::string> kWriteIds = {"edit", "multiedit", "patch", "write"};

constexpr std::string_view kReadOnly = "read-only";
constexpr std::string_view kWorkspaceWrite = "workspace-write";
constexpr std::string_view kFullAccess = "danger-full-access";

int tools_line(const AgentFile& src) {
  const FrontmatterEntry* e = src.frontmatter.find("tools");
  return e != nullptr ? e->line : 0;
}

ToolSet codex_grant(bool writes) {
  std::vector<std::string> ids = kReadOnlyIds;
  if (writes) ids.insert(ids.end(), kWriteIds.begin(), kWriteIds.end());
  std::sort(ids.begin(), ids.end());
  return ToolSet{ToolMode::Allow, std::move(ids)};
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

// One `key = value` line, written by toml++ (escaping included).
std::string toml_line(std::string_view key, const std::string& value, toml::format_flags flags) {
  toml::table t;
  t.insert(key, value);
  std::ostringstream ss;
  ss << toml::toml_formatter(t, flags);
  return ss.str() + "\n";
}

}  // namespace

CodexTools codex_tools(const AgentFile& src, const ToolSet& set, std::vector<Diagnostic>& notes) {
  if (set.mode == ToolMode::All) return {std::nullopt, set};
  const int line = tools_line(src);
  const bool writes =
      std::any_of(kWriteIds.begin(), kWriteIds.end(), [&](const auto& id) { return set.allows(id); });
  CodexTools out{std::string(writes ? kWorkspaceWrite : kReadOnly), codex_grant(writes)};
  std::vector<std::string> widened;
  for (const auto& id : out.granted.tools)
    if (!set.allows(id)) widened.push_back(id);
  if (!widened.empty()) {
    notes.push_back(note(Severity::Warning, src, line, "tools-widened",
                         "codex cannot list tools: sandbox_mode '" + *out.sandbox_mode +
                             "' also grants " + joined(widened) + ", which the source does not"));
  }
  if (set.mode == ToolMode::AllBut) {
    notes.push_back(note(Severity::Warning, src, line, "tools-narrowed",
                         "codex grants only its shell and file tools; the all-but grant's other "
                         "tools (web, tasks, MCP, ...) are not granted"));
  }
  for (const auto& id : set.tools) {
    if (set.mode == ToolMode::Allow && !out.granted.allows(id)) {
      notes.push_back(note(Severity::Warning, src, line, "tool-inexpressible",
                           "tool '" + id + "' has no equivalent in codex; not granted"));
    }
  }
  return out;
}

std::string write_codex(const ExternalAgent& agent, const std::optional<std::string>& sandbox_mode) {
  const auto plain = toml::format_flags::allow_unicode_strings;
  const auto multi = plain | toml::format_flags::allow_multi_line_strings |
                     toml::format_flags::allow_real_tabs_in_strings;
  std::string out = toml_line("name", agent.name, plain);
  if (!agent.description.empty()) out += toml_line("description", agent.description, plain);
  if (agent.model) out += toml_line("model", *agent.model, plain);
  if (sandbox_mode) out += toml_line("sandbox_mode", *sandbox_mode, plain);
  // TOML drops a line break right after the opening """, and toml++ does not
  // escape it: such a prompt is written as a one-line string with \n.
  out += toml_line("developer_instructions", agent.prompt,
                   agent.prompt.starts_with('\n') ? plain : multi);
  return out;
}

namespace {

// sandbox_mode -> the grant it means when read back as a Claude agent.
// Claude cannot limit Bash to reading, so a read-only shell is not granted.
ToolSet read_sandbox(const std::string& mode, const std::string& file, int line,
                     std::vector<Diagnostic>& notes) {
  if (mode == kWorkspaceWrite || mode == kFullAccess) {
    if (mode == kWorkspaceWrite) {
      notes.push_back({Severity::Warning, file, line, "sandbox-inexpressible",
                       "sandbox_mode 'workspace-write' keeps writes inside the workspace; "
                       "claude cannot say this: the shell and file tools are granted without "
                       "that limit"});
    }
    return codex_grant(true);
  }
  if (mode != kReadOnly) {
    notes.push_back({Severity::Warning, file, line, "sandbox-unknown",
                     "sandbox_mode '" + mode + "' is not a codex sandbox; read as 'read-only'"});
  }
  notes.push_back({Severity::Warning, file, line, "sandbox-inexpressible",
                   "sandbox_mode 'read-only' limits the shell to reading; claude cannot limit "
                   "Bash, so the shell is not granted"});
  ToolSet set = codex_grant(false);
  set.tools.erase(std::remove(set.tools.begin(), set.tools.end(), "shell"), set.tools.end());
  return set;
}

// The line of the first non-ASCII byte outside strings and comments, or 0.
// TOML allows non-ASCII text only there. toml++ 3.3's whitespace lookup
// reaches an unreachable branch (undefined behaviour, found by fuzz_readers)
// for some code points in token positions (U+00A1..U+0499 and others), so
// such a file is refused before toml++ sees it.
int non_ascii_outside_strings(std::string_view t) {
  enum class In { Code, Comment, Basic, Literal, MlBasic, MlLiteral } in = In::Code;
  int line = 1;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
      if (in == In::Comment || in == In::Basic || in == In::Literal) in = In::Code;
      continue;
    }
    const auto three = [&](char q) {
      return t.substr(i, 3) == (q == '"' ? std::string_view("\"\"\"") : std::string_view("'''"));
    };
    switch (in) {
      case In::Code:
        if (static_cast<unsigned char>(c) >= 0x80) return line;
        if (c == '#') in = In::Comment;
        if (c == '"') in = three('"') ? (i += 2, In::MlBasic) : In::Basic;
        if (c == '\'') in = three('\'') ? (i += 2, In::MlLiteral) : In::Literal;
        break;
      case In::Comment: break;
      case In::Basic:
      case In::MlBasic:
        if (c == '\\') {
          ++i;
        } else if (in == In::Basic && c == '"') {
          in = In::Code;
        } else if (in == In::MlBasic && three('"')) {
          i += 2;
          in = In::Code;
        }
        break;
      case In::Literal:
        if (c == '\'') in = In::Code;
        break;
      case In::MlLiteral:
        if (three('\'')) {
          i += 2;
          in = In::Code;
        }
        break;
    }
  }
  return 0;
}

}  // namespace

Result<ReadAgent> read_codex(std::string_view text, const std::string& file,
                             std::vector<Diagnostic>& notes) {
  if (const int at = non_ascii_outside_strings(text); at != 0) {
    return Error{file, at, "bad-toml", "non-ASCII character outside a string or comment"};
  }
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& err) {
    return Error{file, static_cast<int>(err.source().begin.line), "bad-toml",
                 std::string(err.description())};
  }
  ReadAgent r;
  r.tools = ToolSet{ToolMode::All, {}};
  std::vector<std::pair<int, std::string>> keys;  // source order
  for (const auto& [key, node] : table)
    keys.emplace_back(static_cast<int>(node.source().begin.line), std::string(key.str()));
  std::sort(keys.begin(), keys.end());
  const std::array<std::pair<std::string_view, std::string*>, 3> strings{{
      {"name", &r.agent.name},
      {"description", &r.agent.description},
      {"developer_instructions", &r.agent.prompt},
  }};
  for (const auto& [line, key] : keys) {
    const auto value = table[key].value<std::string>();
    const auto hit = std::find_if(strings.begin(), strings.end(),
                                  [&, &k = key](const auto& s) { return s.first == k; });
    if (value && hit != strings.end()) {
      *hit->second = *value;
    } else if (value && key == "model") {
      r.agent.model = *value;
      r.model_line = line;
    } else if (value && key == "sandbox_mode") {
      r.tools = read_sandbox(*value, file, line, notes);
      r.tools_line = line;
    } else {
      notes.push_back({Severity::Warning, file, line, "key-dropped",
                       "'" + key + "' has no place in claude; dropped"});
    }
  }
  return r;
}

}  // namespace agentmerge::external_detail
