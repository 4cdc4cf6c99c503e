// Target value rules (see target_values.hpp).
#include "target_values.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "agentmerge/lint.hpp"
#include "convert_internal.hpp"

namespace agentmerge::detail {
namespace {

// Claude Code's agent colours.
constexpr std::array<std::string_view, 8> kClaudeColors = {"red",    "blue", "green", "yellow",
                                                           "purple", "orange", "pink", "cyan"};

bool claude_color(std::string_view v) {
  return std::find(kClaudeColors.begin(), kClaudeColors.end(), v) != kClaudeColors.end();
}

struct ValueRule {
  std::string_view key;
  Format format;  // Unknown: every format
  bool (*accepts)(Format, const std::string&);
};

const std::array<ValueRule, 2> kValueRules = {{
    {"model", Format::Unknown, [](Format f, const std::string& v) { return is_known_model(f, v); }},
    {"color", Format::Claude, [](Format, const std::string& v) { return claude_color(v); }},
}};

bool name_char(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return std::isalnum(c) != 0 || c == '-' || c == '_' || c >= 0x80;
}

}  // namespace

bool target_accepts(Format target, std::string_view key, const Value& value) {
  if (!value.is_string()) return true;
  for (const ValueRule& r : kValueRules) {
    if (r.key != key || (r.format != Format::Unknown && r.format != target)) continue;
    if (!r.accepts(target, value.scalar)) return false;
  }
  return true;
}

std::string target_spelling(Format target, std::string_view name) {
  // The spelling convert writes for the target (convert_detail::slug).
  if (!convert_detail::uses_identifier_names(target)) return std::string(name);
  std::string s = convert_detail::slug(name);
  return s.empty() ? std::string(name) : s;
}

std::string rename_mentions(const std::string& text, const std::vector<std::string>& names,
                            const std::string& merged, int& count) {
  std::string out = text;
  for (const std::string& n : names) {
    if (n.empty() || n == merged) continue;
    for (std::size_t at = out.find(n); at != std::string::npos; at = out.find(n, at)) {
      const bool before = at > 0 && name_char(out[at - 1]);
      const bool after = at + n.size() < out.size() && name_char(out[at + n.size()]);
      if (before || after) {
        at += n.size();
        continue;
      }
      out.replace(at, n.size(), merged);
      at += merged.size();
      ++count;
    }
  }
  return out;
}

}  // namespace agentmerge::detail
