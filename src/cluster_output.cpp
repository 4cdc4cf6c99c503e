// Scan output: a ClusterResult in, a human table or a JSON document out.
//
//   ClusterResult{#1 backend-architect: a.md (primary), b.md (same-name 0.41)}
//     -> "#1 backend-architect (2 files, same-name)\n"
//        "   primary    claude   1.000  backend-architect  a.md\n" ...
//     -> {"schema": "agentmerge-scan/1", "clusters": [{"id": 1, ...}]}
//
// The JSON schema is documented in docs/scan.md; keep the two in step.
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "agentmerge/cluster.hpp"
#include "minhash.hpp"

namespace agentmerge {
namespace {

constexpr const char* kRelations[] = {"same-name", "same-role", "similar-name", "other"};

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

std::string fixed3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

struct Summary {
  std::size_t duplicate_clusters = 0;
  std::size_t duplicate_files = 0;
  std::size_t singletons = 0;
};

Summary summarize(const ClusterResult& r) {
  Summary s;
  for (const Cluster& c : r.clusters) {
    if (c.is_singleton()) {
      ++s.singletons;
    } else {
      ++s.duplicate_clusters;
      s.duplicate_files += c.members.size();
    }
  }
  return s;
}

nlohmann::json thresholds_json(const Thresholds& t) {
  nlohmann::json content = nlohmann::json::object();
  for (const char* rel : kRelations) content[rel] = round3(detail::link_content_threshold(rel, t));
  return {{"cluster", t.cluster}, {"cluster_name", t.cluster_name}, {"content", content}};
}

nlohmann::json cluster_json(const Cluster& c, const std::vector<AgentFingerprint>& files) {
  nlohmann::json members = nlohmann::json::array();
  for (const ClusterMember& m : c.members) {
    const AgentFingerprint& f = files[m.file];
    members.push_back({{"path", f.source_name},
                       {"name", f.name},
                       {"normalized_name", f.normalized_name},
                       {"format", std::string(to_string(f.format))},
                       {"link", std::string(to_string(m.link))},
                       {"similarity", round3(m.similarity_to_primary)}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const std::size_t f : c.name_conflicts) conflicts.push_back(files[f].source_name);
  return {{"id", c.id},
          {"canonical_name", c.canonical_name},
          {"reason", std::string(to_string(c.reason))},
          {"singleton", c.is_singleton()},
          {"primary", files[c.primary].source_name},
          {"members", members},
          {"name_conflicts", conflicts}};
}

}  // namespace

std::string clusters_to_json(const ClusterResult& result,
                             const std::vector<AgentFingerprint>& files) {
  const Summary s = summarize(result);
  nlohmann::json clusters = nlohmann::json::array();
  for (const Cluster& c : result.clusters) clusters.push_back(cluster_json(c, files));
  nlohmann::json diags = nlohmann::json::array();
  for (const Diagnostic& d : result.diagnostics) {
    diags.push_back({{"severity", std::string(to_string(d.severity))},
                     {"file", d.file},
                     {"line", d.line},
                     {"code", d.code},
                     {"message", d.message}});
  }
  const nlohmann::json doc = {
      {"schema", "agentmerge-scan/1"},
      {"files", result.stats.files},
      {"summary",
       {{"clusters", result.clusters.size()},
        {"duplicate_clusters", s.duplicate_clusters},
        {"duplicate_files", s.duplicate_files},
        {"singletons", s.singletons}}},
      {"thresholds", thresholds_json(result.thresholds)},
      {"stats",
       {{"candidate_pairs", result.stats.candidate_pairs},
        {"linked_pairs", result.stats.linked_pairs},
        {"skipped_buckets", result.stats.skipped_buckets},
        {"split_components", result.stats.split_components}}},
      {"clusters", clusters},
      {"diagnostics", diags}};
  return doc.dump(2) + "\n";
}

std::string clusters_to_table(const ClusterResult& result,
                              const std::vector<AgentFingerprint>& files) {
  const Summary s = summarize(result);
  const Thresholds& t = result.thresholds;
  std::ostringstream out;
  out << "scanned " << result.stats.files << " files: " << result.clusters.size()
      << " clusters, " << s.duplicate_clusters << " with duplicates (" << s.duplicate_files
      << " files), " << s.singletons << " singletons\n";
  out << "thresholds: cluster " << fixed3(t.cluster) << ", cluster_name "
      << fixed3(t.cluster_name) << "; content Jaccard needed:";
  for (const char* rel : kRelations) {
    out << " " << rel << " " << fixed3(detail::link_content_threshold(rel, t));
  }
  out << "\n";
  for (const Cluster& c : result.clusters) {
    if (c.is_singleton()) continue;
    out << "\n#" << c.id << " " << c.canonical_name << " (" << c.members.size() << " files, "
        << to_string(c.reason) << ")\n";
    for (const ClusterMember& m : c.members) {
      const AgentFingerprint& f = files[m.file];
      out << "  " << std::left << std::setw(16) << to_string(m.link) << std::setw(9)
          << to_string(f.format) << fixed3(m.similarity_to_primary) << "  " << std::setw(28)
          << f.normalized_name << " " << f.source_name << "\n";
    }
    for (const std::size_t f : c.name_conflicts) {
      out << "  same name, kept apart: " << files[f].source_name << "\n";
    }
  }
  if (s.singletons > 0) out << "\nsingletons (" << s.singletons << "):\n";
  for (const Cluster& c : result.clusters) {
    if (!c.is_singleton()) continue;
    const AgentFingerprint& f = files[c.primary];
    out << "  #" << std::left << std::setw(6) << c.id << std::setw(9) << to_string(f.format)
        << std::setw(28) << f.normalized_name << " " << f.source_name;
    if (!c.name_conflicts.empty()) out << "  (name shared with other clusters)";
    out << "\n";
  }
  return out.str();
}

}  // namespace agentmerge
