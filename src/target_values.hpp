// What a target format accepts for the values a merge writes, as tables.
//
//   target_accepts(Claude, "color", "Automatic Color")   -> false
//   target_accepts(Claude, "model", "openrouter/horizon") -> false
//   target_spelling(Claude, "python_pro")                -> "python-pro"
//   rename_mentions("use python_pro", {"python_pro"}, "python-pro") -> "use python-pro"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"

namespace agentmerge::detail {

// Whether `target` accepts `value` for `key`. Keys without a rule (and
// non-string values of keys with one) are accepted: the table only names
// what a format documents as closed (Claude's colours, each format's
// models, see lint's is_known_model).
bool target_accepts(Format target, std::string_view key, const Value& value);

// The spelling of an agent name the target asks for, as convert writes it:
// lowercase letters, digits and hyphens for Claude, Qwen and Gemini
// ("Python_Pro" -> "python-pro"); other formats take names as written.
std::string target_spelling(Format target, std::string_view name);

// `text` with every whole-word mention of one of `names` replaced by
// `merged` (a word: not next to a letter, digit, '-' or '_'). `count` is
// the number of replacements.
std::string rename_mentions(const std::string& text, const std::vector<std::string>& names,
                            const std::string& merged, int& count);

}  // namespace agentmerge::detail
