// Internal helpers shared by minhash.cpp, cluster.cpp and cluster_build.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/cluster.hpp"

namespace agentmerge::detail {

// The words of a normalized agent name that carry its role: split on '-',
// generic role words ("pro", "expert", ...) removed unless nothing else is
// left. Sorted and unique.
//   role_words("python-pro") -> {"python"}
//   role_words("backend-api-architect") -> {"api", "architect", "backend"}
std::vector<std::string> role_words(std::string_view normalized_name);

// Dice coefficient of two sorted, unique word lists (1 for two empty lists).
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Content Jaccard a pair needs to link, by name relation: "same-name",
// "same-role", "similar-name", "other" (the kLinkRules table).
double link_content_threshold(std::string_view relation, const Thresholds& t);

// Assembles clusters from the linked components: primary (medoid), members
// with their similarity and link, canonical name, name conflicts, order.
ClusterResult build_cluster_result(const std::vector<AgentFingerprint>& files,
                                   std::vector<std::vector<std::size_t>> components,
                                   const Thresholds& thresholds);

}  // namespace agentmerge::detail
