// The reference normalization: normalize_text as first written, one pass
// per step (line markers, links, words, case). The library's single-pass
// normalize_text must give the same bytes for every text; the corpus test
// and the parse fuzzer compare the two.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

#include <utf8proc.h>

namespace agentmerge::test {

namespace reference_detail {

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


// Unicode case folding (NFC composed). Invalid UTF-8 falls back to ASCII
// lowercasing so that normalization never fails.
inline std::string casefold(std::string_view s) {
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

// casefold applied to each space-separated word of `words` (the output of
// fold_to_words): ASCII words are lowercased in place, the others go
// through utf8proc one word at a time.
inline std::string casefold_words(std::string words) {
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
inline std::string_view strip_line_markers(std::string_view line) {
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

// Replaces "[text](url)" and "![alt](url)" by their text (the URL is
// dropped; a "(...)" holding a space is not a URL and is kept).
inline std::string strip_links(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      const std::size_t close = s.find(')', i + 2);
      if (close != std::string_view::npos && s.substr(i + 2, close - i - 2).find(' ') ==
                                                 std::string_view::npos) {
        out.push_back(' ');
        i = close;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Keeps '+' and '#' that end a word ("c++", "c#", "f#"): they carry meaning
// in agent files that list languages. Every other punctuation folds to space.
inline bool keep_symbol(const std::string& s, std::size_t i) {
  const char c = s[i];
  if (c != '+' && c != '#') return false;
  std::size_t j = i;
  while (j > 0 && (s[j - 1] == '+' || s[j - 1] == '#')) --j;
  if (j == 0 || !is_ascii_alnum(static_cast<unsigned char>(s[j - 1]))) return false;
  std::size_t k = i;
  while (k < s.size() && (s[k] == '+' || s[k] == '#')) ++k;
  return k == s.size() || !is_ascii_alnum(static_cast<unsigned char>(s[k]));
}

// Letters, numbers and combining marks are kept; everything else (ASCII or
// Unicode punctuation, symbols, emoji, separators) becomes one space.
inline std::string fold_to_words(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(piece);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (is_ascii_alnum(c) || keep_symbol(s, i)) {
        emit(std::string_view(&s[i], 1));
      } else {
        pending_space = true;
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {  // invalid byte: treat as a separator
      pending_space = true;
      ++i;
      continue;
    }
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                      (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
                      (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (word) {
      emit(std::string_view(s.data() + i, static_cast<std::size_t>(len)));
    } else {
      pending_space = true;
    }
    i += static_cast<std::size_t>(len);
  }
  return out;
}

}  // namespace reference_detail

inline std::string normalize_text_reference(std::string_view markdown) {
  using namespace reference_detail;
  std::string stripped;
  stripped.reserve(markdown.size());
  std::size_t start = 0;
  while (start <= markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    stripped.append(strip_line_markers(markdown.substr(start, end - start)));
    stripped.push_back(' ');
    start = end + 1;
  }
  return casefold_words(fold_to_words(strip_links(stripped)));
}

}  // namespace agentmerge::test
