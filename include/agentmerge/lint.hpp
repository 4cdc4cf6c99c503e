// Lint: findings about one parsed agent file.
//
//   lint(parse("---\nname: a:b\n---\n")) -> [error "name contains ':'",
//                                             error "missing description", ...]
#pragma once

#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

// Parse diagnostics of the file plus the lint rules: missing required keys
// for the format, invalid names, unknown tools, unknown models, an opencode
// tools map that restricts nothing, empty body. Sorted by line.
std::vector<Diagnostic> lint(const AgentFile& file);

// Whether `model` is a value the format documents (aliases like "sonnet",
// "inherit", or "provider/model" for opencode).
bool is_known_model(Format format, const std::string& model);

}  // namespace agentmerge
