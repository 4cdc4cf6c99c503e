// Stage 2 (internal): Markdown body -> section tree (see markdown.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::detail {

// Parses the body text (LF line endings, no BOM). `first_line` is the file
// line of the body's first line, so block lines are file lines.
Body parse_body(std::string_view text, int first_line, const std::string& file,
                std::vector<Diagnostic>& diagnostics);

// parse_body for user input: refuses ("too-deep", at the line of the first
// node too deep) a body whose lists, block quotes and items nest more than
// `max_depth` containers deep, since every level keeps its subtree's text
// (memory grows with depth times size).
Result<Body> parse_body_limited(std::string_view text, int first_line, const std::string& file,
                                int max_depth);

}  // namespace agentmerge::detail
