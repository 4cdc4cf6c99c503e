// Lint: rules over a parsed agent file, on top of the parse diagnostics.
//
//   ---                       a.md:2: error: name 'api:v2' contains ':' [invalid-name]
//   name: api:v2         ->   a.md:1: error: missing required key 'description' [missing-key]
//   tools: Read, Fly          a.md:3: warning: unknown tool 'Fly' for claude [unknown-tool]
//   model: gpt-9              a.md:4: warning: unknown model 'gpt-9' for claude [unknown-model]
//   ---                       a.md:5: warning: the body is empty [empty-body]
//
// Every rule's table lives here; docs/lint.md lists the codes.
#include <algorithm>
#include <array>
#include <regex>

#include "agentmerge/lint.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/suggest.hpp"
#include "agentmerge/tools.hpp"
#include "vocabulary.hpp"

namespace agentmerge {

namespace {

struct RequiredKeys {
  Format format;
  std::vector<std::string_view> keys;
};

const std::array<RequiredKeys, 6> kRequired{{
    {Format::Claude, {"name", "description"}},
    {Format::Opencode, {"description"}},
    {Format::Copilot, {"description"}},
    {Format::Gemini, {"name", "description"}},
    {Format::Qwen, {"name", "description"}},
    {Format::Unknown, {"description"}},
}};

// Model values each format documents, as patterns (case-insensitive).
struct ModelRule {
  Format format;
  std::string_view pattern;
};

const std::array<ModelRule, 8> kModels{{
    {Format::Claude, "sonnet|opus|haiku|inherit|opusplan|claude-[a-z0-9.-]+"},
    {Format::Opencode, "[a-z0-9._-]+/[a-z0-9._:@-]+"},
    {Format::Copilot,
     "(gpt-[0-9][a-z0-9.-]*( mini)?|claude (sonnet|opus|haiku) [0-9.]+|"
     "gemini [0-9.]+ (pro|flash)|o[0-9]+(-mini)?|grok code fast [0-9]+|raptor mini)"
     "( \\(preview\\))?( \\(copilot\\))?"},
    {Format::Gemini, "gemini-[0-9a-z.-]+"},
    {Format::Qwen, "qwen[0-9a-z.-]*|[a-z0-9._-]+/[a-z0-9._:@-]+"},
    // Unknown format: anything one of the formats accepts.
    {Format::Unknown, "sonnet|opus|haiku|inherit|claude-[a-z0-9.-]+|[a-z0-9._-]+/[a-z0-9._:@-]+"},
    {Format::Unknown, "gpt-[0-9][a-z0-9.-]*|claude (sonnet|opus|haiku) [0-9.]+"},
    {Format::Unknown, "gemini-[0-9a-z.-]+|qwen[0-9a-z.-]*"},
}};

// Names a format documents that have no neutral id (no other format has
// them): known, so not reported, yet written as they are.
struct KnownOther {
  Format format;
  std::vector<std::string_view> names;
  std::vector<std::string_view> prefixes;  // "read/" covers "read/problems"
};

const std::array<KnownOther, 2> kKnownOther{{
    {Format::Claude,
     {"TaskCreate", "TaskUpdate", "TaskList", "TaskGet", "TaskOutput", "TaskStop", "SendMessage",
      "AskUserQuestion", "EnterPlanMode", "LSP", "ListMcpResourcesTool", "ReadMcpResourceTool"},
     {}},
    {Format::Copilot,
     {"codebase", "problems", "usages", "changes", "githubRepo", "runTests", "runTasks",
      "testFailure", "findTestFiles", "openSimpleBrowser", "extensions", "vscodeAPI", "new",
      "searchResults", "terminalLastCommand", "terminalSelection", "vscode", "runNotebooks"},
     {"edit/", "execute/", "read/", "search/", "web/", "agent/", "vscode/", "todo/",
      "runCommands/", "runTasks/", "runNotebooks/"}},
}};

// Model names offered as "did you mean" (the patterns above cannot be
// enumerated): each format's documented aliases and current ids.
struct ModelNames {
  Format format;
  std::vector<std::string> names;
};

const std::array<ModelNames, 5> kModelNames{{
    {Format::Claude, {"sonnet", "opus", "haiku", "inherit", "opusplan"}},
    {Format::Copilot,
     {"GPT-4.1", "GPT-5", "GPT-5 mini", "Claude Sonnet 4", "Claude Sonnet 4.5", "Claude Opus 4.1",
      "Gemini 2.5 Pro", "Grok Code Fast 1"}},
    {Format::Gemini, {"gemini-2.5-pro", "gemini-2.5-flash"}},
    {Format::Qwen, {"qwen3-coder-plus"}},
    {Format::Opencode, {"anthropic/claude-sonnet-4", "openai/gpt-5", "google/gemini-2.5-pro"}},
}};

// " (did you mean 'X'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto near = closest_word(word, candidates);
  return near ? " (did you mean '" + *near + "'?)" : "";
}

std::vector<std::string> tool_names(Format format) {
  std::vector<std::string> out;
  for (const auto& row : tool_vocabulary())
    for (const auto& n : detail::column(row, format)) out.push_back(n);
  for (const auto& k : kKnownOther)
    if (k.format == format) out.insert(out.end(), k.names.begin(), k.names.end());
  return out;
}

const std::vector<std::string>& model_names(Format format) {
  static const std::vector<std::string> none;
  for (const auto& m : kModelNames)
    if (m.format == format) return m.names;
  return none;
}

bool known_other(Format format, std::string_view name) {
  for (const auto& k : kKnownOther) {
    if (k.format != format) continue;
    if (std::find(k.names.begin(), k.names.end(), name) != k.names.end()) return true;
    for (auto p : k.prefixes)
      if (name.starts_with(p)) return true;
  }
  return false;
}

Diagnostic finding(const AgentFile& f, Severity s, int line, std::string code, std::string msg) {
  return Diagnostic{s, f.source_name, line, std::move(code), std::move(msg)};
}

void check_required(const AgentFile& f, std::vector<Diagnostic>& out) {
  if (f.frontmatter.mode == FrontmatterMode::Absent) {
    out.push_back(finding(f, Severity::Warning, 1, "no-frontmatter",
                          "the file has no frontmatter; its name comes from the file name"));
    return;
  }
  for (const auto& r : kRequired) {
    if (r.format != f.format) continue;
    for (auto key : r.keys) {
      const FrontmatterEntry* e = f.frontmatter.find(key);
      if (e == nullptr || (e->value.is_string() && e->value.scalar.empty()) || e->value.is_null())
        out.push_back(finding(f, Severity::Error, f.frontmatter.open_line, "missing-key",
                              "missing required key '" + std::string(key) + "' for " +
                                  std::string(to_string(f.format))));
    }
  }
  const FrontmatterEntry* name = f.frontmatter.find("name");
  if (f.format == Format::Claude && name != nullptr &&
      name->value.scalar.find(':') != std::string::npos) {
    out.push_back(finding(f, Severity::Error, name->line, "invalid-name",
                          "name '" + name->value.scalar + "' contains ':', which Claude does not "
                          "accept in an agent name"));
  }
}

// The tool names as written: a comma string, a list, or a map's keys.
std::vector<std::pair<std::string, int>> written_tools(const FrontmatterEntry& e) {
  std::vector<std::pair<std::string, int>> out;
  const Value& v = e.value;
  if (v.is_map()) {
    for (std::size_t i = 0; i < v.map_keys.size(); ++i)
      if (v.map_keys[i] != "*") out.emplace_back(v.map_keys[i], v.items[i].line);
  } else if (v.is_list()) {
    for (const auto& item : v.items)
      if (item.is_string() && item.scalar != "*") out.emplace_back(item.scalar, item.line);
  } else if (v.is_string()) {
    std::size_t pos = 0;
    while (pos <= v.scalar.size()) {
      std::size_t comma = v.scalar.find(',', pos);
      if (comma == std::string::npos) comma = v.scalar.size();
      std::string name = v.scalar.substr(pos, comma - pos);
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      if (!name.empty()) out.emplace_back(name, e.line);
      pos = comma + 1;
    }
  }
  return out;
}

void check_tools(const AgentFile& f, std::vector<Diagnostic>& out) {
  const FrontmatterEntry* e = f.frontmatter.find("tools");
  if (e == nullptr || f.format == Format::Unknown) return;
  for (const auto& [name, line] : written_tools(*e)) {
    const std::string id = to_neutral(f.format, name);
    if (!id.starts_with("other:") || known_other(f.format, name)) continue;
    // Copilot names MCP servers and extension tools freely ("github",
    // "pgsql_query"): an unknown name there cannot be judged, only noted.
    const Severity s = f.format == Format::Copilot ? Severity::Note : Severity::Warning;
    out.push_back(finding(f, s, line > 0 ? line : e->line, "unknown-tool",
                          "unknown tool '" + name + "' for " + std::string(to_string(f.format)) +
                              did_you_mean(name, tool_names(f.format))));
  }
}

void check_model(const AgentFile& f, std::vector<Diagnostic>& out) {
  const FrontmatterEntry* e = f.frontmatter.find("model");
  if (e == nullptr) return;
  std::vector<const Value*> values;
  if (e->value.is_list()) {
    for (const auto& v : e->value.items) values.push_back(&v);
  } else {
    values.push_back(&e->value);
  }
  for (const Value* v : values) {
    if (v->is_string() && is_known_model(f.format, v->scalar)) continue;
    out.push_back(finding(f, Severity::Warning, v->line > 0 ? v->line : e->line, "unknown-model",
                          v->scalar.empty() ? "model has no value"
                                            : "unknown model '" + v->scalar + "' for " +
                                                  std::string(to_string(f.format)) +
                                                  did_you_mean(v->scalar, model_names(f.format))));
  }
}

// Keys a tool still reads but has replaced.
struct DeprecatedKey {
  Format format;
  std::string_view key;
  std::string_view instead;
};

constexpr DeprecatedKey kDeprecatedKeys[] = {
    {Format::Opencode, "maxSteps", "steps"},
    {Format::Copilot, "infer", "disable-model-invocation (and user-invocable)"},
};

void check_deprecated(const AgentFile& f, std::vector<Diagnostic>& out) {
  for (const auto& d : kDeprecatedKeys) {
    if (d.format != f.format) continue;
    if (const FrontmatterEntry* e = f.frontmatter.find(d.key)) {
      out.push_back(finding(f, Severity::Warning, e->line, "deprecated-key",
                            "'" + std::string(d.key) + "' is deprecated in " +
                                std::string(to_string(f.format)) + "; use " +
                                std::string(d.instead)));
    }
  }
}

void check_body(const AgentFile& f, std::vector<Diagnostic>& out) {
  if (f.body.text.find_first_not_of(" \t\n") == std::string::npos) {
    out.push_back(finding(f, Severity::Warning, f.body.first_line, "empty-body",
                          "the body is empty: the agent has no instructions"));
  }
  const std::size_t limit = body_char_limit(f.format);
  if (limit == 0) return;
  const std::size_t chars = body_chars(f.body.text);
  if (chars > limit) {
    out.push_back(finding(f, Severity::Warning, f.body.first_line, "body-too-long",
                          "the body has " + std::to_string(chars) + " characters; " +
                              std::string(to_string(f.format)) + " reads at most " +
                              std::to_string(limit) + " (merge --budget can shorten a merge)"));
  }
}

}  // namespace

bool is_known_model(Format format, const std::string& model) {
  // Compiled once: building a std::regex costs far more than matching it.
  static const std::vector<std::regex> compiled = [] {
    std::vector<std::regex> out;
    for (const auto& rule : kModels) out.emplace_back(std::string(rule.pattern), std::regex::icase);
    return out;
  }();
  // No documented model id is anywhere near this long; std::regex recurses
  // per character and would overflow the stack on a value of 60,000.
  constexpr std::size_t kLongestModel = 200;
  if (model.size() > kLongestModel) return false;
  for (std::size_t i = 0; i < kModels.size(); ++i)
    if (kModels[i].format == format && std::regex_match(model, compiled[i])) return true;
  return false;
}

std::vector<Diagnostic> lint(const AgentFile& file) {
  std::vector<Diagnostic> out = file.diagnostics;
  check_required(file, out);
  check_tools(file, out);
  check_model(file, out);
  check_deprecated(file, out);
  check_body(file, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  return out;
}

}  // namespace agentmerge
