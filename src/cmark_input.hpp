// Text handed to cmark by the parser and the emitter.
//
//   "\uFEFF- item"  ->  cmark reads "\u2060- item": a paragraph, as the same
//                       line would be anywhere but at the start of a file
//
// cmark drops U+FEFF at the very start of its input, as a byte order mark.
// The text given to it here is never a whole file (the file's own mark is
// removed before), so a U+FEFF at its start is a character of the text and
// must be read as one anywhere else is: it is replaced by U+2060 (word
// joiner), also a format character and also three bytes, so every line and
// column cmark reports stays right.
#pragma once

#include <string>
#include <string_view>

#include <cmark.h>

namespace agentmerge::detail {

// U+FEFF in UTF-8.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

inline cmark_node* parse_markdown(std::string_view text, int options) {
  if (!text.starts_with(kByteOrderMark)) return cmark_parse_document(text.data(), text.size(), options);
  std::string copy(text);
  copy.replace(0, kByteOrderMark.size(), "\xE2\x81\xA0");
  return cmark_parse_document(copy.data(), copy.size(), options);
}

}  // namespace agentmerge::detail
