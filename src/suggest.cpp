// Did-you-mean suggestions (see include/agentmerge/suggest.hpp).
//
//   closest_word("--chek", {"--check", "--json"})  ->  "--check"   (1 edit)
//   closest_word("mig", {"merge", "migrate"})      ->  "migrate"   (only prefix)
#include "agentmerge/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace agentmerge {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool prefix_nocase(std::string_view prefix, std::string_view s) {
  return prefix.size() <= s.size() && equal_nocase(prefix, s.substr(0, prefix.size()));
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the optimal-string-alignment table.
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::optional<std::string> closest_word(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  if (word.empty()) return std::nullopt;
  for (const auto& c : candidates)
    if (equal_nocase(word, c)) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& c : candidates) {
    const std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), c.size()) / 3);
    const std::size_t d = edit_distance(word, c);
    if (d <= allowed && d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  if (best || word.size() < 3) return best;
  std::vector<const std::string*> prefixed;
  for (const auto& c : candidates)
    if (prefix_nocase(word, c)) prefixed.push_back(&c);
  if (prefixed.size() == 1) return *prefixed.front();
  return std::nullopt;
}

}  // namespace agentmerge
