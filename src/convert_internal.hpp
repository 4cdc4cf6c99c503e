// Internal pieces shared by the Markdown conversions (src/convert.cpp) and
// the Codex / Kiro ones (src/convert_external.cpp): the model table, tool-set
// comparison and the note helpers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/convert.hpp"

namespace agentmerge::convert_detail {

// Equivalent model names per format. The first name of a cell is written;
// the others are accepted when reading. Rows are searched in order, so an
// alias row ("sonnet") wins over a pinned one when reading back.
struct ModelRow {
  std::vector<std::string> claude, opencode, copilot, gemini, codex, kiro;
};
const std::vector<ModelRow>& model_table();

// A column of the model table; nullptr for a format without model names
// (qwen).
using ModelColumn = std::vector<std::string> ModelRow::*;
ModelColumn model_column(Format f);
ModelColumn model_column(ExternalFormat f);

// The first name of `to` in the first row whose `from` cell holds `model`
// (case-insensitive, quotes and " (copilot)" ignored); nullopt when no row
// has both.
std::optional<std::string> map_model_by_table(ModelColumn from, ModelColumn to,
                                              std::string_view model);

// Case-folded, quotes and a trailing " (copilot)" removed, trimmed.
std::string model_key(std::string_view model);

// Claude's "inherit": use the caller's model.
inline constexpr std::string_view kInheritModel = "inherit";

// "api" for "API Reviewer"-like names: lowercase letters, digits and '-'.
std::string slug(std::string_view name);

// Whether the format's agent names are identifiers (written as slug()):
// Claude, Qwen, Gemini.
bool uses_identifier_names(Format f);

Diagnostic note(Severity sev, const AgentFile& f, int line, std::string code, std::string msg);

// "'x'", "a list of 2", "a map of 3", "null": a value in a note.
std::string short_value(const Value& v);

// Whether grant `a` allows something that `b` does not.
bool grants_more(const ToolSet& a, const ToolSet& b);

// Applies opencode `permission` limits to `set` (see convert.cpp); notes go
// to `notes`, naming the target `target_name`.
void apply_permission_limits(const AgentFile& src, std::string_view target_name, ToolSet& set,
                             std::vector<Diagnostic>& notes);

}  // namespace agentmerge::convert_detail
