// Subsumption of texts by their content words (see subsume.hpp).
//
//   before: "Encryption at rest and in transit" / "Encrypting sensitive data at rest and in transit"
//   after:  {encrypt, rest, transit} is inside {data, encrypt, rest, sensit, transit}:
//           the first says nothing the second does not
#include "subsume.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include "agentmerge/normalize.hpp"

namespace agentmerge::detail {

namespace {

// The variant table as written in data/fold/word-variants.tsv (one
// "variant<TAB>canonical" row a line, a header first), compiled in.
constexpr std::string_view kVariantTable =
#include "word_variants.inc"
    ;

// Words that carry no point of their own in an agent's instructions:
// function words, and the verbs and adjectives every bullet uses ("ensure
// proper ..."). Negations are not here: they are a flag of their own.
constexpr std::array<std::string_view, 72> kStopwords{
    "a",        "about",   "above",  "across",  "after",    "all",     "also",      "an",
    "and",      "any",     "are",    "as",      "at",       "be",      "been",      "being",
    "both",     "but",     "by",     "can",     "could",    "do",      "does",      "each",
    "e",        "g",       "eg",     "etc",     "for",      "from",    "has",       "have",
    "how",      "i",       "ie",     "if",      "in",       "into",    "is",        "it",
    "its",      "make",    "may",    "more",    "must",     "of",      "on",        "or",
    "our",      "over",    "should", "so",      "such",     "than",    "that",      "the",
    "their",    "them",    "then",   "these",   "they",     "this",    "those",     "through",
    "to",       "up",      "use",    "using",   "via",      "we",      "what",      "when"};
constexpr std::array<std::string_view, 14> kMoreStopwords{
    "where", "which", "while", "who", "will", "with", "within", "would", "you", "your",
    "proper", "properly", "appropriate", "ensure"};
constexpr std::array<std::string_view, 17> kNegations{
    "not", "no",    "never",   "don",   "doesn", "didn",  "isn",    "aren",   "won",
    "shouldn", "mustn", "cannot", "avoid", "without", "nor", "neither", "instead"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view w) {
  return std::find(table.begin(), table.end(), w) != table.end();
}

bool is_stopword(std::string_view w) { return in(kStopwords, w) || in(kMoreStopwords, w); }

std::vector<std::pair<std::string, std::string>> parse_variants(std::string_view table) {
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t start = 0;
  bool header = true;
  while (start < table.size()) {
    std::size_t end = table.find('\n', start);
    if (end == std::string_view::npos) end = table.size();
    const std::string_view line = table.substr(start, end - start);
    start = end + 1;
    const std::size_t tab = line.find('\t');
    if (header || tab == std::string_view::npos || line.starts_with("#")) {
      header = false;
      continue;
    }
    std::string_view canon = line.substr(tab + 1);
    if (const std::size_t t2 = canon.find('\t'); t2 != std::string_view::npos) canon = canon.substr(0, t2);
    rows.emplace_back(normalize_text(line.substr(0, tab)), normalize_text(canon));
  }
  return rows;
}

// One Snowball stemmer per thread (a stemmer keeps state between calls).
struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

std::string stem(std::string_view word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))};
}

const std::string* lookup(const std::vector<std::pair<std::string, std::string>>& table,
                          std::string_view w) {
  const auto it = std::lower_bound(table.begin(), table.end(), w,
                                   [](const auto& row, std::string_view key) { return row.first < key; });
  return it != table.end() && it->first == w ? &it->second : nullptr;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

template <class F>
void for_each_word(std::string_view text, F&& fn) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) fn(text.substr(i, j - i));
    i = j;
  }
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& builtin_word_variants() {
  static const auto table = [] {
    auto rows = parse_variants(kVariantTable);
    std::sort(rows.begin(), rows.end());
    return rows;
  }();
  return table;
}

ContentWords content_words(std::string_view normalized, const std::map<std::string, std::string>& variants) {
  ContentWords cw;
  const auto& table = builtin_word_variants();
  auto add = [&](std::string_view w) {
    if (in(kNegations, w)) {
      cw.negated = true;
      return;
    }
    // A number of any length counts ("3 times" is not "5 times").
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      cw.numbers.emplace_back(w);
      return;
    }
    if (is_stopword(w) || w.size() < 2) return;
    cw.stems.push_back(stem(w));
  };
  for_each_word(normalized, [&](std::string_view w) {
    const std::string* canon = nullptr;
    if (const auto it = variants.find(std::string(w)); it != variants.end()) canon = &it->second;
    if (canon == nullptr) canon = lookup(table, w);
    if (canon == nullptr) {
      add(w);
      return;
    }
    for_each_word(*canon, add);
  });
  sort_unique(cw.stems);
  sort_unique(cw.numbers);
  return cw;
}

double containment(const ContentWords& small, const ContentWords& large) {
  if (small.stems.empty()) return 0.0;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t common = 0;
  while (i < small.stems.size() && j < large.stems.size()) {
    const int c = small.stems[i].compare(large.stems[j]);
    if (c == 0) {
      ++common;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(small.stems.size());
}

bool subsumes(const ContentWords& large, const ContentWords& small, const SubsumeRule& rule) {
  const auto n = static_cast<double>(small.stems.size());
  if (small.stems.size() < static_cast<std::size_t>(std::max(rule.min_words, 1))) return false;
  if (static_cast<double>(large.stems.size()) > rule.length_ratio * n) return false;
  if (small.negated != large.negated) return false;
  if (!std::includes(large.numbers.begin(), large.numbers.end(), small.numbers.begin(), small.numbers.end()))
    return false;
  return containment(small, large) >= rule.containment;
}

std::vector<std::string> split_sentences(std::string_view md) {
  std::vector<std::string> out;
  auto push = [&](std::string_view s) {
    const std::size_t a = s.find_first_not_of(" \n\t");
    if (a == std::string_view::npos) return;
    const std::size_t b = s.find_last_not_of(" \n\t");
    out.emplace_back(s.substr(a, b - a + 1));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < md.size(); ++i) {
    const char c = md[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (md[i + 1] != ' ' && md[i + 1] != '\n') continue;
    std::size_t k = i + 1;
    while (k < md.size() && (md[k] == ' ' || md[k] == '\n')) ++k;
    if (k >= md.size()) break;
    const char n = md[k];
    if ((n >= 'A' && n <= 'Z') || n == '*' || n == '`') {
      push(md.substr(start, i + 1 - start));
      start = k;
      i = k - 1;
    }
  }
  push(md.substr(start));
  return out;
}

}  // namespace agentmerge::detail
