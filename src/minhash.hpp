// Internal helpers shared by minhash.cpp, cluster.cpp and cluster_build.cpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/cluster.hpp"
#include "sorted_common.hpp"

namespace agentmerge::detail {

// The words of a normalized agent name that carry its role, in name order:
// split on '-', '.', '/'; generic role words ("pro", "expert", ...) and pure
// numbers ("04") removed unless nothing else is left.
//   role_words("python-pro") -> {"python"}
//   role_words("04-quality-security-qa-expert") -> {"quality", "security", "qa"}
std::vector<std::string> role_words(std::string_view normalized_name);

// Name similarity over role words (see name_similarity in cluster.hpp):
//   1 when both names have the same role words in any order;
//   0 when each name has a role word the other lacks: a substitution
//     ("go-build-resolver" vs "kotlin-build-resolver") names another role;
//   else (one name's words contain the other's: "backend-api-architect" vs
//     "backend-architect") the Dice coefficient of the words left once the
//     leading words both names share are removed, because a shared prefix is
//     usually a category or a plugin ("python-development-"), not the role
//     (unless it is the whole of one name: "backend-architect-v2").
// Works on any ordered word type (strings, or interned ids).
template <class W>
double role_similarity(std::vector<W> a, std::vector<W> b) {
  std::size_t shared = 0;
  while (shared < a.size() && shared < b.size() && a[shared] == b[shared]) ++shared;
  std::vector<W> sa = a, sb = b;
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  if (sa == sb) return 1.0;
  if (!std::includes(sa.begin(), sa.end(), sb.begin(), sb.end()) &&
      !std::includes(sb.begin(), sb.end(), sa.begin(), sa.end())) {
    return 0.0;
  }
  // When one name is a prefix of the other ("backend-architect-v2"), the
  // prefix is the role itself: keep it.
  if (shared < a.size() && shared < b.size()) {
    a.erase(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(shared));
    b.erase(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(shared));
  }
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  const std::size_t common = sorted_common(a, b);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// Content Jaccard a pair needs to link, by name relation: "same-name",
// "same-role", "similar-name", "other" (the kLinkRules table).
double link_content_threshold(std::string_view relation, const Thresholds& t);

// Assembles clusters from the linked components: primary (medoid), members
// with their similarity and link, canonical name, name conflicts, order.
ClusterResult build_cluster_result(const std::vector<AgentFingerprint>& files,
                                   std::vector<std::vector<std::size_t>> components,
                                   const Thresholds& thresholds);

}  // namespace agentmerge::detail
