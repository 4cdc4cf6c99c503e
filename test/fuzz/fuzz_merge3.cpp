// Fuzz target: the input is split at its lines "=====" into base, ours and
// theirs, merged three-way.
//
// Invariants: merge3 never crashes or throws; when no input holds a
// conflict marker, the result holds exactly `conflicts` opening markers;
// with ours == base the result is theirs' bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "agentmerge/merge3.hpp"

namespace {

// Opening marker lines, LF or CRLF (the result keeps ours' line endings and
// byte-order mark).
std::size_t count_openings(std::string_view text) {
  constexpr std::string_view kOpen = "<<<<<<< ours";
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(kOpen, at)) != std::string_view::npos; ++at) {
    const std::string_view after = text.substr(at + kOpen.size());
    const bool line_end = after.starts_with("\n") || after.starts_with("\r\n");
    if ((at == 0 || text[at - 1] == '\n') && line_end) ++n;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace agentmerge;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  std::string_view rest = bytes;
  for (int i = 0; i < 3; ++i) {
    const std::size_t cut = i < 2 ? rest.find("\n=====\n") : std::string_view::npos;
    parts[i] = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 7);
  }
  Merge3Options options;
  options.parse.max_bytes = 1 << 20;
  auto r = merge3({parts[0], "base"}, {parts[1], "ours"}, {parts[2], "theirs"}, options);
  if (!r.ok()) return 0;
  if (bytes.find("<<<<<<<") == std::string_view::npos &&
      count_openings(r->text) != static_cast<std::size_t>(r->conflicts))
    std::abort();
  auto same = merge3({parts[0], "base"}, {parts[0], "ours"}, {parts[2], "theirs"}, options);
  if (same.ok() && same->text != parts[2]) std::abort();
  return 0;
}
