// The reference normalization: normalize_text as first written, one pass
// per step (line markers, links, words, case). The library's single-pass
// normalize_text must give the same bytes for every text; the corpus test
// and the parse fuzzer compare the two. The steps the single pass replaced
// (link stripping, word folding, their composition) are kept here as they
// were; line markers and case folding are the library's own
// (src/normalize_internal.hpp), which the single pass still calls.
#pragma once

#include <string>
#include <string_view>

#include <utf8proc.h>

#include "normalize_internal.hpp"

namespace agentmerge::test {

namespace reference_detail {

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
    stripped.append(detail::strip_line_markers(markdown.substr(start, end - start)));
    stripped.push_back(' ');
    start = end + 1;
  }
  return detail::casefold_words(fold_to_words(strip_links(stripped)));
}

}  // namespace agentmerge::test
