// Stage 2 (internal): Markdown body -> section tree (see markdown.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"

namespace agentmerge::detail {

// Parses the body text (LF line endings, no BOM). `first_line` is the file
// line of the body's first line, so block lines are file lines.
Body parse_body(std::string_view text, int first_line, const std::string& file,
                std::vector<Diagnostic>& diagnostics);

}  // namespace agentmerge::detail
