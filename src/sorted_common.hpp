// Overlap of two sorted sequences, shared by the similarity measures
// (token Dice in normalize.cpp, shingle Jaccard and name Dice in minhash).
//
//   sorted_common({1, 2, 2, 5}, {2, 2, 3, 5}) -> 3
#pragma once

#include <cstddef>

namespace agentmerge::detail {

// Number of elements `a` and `b` share, counted as multisets; both must be
// sorted ascending.
template <class Seq>
std::size_t sorted_common(const Seq& a, const Seq& b) {
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return common;
}

}  // namespace agentmerge::detail
