// The model table and the small helpers every conversion shares (see
// convert_internal.hpp). map_model lives here too: the table plus the
// provider-prefix rule.
#include <algorithm>
#include <array>
#include <cctype>

#include "agentmerge/convert.hpp"
#include "agentmerge/tools.hpp"
#include "convert_internal.hpp"

namespace agentmerge {

namespace convert_detail {

namespace {

// Columns: claude, opencode, copilot, gemini, codex, kiro.
const std::vector<ModelRow> kModelTable = {
    {{"sonnet"},
     {"anthropic/claude-sonnet-4-5"},
     {"Claude Sonnet 4.5", "claude-sonnet-4.5"},
     {},
     {},
     {"claude-sonnet-4.5"}},
    {{"opus"}, {"anthropic/claude-opus-4-1"}, {"Claude Opus 4.1", "claude-opus-4.1"}, {}, {}, {}},
    {{"haiku"},
     {"anthropic/claude-haiku-4-5"},
     {"Claude Haiku 4.5", "claude-haiku-4.5"},
     {},
     {},
     {"claude-haiku-4.5"}},
    {{"claude-sonnet-4-20250514"},
     {"anthropic/claude-sonnet-4-20250514"},
     {"Claude Sonnet 4", "claude-sonnet-4"},
     {},
     {},
     {"claude-sonnet-4"}},
    {{"claude-opus-4-20250514"}, {"anthropic/claude-opus-4-20250514"}, {"Claude Opus 4"}, {}, {}, {}},
    {{"claude-3-5-sonnet-latest"},
     {"anthropic/claude-3-5-sonnet-latest"},
     {"Claude Sonnet 3.5", "claude-3.5-sonnet"},
     {},
     {},
     {}},
    {{}, {"openai/gpt-4.1"}, {"GPT-4.1"}, {}, {"gpt-4.1"}, {}},
    {{}, {"openai/gpt-4o"}, {"GPT-4o"}, {}, {"gpt-4o"}, {}},
    {{}, {"openai/gpt-5"}, {"GPT-5"}, {}, {"gpt-5"}, {}},
    {{}, {"openai/gpt-5-mini"}, {"GPT-5 mini"}, {}, {"gpt-5-mini"}, {}},
    {{}, {"openai/gpt-5-codex"}, {}, {}, {"gpt-5-codex"}, {}},
    {{}, {"google/gemini-2.5-pro"}, {"Gemini 2.5 Pro"}, {"gemini-2.5-pro"}, {}, {}},
    {{}, {"google/gemini-2.5-flash"}, {"Gemini 2.5 Flash"}, {"gemini-2.5-flash"}, {}, {}},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const std::vector<ModelRow>& model_table() { return kModelTable; }

ModelColumn model_column(Format f) {
  switch (f) {
    case Format::Claude: return &ModelRow::claude;
    case Format::Opencode: return &ModelRow::opencode;
    case Format::Copilot: return &ModelRow::copilot;
    case Format::Gemini: return &ModelRow::gemini;
    case Format::Qwen: return nullptr;
    case Format::Unknown: return &ModelRow::claude;
  }
  return nullptr;
}

ModelColumn model_column(ExternalFormat f) {
  return f == ExternalFormat::Codex ? &ModelRow::codex : &ModelRow::kiro;
}

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

std::optional<std::string> map_model_by_table(ModelColumn from, ModelColumn to,
                                              std::string_view model) {
  if (from == nullptr || to == nullptr) return std::nullopt;
  const std::string key = model_key(model);
  for (const ModelRow& row : kModelTable) {
    const auto& src = row.*from;
    const auto& dst = row.*to;
    if (dst.empty()) continue;
    const bool hit = std::any_of(src.begin(), src.end(),
                                 [&](const std::string& m) { return model_key(m) == key; });
    if (hit) return dst.front();
  }
  return std::nullopt;
}

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

}  // namespace convert_detail

namespace {

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

Format effective(Format f) { return f == Format::Unknown ? Format::Claude : f; }

}  // namespace

std::optional<std::string> map_model(Format from, Format to, std::string_view model) {
  using namespace convert_detail;
  from = effective(from);
  to = effective(to);
  if (from == to) return std::string(model);
  if (auto hit = map_model_by_table(model_column(from), model_column(to), model)) return hit;
  const std::string key = model_key(model);
  for (const PrefixRule& rule : kPrefixRules) {
    if (from == rule.format && to == Format::Opencode && key.starts_with(rule.stem_prefix))
      return std::string(rule.opencode_prefix) + key;
    if (from == Format::Opencode && to == rule.format && key.starts_with(rule.opencode_prefix) &&
        key.substr(rule.opencode_prefix.size()).starts_with(rule.stem_prefix))
      return key.substr(rule.opencode_prefix.size());
  }
  return std::nullopt;
}

}  // namespace agentmerge
