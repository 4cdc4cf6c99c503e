// Subsumption: does one text say nothing that another does not?
//
//   content_words("Security documentation with auth flows")
//     -> {authent, document, flow, secur}      (auth -> authentication, stemmed)
//   content_words("**Security Documentation**: Authentication flows and authorization patterns")
//     -> {authent, author, document, flow, pattern, secur}
//   subsumes(second, first, rule) -> true: every content word of the first is
//   in the second, the lengths are comparable, neither negates what the
//   other says, and the first names no number the second lacks.
//
// Similarity (normalize.hpp) compares whole texts and misses a short text
// inside a longer one (Jaccard 0.1-0.4, containment 1.0); this is the
// containment test the merge folds by. Word forms meet through Snowball's
// English stemmer (libstemmer) after abbreviations and spelling variants
// are spelled out from a table (data/fold/word-variants.tsv, compiled in,
// extended by the config's `word_variants`).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace agentmerge::detail {

struct ContentWords {
  std::vector<std::string> stems;    // sorted, unique content-word stems
  std::vector<std::string> numbers;  // sorted, unique tokens holding a digit
  bool negated = false;              // says "never", "not", "avoid", "without"...
};

// Thresholds of the subsumption rule (Config::thresholds carries them).
struct SubsumeRule {
  double containment = 0.85;  // share of the smaller text's words in the larger
  int min_words = 3;          // a smaller text with fewer content words never folds
  double length_ratio = 3.0;  // the larger has at most this many times the words
};

// Content words of normalized text (normalize_text's output). `variants`
// extends the built-in variant table (variant -> canonical, both normalized).
ContentWords content_words(std::string_view normalized,
                           const std::map<std::string, std::string>& variants = {});

// Share of `small`'s stems found in `large` (0 when `small` has none).
double containment(const ContentWords& small, const ContentWords& large);

// True when `large` says everything `small` says, by `rule`.
bool subsumes(const ContentWords& large, const ContentWords& small, const SubsumeRule& rule);

// The built-in variant table: (variant, canonical) rows, normalized.
const std::vector<std::pair<std::string, std::string>>& builtin_word_variants();

// Sentences of a paragraph's Markdown text: split after '.', '!' or '?'
// followed by white space and an upper-case letter, '*' or '`'. Each piece
// keeps its text as written (trimmed); joined with ' ' they give the
// paragraph back up to white space.
std::vector<std::string> split_sentences(std::string_view markdown);

}  // namespace agentmerge::detail
