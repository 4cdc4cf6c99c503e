// Cluster assembly: linked components of files in, ordered clusters out.
//
//   components {0, 3, 4} {1} {2}   (0 and 4 exact copies, 3 renamed)
//     -> #1 backend-architect: primary 0 (the medoid), 4 (exact, 1.00),
//           3 (similar-content, 0.31); name: the most common normalized one
//        #2, #3: singletons, ordered by canonical name
//
// Everything here is order independent: ties are broken by source_name.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "agentmerge/cluster.hpp"
#include "minhash.hpp"

namespace agentmerge::detail {
namespace {

constexpr std::size_t kExactMedoidCap = 64;      // exact Jaccard, all pairs
constexpr std::size_t kEstimatedMedoidCap = 4000;  // MinHash estimate, all pairs

// The member with the highest total similarity to the others (ties: the
// smallest source_name). Exact for small clusters, estimated above
// kExactMedoidCap; above kEstimatedMedoidCap the first by source_name, with
// a diagnostic.
std::size_t medoid(const std::vector<AgentFingerprint>& files,
                   const std::vector<std::size_t>& members, std::vector<Diagnostic>& diags) {
  const auto by_name = [&](std::size_t a, std::size_t b) {
    return files[a].source_name < files[b].source_name;
  };
  if (members.size() <= 2) return *std::min_element(members.begin(), members.end(), by_name);
  if (members.size() > kEstimatedMedoidCap) {
    diags.push_back({Severity::Warning, files[members.front()].source_name, 0,
                     "scan-cap-medoid",
                     "cluster of " + std::to_string(members.size()) +
                         " files: primary is the first by path, not the medoid (cap " +
                         std::to_string(kEstimatedMedoidCap) + ")"});
    return *std::min_element(members.begin(), members.end(), by_name);
  }
  const bool exact = members.size() <= kExactMedoidCap;
  std::vector<double> total(members.size(), 0.0);
  for (std::size_t x = 0; x < members.size(); ++x) {
    for (std::size_t y = x + 1; y < members.size(); ++y) {
      const AgentFingerprint& a = files[members[x]];
      const AgentFingerprint& b = files[members[y]];
      const double s = exact ? shingle_jaccard(a.shingles, b.shingles)
                             : estimated_jaccard(a.signature, b.signature);
      total[x] += s;
      total[y] += s;
    }
  }
  std::size_t best = 0;
  for (std::size_t x = 1; x < members.size(); ++x) {
    if (total[x] > total[best] + 1e-12 ||
        (total[x] > total[best] - 1e-12 && by_name(members[x], members[best]))) {
      best = x;
    }
  }
  return members[best];
}

// Most common normalized name; ties: the primary's when it is tied, else the
// smallest name.
std::string canonical_name(const std::vector<AgentFingerprint>& files,
                           const std::vector<std::size_t>& members, std::size_t primary) {
  std::map<std::string, std::size_t> counts;
  for (const std::size_t m : members) ++counts[files[m].normalized_name];
  std::size_t best = 0;
  for (const auto& [name, n] : counts) best = std::max(best, n);
  if (counts[files[primary].normalized_name] == best) return files[primary].normalized_name;
  for (const auto& [name, n] : counts) {
    if (n == best) return name;
  }
  return files[primary].normalized_name;
}

Cluster make_cluster(const std::vector<AgentFingerprint>& files,
                     const std::vector<std::size_t>& members, std::vector<Diagnostic>& diags) {
  Cluster c;
  c.primary = medoid(files, members, diags);
  c.canonical_name = canonical_name(files, members, c.primary);
  std::unordered_map<std::uint64_t, std::size_t> hash_count;
  std::unordered_map<std::string_view, std::size_t> name_count;
  for (const std::size_t m : members) {
    ++hash_count[files[m].exact_hash];
    ++name_count[files[m].normalized_name];
  }
  const AgentFingerprint& p = files[c.primary];
  c.members.push_back({c.primary, 1.0, LinkKind::Primary});
  std::vector<ClusterMember> rest;
  for (const std::size_t m : members) {
    if (m == c.primary) continue;
    const AgentFingerprint& f = files[m];
    LinkKind link = LinkKind::SimilarContent;
    if (hash_count[f.exact_hash] > 1) {
      link = LinkKind::Exact;
    } else if (name_count[f.normalized_name] > 1) {
      link = LinkKind::SameName;
    }
    const double sim = f.exact_hash == p.exact_hash ? 1.0 : shingle_jaccard(p.shingles, f.shingles);
    rest.push_back({m, sim, link});
  }
  std::sort(rest.begin(), rest.end(), [&](const ClusterMember& a, const ClusterMember& b) {
    if (a.similarity_to_primary != b.similarity_to_primary) {
      return a.similarity_to_primary > b.similarity_to_primary;
    }
    return files[a.file].source_name < files[b.file].source_name;
  });
  c.members.insert(c.members.end(), rest.begin(), rest.end());
  if (members.size() == 1) {
    c.reason = ClusterReason::Singleton;
  } else if (hash_count.size() == 1) {
    c.reason = ClusterReason::Exact;
  } else if (name_count.size() == 1) {
    c.reason = ClusterReason::SameName;
  } else {
    c.reason = ClusterReason::SimilarContent;
  }
  return c;
}

// A normalized name found in several clusters: those files had the same
// name but their content did not agree, so they were kept apart.
void mark_name_conflicts(const std::vector<AgentFingerprint>& files, std::vector<Cluster>& clusters,
                         std::vector<Diagnostic>& diags) {
  std::map<std::string_view, std::set<std::size_t>> clusters_of_name;
  for (std::size_t ci = 0; ci < clusters.size(); ++ci) {
    for (const ClusterMember& m : clusters[ci].members) {
      clusters_of_name[files[m.file].normalized_name].insert(ci);
    }
  }
  for (std::size_t ci = 0; ci < clusters.size(); ++ci) {
    std::set<std::string_view> names;
    for (const ClusterMember& m : clusters[ci].members) names.insert(files[m.file].normalized_name);
    for (const std::string_view name : names) {
      if (clusters_of_name[name].size() < 2) continue;
      for (const std::size_t other : clusters_of_name[name]) {
        if (other == ci) continue;
        for (const ClusterMember& m : clusters[other].members) {
          if (files[m.file].normalized_name == name) clusters[ci].name_conflicts.push_back(m.file);
        }
      }
    }
    std::sort(clusters[ci].name_conflicts.begin(), clusters[ci].name_conflicts.end(),
              [&](std::size_t a, std::size_t b) {
                return files[a].source_name < files[b].source_name;
              });
  }
  for (const auto& [name, in] : clusters_of_name) {
    if (in.size() < 2) continue;
    const Cluster& first = clusters[*in.begin()];
    diags.push_back({Severity::Warning, files[first.primary].source_name, 0, "scan-name-conflict",
                     "the name '" + std::string(name) + "' is used by " +
                         std::to_string(in.size()) +
                         " clusters whose content does not agree; kept apart"});
  }
}

}  // namespace

ClusterResult build_cluster_result(const std::vector<AgentFingerprint>& files,
                                   std::vector<std::vector<std::size_t>> components,
                                   const Thresholds& thresholds) {
  ClusterResult result;
  result.thresholds = thresholds;
  result.clusters.reserve(components.size());
  for (const std::vector<std::size_t>& comp : components) {
    result.clusters.push_back(make_cluster(files, comp, result.diagnostics));
  }
  std::sort(result.clusters.begin(), result.clusters.end(),
            [&](const Cluster& a, const Cluster& b) {
              if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
              if (a.canonical_name != b.canonical_name) return a.canonical_name < b.canonical_name;
              return files[a.primary].source_name < files[b.primary].source_name;
            });
  for (std::size_t i = 0; i < result.clusters.size(); ++i) result.clusters[i].id = i + 1;
  mark_name_conflicts(files, result.clusters, result.diagnostics);
  return result;
}

}  // namespace agentmerge::detail

namespace agentmerge {

ClusterResult cluster_agents(const std::vector<AgentFile>& files, const Thresholds& thresholds,
                             const std::map<std::string, std::string>& name_aliases) {
  std::vector<AgentFingerprint> fps;
  fps.reserve(files.size());
  for (const AgentFile& f : files) fps.push_back(fingerprint(f, name_aliases));
  return cluster_fingerprints(fps, thresholds);
}

}  // namespace agentmerge
