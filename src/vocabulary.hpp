// Internal helpers over the tool vocabulary table (src/vocabulary.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/tools.hpp"

namespace agentmerge::detail {

// The names one format uses in a row (empty for Unknown).
const std::vector<std::string>& column(const ToolVocabularyRow& row, Format format);

// Whether `format`'s table has `name` with exactly this spelling (used by
// format detection, where "Read" and "read" point at different formats).
bool names_tool_exactly(Format format, std::string_view name);

// Index of a neutral id in the table, or the table size for ids it does not
// hold (MCP, other:): the fixed order tools are written in.
std::size_t vocabulary_rank(std::string_view id);

// The Kiro column (a convert target, not a Format): Kiro's names for a
// neutral id (first = written; empty when Kiro has none).
const std::vector<std::string>& kiro_column(std::string_view id);

// Every neutral id a Kiro tool name grants ("write" -> {edit, write});
// "@server/tool" -> "mcp:server/tool", "@server" -> "mcp:server/*", else
// "other:<name>". "*" and "@builtin" are the reader's business.
std::vector<std::string> kiro_to_neutral_ids(std::string_view name);

// Kiro's name for a neutral id ("@server/tool" for MCP, the name itself for
// "other:"), or nullopt.
std::optional<std::string> kiro_from_neutral(std::string_view id);

}  // namespace agentmerge::detail
