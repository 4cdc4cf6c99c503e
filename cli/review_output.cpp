#include "review_output.hpp"

#include "agentmerge/review.hpp"
#include "io.hpp"

namespace agentmerge::cli {

Result<bool> write_review_page(const std::string& path, const MergeResult& result) {
  return write_atomic(path, review_html(result));
}

void print_explanation(const MergeResult& result, const std::vector<AgentFile>& sources,
                       std::ostream& out) {
  out << "explanation: what became of each source\n" << explain_merge(result, sources);
}

}  // namespace agentmerge::cli
