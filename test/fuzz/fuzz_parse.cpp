// Fuzz target: arbitrary bytes through parse -> emit -> parse.
//
// Invariants checked (a violation aborts, which the fuzzer reports):
//  - parse_agent never throws and never crashes on any input;
//  - whatever parses, its canonical emission parses again;
//  - emission is idempotent: emit(parse(emit(x))) == emit(x);
//  - normalize_text gives the same bytes as its one-pass-per-step reference;
//  - the emitter's as-is shortcut gives each block the same canonical form
//    as a full re-parse of it.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/normalize.hpp"
#include "emit_internal.hpp"
#include "normalize_reference.hpp"

namespace {

void check_shortcut(const agentmerge::Section& s) {
  using namespace agentmerge::detail;
  for (const agentmerge::Block& b : s.blocks)
    for (const char prev : {'\0', '-', '*'}) {
      const Fragment fast = canonical_block(b, prev, FragmentPath::Auto);
      const Fragment slow = canonical_block(b, prev, FragmentPath::Reparse);
      if (fast.text != slow.text || fast.last_bullet != slow.last_bullet) std::abort();
    }
  for (const agentmerge::Section& c : s.children) check_shortcut(c);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agentmerge;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (normalize_text(bytes) != test::normalize_text_reference(bytes)) std::abort();
  ParseOptions options;
  options.max_bytes = 1 << 20;
  auto parsed = parse_agent(bytes, "fuzz.md", options);
  if (!parsed) return 0;
  check_shortcut(parsed->body.root);
  const std::string once = emit(*parsed).text;
  auto again = parse_agent(once, "fuzz.md", options);
  if (!again) std::abort();  // canonical output must always be readable
  if (emit(*again).text != once) std::abort();  // idempotence
  return 0;
}
