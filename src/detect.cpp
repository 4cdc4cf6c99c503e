// Format detection: the path first, then content signals from a table.
//
//   format_from_path("repo/.claude/agents/api.md")       -> Claude
//   format_from_path("agents/api.agent.md")              -> Copilot
//   detect_format({mode: subagent, tools: {bash: true}}) -> Opencode (3 + 3)
//   detect_format({name: a, tools: "Read, Bash"})        -> Claude   (1 + 2)
//   detect_format({description: x})                      -> Unknown  (no signal)
#include <algorithm>
#include <array>
#include <map>

#include "agentmerge/parse.hpp"
#include "vocabulary.hpp"

namespace agentmerge {

namespace {

struct PathRule {
  std::string_view needle;  // substring of the path with '/' separators
  bool suffix;              // needle must end the path
  Format format;
};

constexpr std::array<PathRule, 12> kPathRules{{
    {".agent.md", true, Format::Copilot},
    {".chatmode.md", true, Format::Copilot},
    {".github/agents/", false, Format::Copilot},
    {".github/chatmodes/", false, Format::Copilot},
    {".claude/agents/", false, Format::Claude},
    // Cursor's agents share Claude's keys (name, description, model); its
    // `readonly` flag is read by apply_readonly.
    {".cursor/agents/", false, Format::Claude},
    {".opencode/agent/", false, Format::Opencode},
    {".opencode/agents/", false, Format::Opencode},
    {".config/opencode/agent", false, Format::Opencode},
    {".qwen/agents/", false, Format::Qwen},
    {".gemini/agents/", false, Format::Gemini},
    // Antigravity CLI, the successor of Gemini CLI, reads Gemini's agent files.
    {".agents/agents/", false, Format::Gemini},
}};

// What a signal checks about the entry `key`.
enum class Test {
  Present,         // the key exists
  OneOf,           // a string value among `values` ("a|b|c")
  BoolMap,         // a map whose values are all booleans
  CommaString,     // a non-empty string (a Claude-style tool string)
  ListNames,       // a list with a name the format's table spells exactly
  ProviderModel,   // "provider/model"
  ClaudeModel,     // an alias or an id starting with "claude-"
  CopilotModel,    // a display name with spaces or capitals ("GPT-4.1", "Claude Sonnet 4")
};

struct Signal {
  Format format;
  std::string_view key;
  Test test;
  int weight;
  std::string_view values = {};
};

// The detection table. Weights: 3 = only this format uses it, 2 = typical,
// 1 = weak hint. The best total wins; a tie or no signal is Unknown.
constexpr std::array<Signal, 27> kSignals{{
    {Format::Opencode, "mode", Test::OneOf, 3, "subagent|primary|all"},
    {Format::Opencode, "tools", Test::BoolMap, 3},
    {Format::Opencode, "permission", Test::Present, 3},
    {Format::Opencode, "top_p", Test::Present, 2},
    {Format::Opencode, "temperature", Test::Present, 1},
    {Format::Opencode, "model", Test::ProviderModel, 2},
    {Format::Opencode, "disable", Test::Present, 1},
    {Format::Copilot, "tools", Test::ListNames, 2},
    {Format::Copilot, "handoffs", Test::Present, 3},
    {Format::Copilot, "target", Test::Present, 3},
    {Format::Copilot, "mcp-servers", Test::Present, 3},
    {Format::Copilot, "argument-hint", Test::Present, 2},
    {Format::Copilot, "infer", Test::Present, 2},
    {Format::Copilot, "model", Test::CopilotModel, 2},
    {Format::Claude, "tools", Test::CommaString, 2},
    {Format::Claude, "tools", Test::ListNames, 2},
    {Format::Claude, "color", Test::Present, 2},
    {Format::Claude, "model", Test::ClaudeModel, 2},
    {Format::Claude, "permissionMode", Test::Present, 3},
    {Format::Claude, "name", Test::Present, 1},
    {Format::Gemini, "kind", Test::Present, 3},
    {Format::Gemini, "max_turns", Test::Present, 3},
    {Format::Gemini, "timeout_mins", Test::Present, 3},
    {Format::Gemini, "tools", Test::ListNames, 2},
    {Format::Qwen, "modelConfig", Test::Present, 3},
    {Format::Qwen, "runConfig", Test::Present, 3},
    {Format::Qwen, "tools", Test::ListNames, 2},
}};

bool one_of(std::string_view value, std::string_view options) {
  std::size_t pos = 0;
  while (pos <= options.size()) {
    std::size_t bar = options.find('|', pos);
    if (bar == std::string_view::npos) bar = options.size();
    if (options.substr(pos, bar - pos) == value) return true;
    pos = bar + 1;
  }
  return false;
}

std::size_t known_items(const Value& v, Format format) {
  return static_cast<std::size_t>(std::count_if(v.items.begin(), v.items.end(), [&](const Value& i) {
    return i.is_string() && detail::names_tool_exactly(format, i.scalar);
  }));
}

// A list whose names this format's table spells exactly, at least as many as
// any other format's table does ("edit" is Copilot's and Qwen's; "read_file"
// both Gemini's and Qwen's: equal counts make a tie, not a guess).
bool list_names(const Value& v, Format format) {
  if (!v.is_list()) return false;
  const std::size_t mine = known_items(v, format);
  if (mine == 0) return false;
  for (Format other : {Format::Claude, Format::Opencode, Format::Copilot, Format::Qwen,
                       Format::Gemini})
    if (known_items(v, other) > mine) return false;
  return true;
}

bool matches(const Signal& s, const Value& v) {
  switch (s.test) {
    case Test::Present: return true;
    case Test::OneOf: return v.is_string() && one_of(v.scalar, s.values);
    case Test::BoolMap:
      return v.is_map() && !v.items.empty() &&
             std::all_of(v.items.begin(), v.items.end(),
                         [](const Value& i) { return i.kind == Value::Kind::Bool; });
    case Test::CommaString: return v.is_string() && !v.scalar.empty();
    case Test::ListNames: return list_names(v, s.format);
    case Test::ProviderModel:
      return v.is_string() && v.scalar.find('/') != std::string::npos &&
             v.scalar.find(' ') == std::string::npos;
    case Test::ClaudeModel:
      return v.is_string() &&
             (one_of(v.scalar, "sonnet|opus|haiku|inherit") || v.scalar.starts_with("claude-"));
    case Test::CopilotModel:
      return v.is_string() && (v.scalar.starts_with("GPT-") ||
                               v.scalar.starts_with("Claude ") ||
                               v.scalar.find("(copilot)") != std::string::npos);
  }
  return false;
}

}  // namespace

bool is_agent_tool_folder(std::string_view folder_name) {
  // The first component of every folder rule: ".github/agents/" -> ".github".
  for (const PathRule& rule : kPathRules) {
    const std::size_t slash = rule.needle.find('/');
    if (rule.needle.starts_with('.') && slash != std::string_view::npos &&
        rule.needle.substr(0, slash) == folder_name)
      return true;
  }
  return false;
}

bool looks_like_agent(std::string_view path, std::string_view head) {
  if (format_from_path(path)) return true;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  auto next_line = [&head]() {
    const std::size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    head = nl == std::string_view::npos ? std::string_view{} : head.substr(nl + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
  };
  if (next_line() != "---") return false;
  while (!head.empty()) {
    const std::string_view line = next_line();
    if (line == "---" || line == "...") return false;
    for (std::string_view key : {"name", "description"}) {
      if (!line.starts_with(key)) continue;
      const std::string_view rest = line.substr(key.size());
      const std::size_t colon = rest.find_first_not_of(" \t");
      if (colon != std::string_view::npos && rest[colon] == ':') return true;
    }
  }
  return false;
}

std::optional<Format> format_from_path(std::string_view path) {
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  for (const PathRule& rule : kPathRules) {
    const bool hit =
        rule.suffix ? p.ends_with(rule.needle) : p.find(rule.needle) != std::string::npos;
    if (hit) return rule.format;
  }
  return std::nullopt;
}

Format detect_format(const Frontmatter& frontmatter) {
  std::map<Format, int> score;
  for (const Signal& s : kSignals) {
    const FrontmatterEntry* e = frontmatter.find(s.key);
    if (e != nullptr && matches(s, e->value)) score[s.format] += s.weight;
  }
  Format best = Format::Unknown;
  int best_score = 0;
  bool tie = false;
  for (const auto& [format, total] : score) {
    if (total > best_score) {
      best = format;
      best_score = total;
      tie = false;
    } else if (total == best_score) {
      tie = true;
    }
  }
  return tie ? Format::Unknown : best;
}

}  // namespace agentmerge
