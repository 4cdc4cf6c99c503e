// The provenance report as JSON (schema: docs/report-schema.md) and as a
// short human summary.
//
//   before: MergeReport{sources: 2, source_blocks: [kept, folded(0.81)], decisions: [...]}
//   after:  {"schema": "agentmerge-merge-report/1", "sources": [...], "counts": {...}, ...}
//           "merged 2 sources (2 documents) into claude: 2 source blocks -> 1 output block ..."
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "agentmerge/merge.hpp"

namespace agentmerge {

namespace {

using nlohmann::ordered_json;

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

ordered_json counts_json(const MergeReport& r) {
  std::size_t review = 0;
  std::size_t danger = 0;
  for (const auto& d : r.decisions) {
    review += needs_review(d.review) ? 1 : 0;
    danger += d.review == Review::Danger ? 1 : 0;
  }
  return {{"source_blocks", r.source_blocks.size()},
          {"kept", r.count(BlockFate::Kept)},
          {"folded", r.count(BlockFate::Folded)},
          {"dropped", r.count(BlockFate::Dropped)},
          {"output_blocks", r.output_blocks.size()},
          {"decisions", r.decisions.size()},
          {"needs_review", review},
          {"dangers", danger}};
}

ordered_json source_block_json(std::size_t id, const SourceBlock& b) {
  ordered_json j = {{"id", id},           {"source", b.source},       {"line", b.line},
                    {"end_line", b.end_line}, {"kind", b.kind},       {"section", b.section},
                    {"fate", to_string(b.fate)}};
  j["output"] = b.output >= 0 ? ordered_json(b.output) : ordered_json(nullptr);
  j["similarity"] = round3(b.similarity);
  j["policy"] = b.policy.empty() ? ordered_json(nullptr) : ordered_json(b.policy);
  j["text"] = b.text;
  if (!b.choice.empty()) j["choice"] = b.choice;  // only under --decisions
  return j;
}

ordered_json output_block_json(const OutputBlock& b) {
  return {{"id", b.id},       {"line", b.line},       {"end_line", b.end_line},
          {"kind", b.kind},   {"section", b.section}, {"sources", b.sources},
          {"folded", b.folded}, {"text", b.text}};
}

ordered_json decision_json(const Decision& d) {
  return {{"subject", d.subject},           {"policy", d.policy},
          {"chosen", d.chosen},             {"source_values", d.source_values},
          {"message", d.message},           {"review", needs_review(d.review)},
          {"danger", d.review == Review::Danger}};
}

}  // namespace

std::string report_to_json(const MergeReport& r) {
  ordered_json j;
  j["schema"] = "agentmerge-merge-report/1";
  j["target"] = to_string(r.target);
  j["primary"] = r.primary;
  j["thresholds"] = {{"fold", r.thresholds.fold},
                     {"section_content", r.thresholds.section_content},
                     {"example", r.thresholds.example}};
  j["counts"] = counts_json(r);
  ordered_json sources = ordered_json::array();
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const auto& s = r.sources[i];
    sources.push_back({{"index", i},
                       {"name", s.name},
                       {"agent_name", s.agent_name},
                       {"format", to_string(s.format)},
                       {"documents", s.documents}});
  }
  j["sources"] = sources;
  ordered_json decisions = ordered_json::array();
  for (const auto& d : r.decisions) decisions.push_back(decision_json(d));
  j["decisions"] = decisions;
  ordered_json outs = ordered_json::array();
  for (const auto& b : r.output_blocks) outs.push_back(output_block_json(b));
  j["output_blocks"] = outs;
  ordered_json blocks = ordered_json::array();
  for (std::size_t i = 0; i < r.source_blocks.size(); ++i)
    blocks.push_back(source_block_json(i, r.source_blocks[i]));
  j["source_blocks"] = blocks;
  return j.dump(2) + "\n";
}

std::string report_summary(const MergeReport& r) {
  std::size_t documents = 0;
  for (const auto& s : r.sources) documents += static_cast<std::size_t>(s.documents);
  std::ostringstream out;
  out << "merged " << r.sources.size() << " source(s) (" << documents << " document(s)) into "
      << to_string(r.target) << "; primary: "
      << (r.primary < r.sources.size() ? r.sources[r.primary].name : "") << "\n";
  out << "  source blocks: " << r.source_blocks.size() << " (kept " << r.count(BlockFate::Kept)
      << ", folded " << r.count(BlockFate::Folded) << ", dropped " << r.count(BlockFate::Dropped)
      << "); output blocks: " << r.output_blocks.size() << "\n";
  out << "  thresholds: fold " << r.thresholds.fold << ", section " << r.thresholds.section_content
      << ", example " << r.thresholds.example << "\n";
  std::size_t review = 0;
  for (const auto& d : r.decisions) review += needs_review(d.review) ? 1 : 0;
  out << "  decisions: " << r.decisions.size() << " (" << review << " need review)\n";
  for (const auto& d : r.decisions) {
    if (!needs_review(d.review)) continue;
    out << (d.review == Review::Danger ? "  DANGER: " : "  review: ") << d.subject << " [" << d.policy << "]: " << d.message;
    if (!d.chosen.empty()) out << " -> " << d.chosen;
    out << "\n";
    for (std::size_t i = 0; i < d.source_values.size() && i < r.sources.size(); ++i)
      out << "      " << r.sources[i].name << ": "
          << (d.source_values[i].empty() ? "(none)" : d.source_values[i]) << "\n";
  }
  return out.str();
}

}  // namespace agentmerge
