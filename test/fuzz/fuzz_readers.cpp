// Fuzz target: the readers of user-edited files other than agent Markdown.
// The first byte picks the reader, the rest is its input:
//   0 plan (read_plan)       1 config (parse_config)   2 manifest (read_manifest)
//   3 Codex TOML agent       4 Kiro JSON agent
//   'D' (0x44, before the modulo) decisions file (parse_review_choices)
//
// Invariants checked (a violation aborts, which the fuzzer reports):
//  - no reader throws or crashes on any input;
//  - what reads back is stable: write_plan and write_manifest of a read
//    result read again to the same text;
//  - an external agent that reads converts back to its format without error
//    when it carries a name;
//  - a decisions file that reads is written and read back to the same text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "agentmerge/config.hpp"
#include "agentmerge/convert.hpp"
#include "agentmerge/decisions.hpp"
#include "agentmerge/manifest.hpp"
#include "agentmerge/plan.hpp"

namespace {

using namespace agentmerge;

void fuzz_plan(std::string_view text) {
  auto plan = read_plan(text, "fuzz.yaml");
  if (!plan) return;
  const std::string once = write_plan(*plan);
  auto again = read_plan(once, "fuzz.yaml");
  if (!again || write_plan(*again) != once) std::abort();
}

void fuzz_manifest(std::string_view text) {
  auto m = read_manifest(text, "manifest");
  if (!m) return;
  const std::string once = write_manifest(*m);
  auto again = read_manifest(once, "manifest");
  if (!again || again->files != m->files) std::abort();
}

void fuzz_external(std::string_view text, ExternalFormat format) {
  auto agent =
      read_external(text, format == ExternalFormat::Codex ? "fuzz.toml" : "fuzz.json", format);
  if (!agent) return;
  static_cast<void>(convert(*agent, format));
}

void fuzz_decisions(std::string_view text) {
  auto c = parse_review_choices(text, "decisions.json");
  if (!c) return;
  const std::string once = review_choices_to_json(*c);
  auto again = parse_review_choices(once, "decisions.json");
  if (!again || review_choices_to_json(*again) != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 'D') {  // outside the modulo, so older corpus entries keep their reader
    fuzz_decisions(text);
    return 0;
  }
  switch (data[0] % 5) {
    case 0:
      fuzz_plan(text);
      break;
    case 1:
      static_cast<void>(parse_config(text, "agentmerge.yaml"));
      break;
    case 2:
      fuzz_manifest(text);
      break;
    case 3:
      fuzz_external(text, ExternalFormat::Codex);
      break;
    default:
      fuzz_external(text, ExternalFormat::Kiro);
      break;
  }
  return 0;
}
