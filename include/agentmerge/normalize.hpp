// Text normalization and similarity used for matching blocks and sections.
//
//   normalize_text("- **API Design**: RESTful  services") -> "api design restful services"
//   token_similarity("restful api design", "api design, restful") -> 1.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agentmerge {

// Lowercase (Unicode-aware via utf8proc), strip Markdown inline markup and
// list markers, fold punctuation and whitespace to single spaces, trim.
std::string normalize_text(std::string_view markdown);

// Normalized heading text: normalize_text plus trailing ':' dropped and a
// leading "1." numbering removed.
std::string normalize_title(std::string_view title);

// Normalized agent name: lowercase, '_' and ' ' -> '-', format suffixes
// (".agent", ".chatmode", ".md") removed, repeated '-' folded.
std::string normalize_name(std::string_view name);

// Word tokens of normalized text.
std::vector<std::string> tokens(std::string_view normalized);

// Similarity in [0, 1] of two normalized texts:
//   0.6 * Dice(stemmed content words) + 0.4 * Dice(character trigrams of them)
// over multisets (stopwords dropped unless nothing else is left), so that
// reordered and reworded text still scores high. Symmetric; 1.0 for equal
// texts.
double token_similarity(std::string_view a, std::string_view b);

// The features token_similarity compares, computed once per text so that a
// text compared with many others pays for stemming and hashing once:
// similarity(text_signature(a), text_signature(b)) == token_similarity(a, b)
// except for the a == b shortcut (equal texts also score 1.0 here).
struct TextSignature {
  std::vector<std::uint64_t> words;  // sorted hashes of the stemmed content words
  std::vector<std::uint32_t> grams;  // their sorted character trigrams, 3 bytes each
};
TextSignature text_signature(std::string_view normalized);
double similarity(const TextSignature& a, const TextSignature& b);

// similarity(a, b) when it is at least `floor`, else 0. Cheap checks come
// first: the bound from the feature counts (Dice is at most 2 min / sum),
// then the word overlap with the trigram part at its bound; most pairs of a
// merge stop there without comparing the longer trigram lists.
double similarity_at_least(const TextSignature& a, const TextSignature& b, double floor);

}  // namespace agentmerge
