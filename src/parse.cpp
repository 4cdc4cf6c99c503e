// PLACEHOLDER: replaced by the frontmatter + body parser.
#include "agentmerge/parse.hpp"

#include "markdown.hpp"

namespace agentmerge {

std::optional<Format> format_from_path(std::string_view) { return std::nullopt; }

std::string file_stem(std::string_view path) { return std::string(path); }

Result<AgentFile> parse_agent(std::string_view bytes, std::string_view source_name,
                              const ParseOptions&) {
  AgentFile f;
  f.source_name = std::string(source_name);
  f.stem = file_stem(source_name);
  f.body = detail::parse_body(bytes, 1, f.source_name, f.diagnostics);
  return f;
}

}  // namespace agentmerge
