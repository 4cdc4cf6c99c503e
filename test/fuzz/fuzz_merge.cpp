// Fuzz target: the input is split at its first line "=====" into two
// variants, both parsed and merged in both orders.
//
// Invariants: merge never crashes or throws; merge(a, b) == merge(b, a)
// byte for byte (order does not matter).
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agentmerge;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = bytes.find("\n=====\n");
  const std::string_view first = bytes.substr(0, cut);
  const std::string_view second =
      cut == std::string_view::npos ? std::string_view{} : bytes.substr(cut + 7);
  ParseOptions options;
  options.max_bytes = 1 << 20;
  auto a = parse_agent(first, "a.md", options);
  auto b = parse_agent(second, "b.md", options);
  if (!a || !b) return 0;
  const MergeOptions merge_options;
  auto ab = merge({*a, *b}, merge_options);
  auto ba = merge({*b, *a}, merge_options);
  if (ab.ok() != ba.ok()) std::abort();
  if (ab.ok() && ab->text != ba->text) std::abort();
  return 0;
}
