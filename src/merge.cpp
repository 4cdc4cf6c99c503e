// PLACEHOLDER: replaced by the merge engine.
#include "agentmerge/merge.hpp"

namespace agentmerge {

std::string_view to_string(BlockFate f) {
  switch (f) {
    case BlockFate::Kept: return "kept";
    case BlockFate::Folded: return "folded";
    case BlockFate::Dropped: return "dropped";
  }
  return "kept";
}
std::size_t MergeReport::count(BlockFate fate) const {
  std::size_t n = 0;
  for (const auto& b : source_blocks) n += b.fate == fate ? 1 : 0;
  return n;
}
bool MergeReport::needs_review() const {
  for (const auto& d : decisions)
    if (d.review == Review::Needed) return true;
  return false;
}
Result<MergeResult> merge(const std::vector<AgentFile>& variants, const MergeOptions&) {
  if (variants.empty()) return Error{"", 0, "no-input", "nothing to merge"};
  return Error{"", 0, "not-implemented", "merge is not implemented yet"};
}
std::vector<AgentFile> split_documents(const AgentFile& file) { return {file}; }
std::string report_to_json(const MergeReport&) { return "{}"; }
std::string report_summary(const MergeReport&) { return {}; }

}  // namespace agentmerge
