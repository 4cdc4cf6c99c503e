// Stage 4 (internal): two steps of normalize_text that the test reference
// (test/support/normalize_reference.hpp) shares with it; the reference
// keeps its own copies of only the steps the single pass replaced.
//
//   strip_line_markers("  > - item")   -> "item"
//   casefold_words("stra\u00dfe API")  -> "strasse api"
#pragma once

#include <string>
#include <string_view>

namespace agentmerge::detail {

// Removes one line's block-level markers: indentation, '>' quote markers,
// ATX '#'s, and a list marker ("-", "*", "+", "1.", "1)").
std::string_view strip_line_markers(std::string_view line);

// Unicode case folding (NFC composed) of each space-separated word: ASCII
// words are lowercased in place, the others go through utf8proc one word at
// a time. Invalid UTF-8 falls back to ASCII lowercasing.
std::string casefold_words(std::string words);

}  // namespace agentmerge::detail
