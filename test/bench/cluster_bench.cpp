// In-process timings of the scan stages, to show where time goes and that
// clustering grows about linearly with the number of files:
//   BM_Fingerprint      parse + emit + fingerprint of one ~3 KB agent
//   BM_Cluster/N        cluster_fingerprints over N synthetic fingerprints
//                       (families of 1-6 variants, as in gen_tree.py)
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/parse.hpp"

namespace {

using namespace agentmerge;

std::string synthetic_agent(std::mt19937& rng, const std::string& name, int family) {
  std::uniform_int_distribution<int> pick(0, 199);
  std::string text = "---\nname: " + name + "\ndescription: synthetic agent\n---\n\n# Title\n\n";
  for (int s = 0; s < 4; ++s) {
    text += "## Section " + std::to_string(s) + "\n\n";
    for (int b = 0; b < 6; ++b) {
      text += "-";
      for (int w = 0; w < 10; ++w) {
        text += " f" + std::to_string(family) + "w" + std::to_string(pick(rng));
      }
      text += "\n";
    }
    text += "\n";
  }
  return text;
}

void BM_Fingerprint(benchmark::State& state) {
  std::mt19937 rng(1);
  const std::string text = synthetic_agent(rng, "bench-agent", 0);
  for (auto _ : state) {
    auto file = parse_agent(text, "bench-agent.md");
    benchmark::DoNotOptimize(fingerprint(*file, {}));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Fingerprint);

// Fingerprints are made once per size (outside the timing) from parsed
// synthetic agents; variants of a family share most of their words.
const std::vector<AgentFingerprint>& fingerprints(std::size_t n) {
  static std::vector<std::vector<AgentFingerprint>> cache(8);
  const std::size_t slot = n == 1000 ? 0 : n == 10000 ? 1 : 2;
  if (!cache[slot].empty()) return cache[slot];
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> family_size(1, 6);
  int family = 0;
  while (cache[slot].size() < n) {
    const int size = family_size(rng);
    for (int v = 0; v < size && cache[slot].size() < n; ++v) {
      const std::string name = "role" + std::to_string(family) + (v % 2 ? "-pro" : "");
      auto file = parse_agent(synthetic_agent(rng, name, family), name + ".md");
      cache[slot].push_back(fingerprint(*file, {}));
    }
    ++family;
  }
  return cache[slot];
}

void BM_Cluster(benchmark::State& state) {
  const auto& fps = fingerprints(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(cluster_fingerprints(fps, default_config().thresholds));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Cluster)->Arg(1000)->Arg(10000)->Arg(100000)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
