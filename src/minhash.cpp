// Fingerprints for clustering: one parsed agent in, a small summary out.
//
//   ---
//   name: Python_Pro.agent             AgentFingerprint{
//   description: Python expert   ->      normalized_name = "python-pro",
//   ---                                  exact_hash = xxh64(emit(file).text),
//   Write idiomatic Python code.         shingles = hashes of {"python", "expert",
//                                          "write", "idiomatic", "code"},
//                                        signature = 128 MinHash values }
//
// Shingles are single content words (stop words removed). Measured on the
// real variants this project targets, independently edited copies of one
// role share almost no 2- or 3-word shingles (Jaccard 0.006 to 0.24 between
// the five backend-architect variants), while their content-word sets still
// agree (0.18 to 0.38); exact copies score 1 either way. See docs/scan.md.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>

#include <xxhash.h>

#include "agentmerge/cluster.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/normalize.hpp"  // normalize_name
#include "minhash.hpp"
#include "sorted_common.hpp"

namespace agentmerge {
namespace {

// Words too common in agent prompts to say anything about the role.
constexpr std::array<std::string_view, 72> kStopWords = {
    "a",      "about", "all",   "also",  "an",    "and",   "any",   "are",   "as",
    "at",     "be",    "but",   "by",    "can",   "do",    "does",  "each",  "for",
    "from",   "has",   "have",  "how",   "i",     "if",    "in",    "into",  "is",
    "it",     "its",   "may",   "more",  "most",  "must",  "not",   "of",    "on",
    "or",     "other", "our",   "out",   "per",   "should", "so",   "such",  "than",
    "that",   "the",   "their", "then",  "these", "they",  "this",  "those", "to",
    "up",     "use",   "using", "via",   "was",   "we",    "were",  "what",  "when",
    "which",  "will",  "with",  "you",   "your",  "agent", "user",  "assistant",
    "example"};

// Name words that say "someone who does X" rather than what X is.
constexpr std::array<std::string_view, 12> kGenericRoleWords = {
    "agent",  "assistant", "developer", "engineer", "expert", "guru",
    "master", "mode",      "pro",       "specialist", "bot",   "helper"};

bool is_stop_word(std::string_view w) {
  static const std::unordered_set<std::string_view> set(kStopWords.begin(), kStopWords.end());
  return set.count(w) != 0;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         c >= 0x80;
}

// Fixed multipliers/offsets of the kMinHashSize hash functions
// h_i(x) = (a_i * x + b_i) >> 32 over 64-bit arithmetic (multiply-add-shift).
struct HashFamily {
  std::array<std::uint64_t, kMinHashSize> a{};
  std::array<std::uint64_t, kMinHashSize> b{};
  HashFamily() {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] {  // splitmix64: fixed seed, identical on every run
      std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      return z ^ (z >> 31);
    };
    for (std::size_t i = 0; i < kMinHashSize; ++i) {
      a[i] = next() | 1U;
      b[i] = next();
    }
  }
};

const HashFamily& hash_family() {
  static const HashFamily family;
  return family;
}

std::vector<std::uint32_t> content_shingles(std::string_view normalized) {
  std::vector<std::uint32_t> out;
  std::string word;
  const auto flush = [&] {
    if (word.size() > 1 && !is_stop_word(word)) {
      out.push_back(static_cast<std::uint32_t>(XXH3_64bits(word.data(), word.size()) >> 32));
    }
    word.clear();
  };
  for (const char ch : normalized) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::uint32_t> minhash(const std::vector<std::uint32_t>& shingles) {
  if (shingles.empty()) return {};
  const HashFamily& h = hash_family();
  std::vector<std::uint32_t> sig(kMinHashSize, UINT32_MAX);
  for (const std::uint32_t s : shingles) {
    for (std::size_t i = 0; i < kMinHashSize; ++i) {
      const auto v = static_cast<std::uint32_t>((h.a[i] * s + h.b[i]) >> 32);
      sig[i] = std::min(sig[i], v);
    }
  }
  return sig;
}

}  // namespace

namespace detail {

std::vector<std::string> role_words(std::string_view normalized_name) {
  std::vector<std::string> all;
  std::string cur;
  const auto flush = [&] {
    if (!cur.empty()) all.push_back(cur);
    cur.clear();
  };
  for (const char c : normalized_name) {
    if (c == '-' || c == '.' || c == '/') {
      flush();
    } else {
      cur.push_back(c);
    }
  }
  flush();
  const auto generic = [](const std::string& w) {
    return std::find(kGenericRoleWords.begin(), kGenericRoleWords.end(), w) !=
               kGenericRoleWords.end() ||
           w.find_first_not_of("0123456789") == std::string::npos;
  };
  std::vector<std::string> role;
  for (const std::string& w : all) {
    if (!generic(w)) role.push_back(w);
  }
  return role.empty() ? all : role;
}

}  // namespace detail

AgentFingerprint fingerprint(const AgentFile& file,
                             const std::map<std::string, std::string>& name_aliases) {
  AgentFingerprint fp;
  fp.source_name = file.source_name;
  fp.name = file.name();
  fp.normalized_name = normalize_name(fp.name);
  if (const auto it = name_aliases.find(fp.normalized_name); it != name_aliases.end()) {
    fp.normalized_name = it->second;
  }
  fp.format = file.format;
  fp.has_frontmatter = file.frontmatter.mode != FrontmatterMode::Absent;
  const std::string canonical = emit(file).text;
  fp.exact_hash = XXH3_64bits(canonical.data(), canonical.size());
  std::string text = file.description();
  text += '\n';
  text += file.body.text;
  // The tokenizer folds ASCII case and treats every punctuation and markup
  // byte as a separator, which is what normalize_text would do for words;
  // skipping normalize_text (Unicode case folding of the whole body) halves
  // the cost of a fingerprint. Non-ASCII words keep their case.
  fp.shingles = content_shingles(text);
  fp.signature = minhash(fp.shingles);
  return fp;
}

double shingle_jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  const std::size_t common = detail::sorted_common(a, b);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double estimated_jaccard(const std::vector<std::uint32_t>& a,
                         const std::vector<std::uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return a.empty() && b.empty() ? 1.0 : 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i] ? 1U : 0U;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

double name_similarity(std::string_view a, std::string_view b) {
  return detail::role_similarity(detail::role_words(a), detail::role_words(b));
}

std::string_view to_string(LinkKind k) {
  switch (k) {
    case LinkKind::Primary: return "primary";
    case LinkKind::Exact: return "exact";
    case LinkKind::SameName: return "same-name";
    case LinkKind::SimilarContent: return "similar-content";
  }
  return "similar-content";
}

std::string_view to_string(ClusterReason r) {
  switch (r) {
    case ClusterReason::Singleton: return "singleton";
    case ClusterReason::Exact: return "exact";
    case ClusterReason::SameName: return "same-name";
    case ClusterReason::SimilarContent: return "similar-content";
  }
  return "singleton";
}

}  // namespace agentmerge
