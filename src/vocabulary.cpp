// PLACEHOLDER: replaced by the tool vocabulary tables.
#include "agentmerge/tools.hpp"

namespace agentmerge {

const std::vector<ToolVocabularyRow>& tool_vocabulary() {
  static const std::vector<ToolVocabularyRow> rows;
  return rows;
}
std::string to_neutral(Format, std::string_view name) { return "other:" + std::string(name); }
std::optional<std::string> from_neutral(Format, std::string_view) { return std::nullopt; }
bool is_known_tool(std::string_view) { return false; }
ToolSet tool_set_from_frontmatter(Format, const FrontmatterEntry*, const FrontmatterEntry*,
                                  const std::string&, std::vector<Diagnostic>&) {
  return {};
}
ToolsRendering render_tools(Format, const ToolSet&) { return {}; }

}  // namespace agentmerge
