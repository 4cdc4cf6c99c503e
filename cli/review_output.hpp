// Review outputs shared by `merge` and `review`: the HTML review page and the
// per-source explanation (--explain).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// Writes the self-contained review page of `result` to `path` atomically
// (nothing is left behind on failure).
Result<bool> write_review_page(const std::string& path, const MergeResult& result);

// Prints explain_merge (review.hpp) with a heading to `out`.
void print_explanation(const MergeResult& result, const std::vector<AgentFile>& sources,
                       std::ostream& out);

}  // namespace agentmerge::cli
