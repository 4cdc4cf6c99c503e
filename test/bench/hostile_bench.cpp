// Scaling of the pathological inputs of docs/security.md: each benchmark
// doubles its input (Range with multiplier 2) and Google Benchmark fits the
// growth (Complexity), so a time ratio near 2 per doubling is linear, near 4
// quadratic. Refusals are timed too: refusing must be cheap.
//   BM_RepeatedHeadings/N   merge of one file of N "# t" sections
//   BM_ManyBlocks/N         merge of N paragraphs with 2N list items
//   BM_DeepLists/N          parse of bullets nested N deep (refused at 64)
//   BM_AliasLevels/N        parse of N levels of ten YAML aliases (refused)
//   BM_LongNumber/N         parse of a plain YAML value of N digits
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"

namespace {

using namespace agentmerge;

const std::string kHead = "---\nname: h\ndescription: d\n---\n";

AgentFile parsed(const std::string& text, const char* name) {
  auto f = parse_agent(text, name);
  if (!f) throw std::runtime_error(f.error().to_string());
  return std::move(*f);
}

void BM_RepeatedHeadings(benchmark::State& state) {
  std::string text = kHead;
  for (int i = 0; i < state.range(0); ++i) text.append("# t\n\nline ").append(std::to_string(i)).append("\n\n");
  const std::vector<AgentFile> files{parsed(text, "a.md")};
  MergeOptions o;
  o.max_blocks = 1U << 30;
  for (auto _ : state) benchmark::DoNotOptimize(merge(files, o));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_RepeatedHeadings)->RangeMultiplier(2)->Range(256, 4096)->Complexity();

void BM_ManyBlocks(benchmark::State& state) {
  std::string paras = kHead;
  std::string list = kHead;
  for (int i = 0; i < state.range(0); ++i) {
    paras.append("Paragraph ").append(std::to_string(i)).append(" says something.\n\n");
    list.append("- item ").append(std::to_string(i)).append(" says something else\n");
    list.append("- item ").append(std::to_string(i)).append(" and another point\n");
  }
  const std::vector<AgentFile> files{parsed(paras, "p.md"), parsed(list, "l.md")};
  MergeOptions o;
  o.max_blocks = 1U << 30;
  for (auto _ : state) benchmark::DoNotOptimize(merge(files, o));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ManyBlocks)->RangeMultiplier(2)->Range(125, 2000)->Complexity()->Unit(benchmark::kMillisecond);

void BM_DeepLists(benchmark::State& state) {
  std::string text = kHead;
  for (int i = 0; i < state.range(0); ++i)
    text.append(static_cast<std::size_t>(2 * i), ' ').append("- x\n");
  for (auto _ : state) benchmark::DoNotOptimize(parse_agent(text, "a.md"));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_DeepLists)->RangeMultiplier(2)->Range(250, 4000)->Complexity();

void BM_AliasLevels(benchmark::State& state) {
  std::string text = "---\nname: b\ndescription: d\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n";
  for (int i = 1; i < state.range(0); ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text.append("a").append(std::to_string(i)).append(": &a").append(std::to_string(i)).append(" [");
    for (int k = 0; k < 10; ++k) text.append(k == 0 ? "" : ",").append(prev);
    text.append("]\n");
  }
  text.append("---\nbody\n");
  for (auto _ : state) benchmark::DoNotOptimize(parse_agent(text, "a.md"));
}
BENCHMARK(BM_AliasLevels)->DenseRange(4, 10, 2);

void BM_LongNumber(benchmark::State& state) {
  std::string text = "---\nname: n\ndescription: ";
  text.append(static_cast<std::size_t>(state.range(0)), '1').append("\n---\nbody\n");
  for (auto _ : state) benchmark::DoNotOptimize(parse_agent(text, "a.md"));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LongNumber)->RangeMultiplier(2)->Range(1 << 14, 1 << 18)->Complexity();

}  // namespace
