// A small worker pool for reading and parsing many files at once.
//
// Contract: fn(i) is called exactly once for every i in [0, n), from up to
// `jobs` threads (the calling thread is one of them). Indexes are handed out
// from a shared counter, so work is balanced when file sizes differ; each call
// should write only to slot i of a pre-sized output, which keeps the results
// in input order whatever the scheduling. An exception thrown by fn (a bug)
// stops the hand-out and is rethrown in the caller once all threads joined.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <numeric>
#include <optional>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// The number of cores (std::thread::hardware_concurrency), at least 1.
unsigned default_jobs();

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn);

// parallel_map that hands the indexes out in `order` (a permutation of
// [0, order.size())), e.g. the costliest first so that no long task starts
// last and leaves the other threads idle; results stay in index order.
template <class T, class F>
std::vector<T> parallel_map_in_order(const std::vector<std::size_t>& order, unsigned jobs, F&& fn) {
  std::vector<std::optional<T>> slots(order.size());
  parallel_for(order.size(), jobs, [&](std::size_t k) { slots[order[k]].emplace(fn(order[k])); });
  std::vector<T> out;
  out.reserve(order.size());
  for (std::optional<T>& s : slots) out.push_back(std::move(*s));
  return out;
}

// parallel_for that collects fn(i) into slot i. T need not be
// default-constructible (Result<T> is not).
template <class T, class F>
std::vector<T> parallel_map(std::size_t n, unsigned jobs, F&& fn) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  return parallel_map_in_order<T>(order, jobs, std::forward<F>(fn));
}

// Reads and parses every path (read_file + parse_agent) on `jobs` threads;
// results in the order of `paths`. One unreadable file never stops the others.
std::vector<Result<AgentFile>> load_agents(const std::vector<std::filesystem::path>& paths,
                                           const ParseOptions& options, unsigned jobs);

}  // namespace agentmerge::cli
