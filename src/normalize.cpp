// Text normalization and similarity for matching blocks, items and sections.
//
//   normalize_text("- **API Design**: RESTful [services](http://x)")
//     -> "api design restful services"
//   normalize_title("2. Core Competencies:")       -> "core competencies"
//   normalize_name("Backend_Architect.agent.md")   -> "backend-architect"
//   token_similarity("caching strategies redis memcached",
//                    "implementing caching layers redis memcached") -> ~0.67
//
// Everything here is pure and allocation-light: token_similarity runs
// O(n^2) over the list items of aligned sections.
#include "agentmerge/normalize.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string_view>

#include <utf8proc.h>

#include "normalize_internal.hpp"
#include "sorted_common.hpp"

namespace agentmerge {

namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Unicode case folding (NFC composed). Invalid UTF-8 falls back to ASCII
// lowercasing so that normalization never fails.
std::string casefold(std::string_view s) {
  // ASCII text (most agent files, block by block) folds to lowercase bytes;
  // utf8proc's full mapping only runs when a byte >= 0x80 is present.
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string result(s);
    for (char& c : result)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return result;
  }
  utf8proc_uint8_t* out = nullptr;
  const auto flags =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &out, flags);
  std::string result;
  if (n >= 0 && out != nullptr) {
    result.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  } else {
    result.assign(s);
    for (char& c : result)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::free(out);  // NOLINT(cppcoreguidelines-no-malloc): utf8proc allocates with malloc
  return result;
}

}  // namespace

namespace detail {

// casefold applied to each space-separated word of `words` (the output of
// fold_line): ASCII words are lowercased in place, the others go
// through utf8proc one word at a time.
std::string casefold_words(std::string words) {
  auto ascii = [](std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  auto lower = [](char& c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  };
  if (ascii(words)) {
    std::for_each(words.begin(), words.end(), lower);
    return words;
  }
  std::string out;
  out.reserve(words.size());
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t j = words.find(' ', i);
    if (j == std::string::npos) j = words.size();
    const std::string_view w = std::string_view(words).substr(i, j - i);
    if (ascii(w)) {
      const std::size_t at = out.size();
      out.append(w);
      std::for_each(out.begin() + static_cast<std::ptrdiff_t>(at), out.end(), lower);
    } else {
      out.append(casefold(w));
    }
    if (j < words.size()) out.push_back(' ');
    i = j + 1;
  }
  return out;
}

// Removes one line's block-level markers: indentation, '>' quote markers,
// ATX '#'s, and a list marker ("-", "*", "+", "1.", "1)").
std::string_view strip_line_markers(std::string_view line) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_spaces();
  while (i < line.size() && line[i] == '>') {
    ++i;
    skip_spaces();
  }
  if (i < line.size() && line[i] == '#') {
    while (i < line.size() && line[i] == '#') ++i;
    skip_spaces();
  }
  if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') &&
      (line[i + 1] == ' ' || line[i + 1] == '\t')) {
    i += 2;
  } else {
    std::size_t j = i;
    while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
    if (j > i && j + 1 < line.size() && (line[j] == '.' || line[j] == ')') &&
        (line[j + 1] == ' ' || line[j + 1] == '\t'))
      i = j + 2;
  }
  return line.substr(i);
}

}  // namespace detail

namespace {

// The length of the link target "(url)" that starts at line[i] after a
// "]", or 0 when there is none: "[text](url)" and "![alt](url)" keep their
// text, the URL is dropped; a "(...)" holding a space is not a URL and is
// kept. A target never spans lines (a line break is a space).
std::size_t link_target(std::string_view line, std::size_t i) {
  if (i >= line.size() || line[i] != '(') return 0;
  const std::size_t close = line.find(')', i + 1);
  if (close == std::string_view::npos) return 0;
  if (line.substr(i + 1, close - i - 1).find(' ') != std::string_view::npos) return 0;
  return close - i + 1;
}

// Keeps '+' and '#' that end a word ("c++", "c#", "f#"): they carry meaning
// in agent files that list languages. Every other punctuation folds to space.
// (Link targets cut out of the line only ever border on ']' and ')', which
// are not word characters either, so looking at the line is enough.)
bool keep_symbol(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c != '+' && c != '#') return false;
  std::size_t j = i;
  while (j > 0 && (s[j - 1] == '+' || s[j - 1] == '#')) --j;
  if (j == 0 || !is_ascii_alnum(static_cast<unsigned char>(s[j - 1]))) return false;
  std::size_t k = i;
  while (k < s.size() && (s[k] == '+' || s[k] == '#')) ++k;
  return k == s.size() || !is_ascii_alnum(static_cast<unsigned char>(s[k]));
}

// Whether a code point is a letter, a mark or a number (kept in words).
bool is_word_code_point(utf8proc_int32_t cp) {
  const utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// Appends the words of one line (markers already stripped) to `out`:
// letters, numbers and combining marks are kept, ASCII letters lowercased;
// everything else (ASCII or Unicode punctuation, symbols, emoji,
// separators, invalid bytes, link targets) separates words, written as one
// space. `space` says a separator is pending; `non_ascii` is set when a
// kept byte is >= 0x80 (the words then still need Unicode case folding).
void fold_line(std::string_view line, std::string& out, bool& space, bool& non_ascii) {
  auto keep = [&](const char* p, std::size_t n) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(p, n);
  };
  std::size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      if (is_ascii_alnum(c) || keep_symbol(line, i)) {
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        keep(&lower, 1);
      } else {
        space = true;
        if (c == ']') i += link_target(line, i + 1);
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                         static_cast<utf8proc_ssize_t>(line.size() - i), &cp);
    if (len <= 0) {  // invalid byte: a separator
      space = true;
      ++i;
      continue;
    }
    if (is_word_code_point(cp)) {
      keep(line.data() + i, static_cast<std::size_t>(len));
      non_ascii = true;
    } else {
      space = true;
    }
    i += static_cast<std::size_t>(len);
  }
}

// Words that carry little meaning for matching. Kept when a text has nothing
// else, so "and or" still compares with itself.
constexpr std::array<std::string_view, 28> kStopwords{
    "a",    "an",   "and", "are", "as",   "at",  "be",   "by",   "for",  "from",
    "in",   "into", "is",  "it",  "its",  "of",  "on",   "or",   "that", "the",
    "this", "to",   "via", "with", "your", "you", "when", "using"};

bool is_stopword(std::string_view w) {
  return std::find(kStopwords.begin(), kStopwords.end(), w) != kStopwords.end();
}

// A deliberately small English stemmer, applied in order: plural ("ies" ->
// "y", "s"), then "-ing"/"-ed", then a final "e". Enough for
// "strategies"/"strategy", "caching"/"cache", "services"/"service".
// Writes the stem of `word` to `w` (reused between words: no allocation).
void stem_into(std::string_view word, std::string& w) {
  w.assign(word);
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && std::string_view(w).substr(w.size() - suf.size()) == suf;
  };
  if (w.size() > 4 && ends("ies")) {
    w.resize(w.size() - 3);
    w.push_back('y');
  } else if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    w.pop_back();
  }
  if (w.size() > 5 && ends("ing")) {
    w.resize(w.size() - 3);
  } else if (w.size() > 4 && ends("ed")) {
    w.resize(w.size() - 2);
  }
  if (w.size() > 4 && ends("e")) w.pop_back();
}

// Calls fn(word) for each space-separated word of normalized text.
template <class F>
void for_each_word(std::string_view normalized, F&& fn) {
  std::size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && normalized[i] == ' ') ++i;
    std::size_t j = i;
    while (j < normalized.size() && normalized[j] != ' ') ++j;
    if (j > i) fn(normalized.substr(i, j - i));
    i = j;
  }
}

// Adds a stemmed word's features: its hash, and its character trigrams
// padded with a space on both sides ("api" -> " ap", "api", "pi "), each
// packed into 24 bits (three bytes: the key is the trigram itself, so there
// is nothing to hash and no collision). Trigrams are order-independent and
// give partial credit to compounds and word forms the stemmer misses.
void add_features(std::string_view w, TextSignature& sig) {
  sig.words.push_back(std::hash<std::string_view>{}(w));
  if (w.empty()) return;
  std::uint32_t window = static_cast<std::uint32_t>(' ');
  for (std::size_t i = 0; i < w.size(); ++i) {
    window = (window << 8U) | static_cast<unsigned char>(w[i]);
    if (i > 0) sig.grams.push_back(window & 0xFFFFFFU);
  }
  sig.grams.push_back(((window << 8U) | static_cast<std::uint32_t>(' ')) & 0xFFFFFFU);
}

// Dice coefficient 2|A∩B| / (|A|+|B|) over two sorted multisets.
template <class Key>
double dice(const std::vector<Key>& a, const std::vector<Key>& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t common = detail::sorted_common(a, b);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace

std::string normalize_text(std::string_view markdown) {
  // One pass over the lines: markers, links, word splitting and ASCII case
  // in one go (test/support/normalize_reference.hpp has the same steps one
  // pass each; both give the same bytes). utf8proc only folds the words
  // that are not ASCII. (Folding keeps a word a word: case mapping does not
  // change whether a code point is a letter, mark or number, and an ASCII
  // letter folds the same before or after the rest of its word.)
  std::string out;
  out.reserve(markdown.size());
  bool space = false;
  bool non_ascii = false;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    fold_line(detail::strip_line_markers(markdown.substr(start, end - start)), out, space, non_ascii);
    space = true;
    start = end + 1;
  }
  return non_ascii ? detail::casefold_words(std::move(out)) : out;
}

std::string normalize_title(std::string_view title) {
  std::size_t i = 0;
  while (i < title.size() && is_space(title[i])) ++i;
  // Leading numbering: "1.", "1)", "2.3", "2.3." followed by a space.
  std::size_t j = i;
  while (j < title.size() && ((title[j] >= '0' && title[j] <= '9') || title[j] == '.'))
    ++j;
  if (j < title.size() && title[j] == ')') ++j;
  const bool numbered = j > i && title[i] >= '0' && title[i] <= '9' &&
                        (title[j - 1] == '.' || title[j - 1] == ')' ||
                         title.substr(i, j - i).find('.') != std::string_view::npos) &&
                        j < title.size() && is_space(title[j]);
  // The trailing ':' is punctuation and folds away in normalize_text.
  return normalize_text(numbered ? title.substr(j) : title.substr(i));
}

std::string normalize_name(std::string_view name) {
  std::string s = casefold(name);
  for (char& c : s)
    if (c == '_' || c == ' ' || c == '\t') c = '-';
  // Format suffixes, in any combination: ".agent.md", ".chatmode.md", ".md".
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view suffix : {".md", ".agent", ".chatmode"}) {
      if (s.size() > suffix.size() && s.ends_with(suffix)) {
        s.resize(s.size() - suffix.size());
        changed = true;
      }
    }
  }
  std::string out;
  for (char c : s) {
    if (c == '-' && (out.empty() || out.back() == '-')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::vector<std::string> tokens(std::string_view normalized) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && is_space(normalized[i])) ++i;
    std::size_t j = i;
    while (j < normalized.size() && !is_space(normalized[j])) ++j;
    if (j > i) out.emplace_back(normalized.substr(i, j - i));
    i = j;
  }
  return out;
}

// 0.6 * Dice(content words, stemmed) + 0.4 * Dice(character trigrams of
// those words). Both parts are multiset overlaps, so the score is symmetric and
// ignores word order; the trigram part gives partial credit to related word
// forms ("cache"/"caching", "microservice"/"microservices").
double token_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  return similarity(text_signature(a), text_signature(b));
}

namespace {

// Sorts 24-bit trigram keys: three counting passes of one byte each (LSD
// radix sort) for long texts, std::sort for short ones. Same result.
void sort_trigrams(std::vector<std::uint32_t>& keys) {
  constexpr std::size_t kRadixFrom = 256;
  if (keys.size() < kRadixFrom) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  std::vector<std::uint32_t> tmp(keys.size());
  for (unsigned shift = 0; shift < 24; shift += 8) {
    std::array<std::size_t, 257> start{};
    for (const std::uint32_t k : keys) ++start[((k >> shift) & 0xFFU) + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    for (const std::uint32_t k : keys) tmp[start[(k >> shift) & 0xFFU]++] = k;
    keys.swap(tmp);
  }
}

}  // namespace

TextSignature text_signature(std::string_view normalized) {
  // The stemmed content words (stopwords dropped, unless nothing else is
  // left) and their trigrams, sorted as multisets.
  TextSignature sig;
  sig.grams.reserve(normalized.size() + 2);
  std::string stemmed;
  bool content = false;
  for_each_word(normalized, [&](std::string_view w) {
    if (is_stopword(w)) return;
    content = true;
    stem_into(w, stemmed);
    add_features(stemmed, sig);
  });
  if (!content)
    for_each_word(normalized, [&](std::string_view w) {
      stem_into(w, stemmed);
      add_features(stemmed, sig);
    });
  std::sort(sig.words.begin(), sig.words.end());
  sort_trigrams(sig.grams);
  return sig;
}

namespace {
// The weighted sum every similarity here uses (also for bounds: it is
// monotone in both parts).
double weigh(double words, double grams) { return 0.6 * words + 0.4 * grams; }
}  // namespace

double similarity(const TextSignature& a, const TextSignature& b) {
  return weigh(dice(a.words, b.words), dice(a.grams, b.grams));
}

double similarity_at_least(const TextSignature& a, const TextSignature& b, double floor) {
  auto bound = [](std::size_t x, std::size_t y) {
    if (x == 0 && y == 0) return 1.0;
    return 2.0 * static_cast<double>(std::min(x, y)) / static_cast<double>(x + y);
  };
  const double grams_bound = bound(a.grams.size(), b.grams.size());
  if (weigh(bound(a.words.size(), b.words.size()), grams_bound) < floor) return 0.0;
  const double words = dice(a.words, b.words);
  if (weigh(words, grams_bound) < floor) return 0.0;
  const double sim = weigh(words, dice(a.grams, b.grams));
  return sim < floor ? 0.0 : sim;
}

}  // namespace agentmerge
