// Fuzz target: arbitrary bytes through parse -> emit -> parse.
//
// Invariants checked (a violation aborts, which the fuzzer reports):
//  - parse_agent never throws and never crashes on any input;
//  - whatever parses, its canonical emission parses again;
//  - emission is idempotent: emit(parse(emit(x))) == emit(x).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agentmerge;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParseOptions options;
  options.max_bytes = 1 << 20;
  auto parsed = parse_agent(bytes, "fuzz.md", options);
  if (!parsed) return 0;
  const std::string once = emit(*parsed).text;
  auto again = parse_agent(once, "fuzz.md", options);
  if (!again) std::abort();  // canonical output must always be readable
  if (emit(*again).text != once) std::abort();  // idempotence
  return 0;
}
