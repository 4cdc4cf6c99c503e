// Text normalization and similarity used for matching blocks and sections.
//
//   normalize_text("- **API Design**: RESTful  services") -> "api design restful services"
//   token_similarity("restful api design", "api design, restful") -> 1.0
#pragma once

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

}  // namespace agentmerge
