// Stage 1: bytes -> AgentFile (encoding checks, frontmatter, format, tools,
// then the body through detail::parse_body).
//
//   "\xEF\xBB\xBF---\r\nname: api\r\ntools: Read\r\n---\r\n# API\r\n"  ("x.md")
//     -> AgentFile{ encoding = {bom, Crlf}, format = Claude,
//                   frontmatter = Strict [name "api" @2, tools "Read" @3],
//                   tools = Allow{read}, body.first_line = 5 }
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "agentmerge/parse.hpp"
#include "agentmerge/tools.hpp"
#include "frontmatter.hpp"
#include "markdown.hpp"

namespace agentmerge {

namespace {

// The 1-based line of byte `offset`; line endings are LF, CRLF and a lone CR
// (see normalize_endings).
int line_at(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    const bool lone_cr = bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n');
    if (bytes[i] == '\n' || lone_cr) ++line;
  }
  return line;
}

// Offset of the first byte that is not well-formed UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF included), or npos.
std::size_t invalid_utf8_offset(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

// The text with every line ending as LF. CommonMark and YAML both read CRLF,
// LF and a lone CR as line endings, so all three become LF: a CR left in the
// text would end a line for cmark but not for the line-based stages, and a
// CR before an emitted LF would read back as CRLF. Sets `endings` to Lf or
// Crlf when the file uses only that ending, Mixed otherwise, and adds a
// mixed-line-endings note for Mixed.
std::string normalize_endings(std::string_view s, LineEndings& endings, const std::string& file,
                              std::vector<Diagnostic>& diagnostics) {
  endings = LineEndings::Lf;
  if (s.find('\r') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t crlf = 0;
  std::size_t lone_cr = 0;
  std::size_t pos = 0;
  for (std::size_t cr = s.find('\r'); cr != std::string_view::npos; cr = s.find('\r', pos)) {
    out.append(s.substr(pos, cr - pos));
    out += '\n';
    const bool pair = cr + 1 < s.size() && s[cr + 1] == '\n';
    ++(pair ? crlf : lone_cr);
    pos = cr + (pair ? 2 : 1);
  }
  out.append(s.substr(pos));
  const auto lf = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
  if (lone_cr == 0 && crlf == lf) {
    endings = LineEndings::Crlf;
    return out;
  }
  endings = LineEndings::Mixed;
  diagnostics.push_back({Severity::Note, file, 0, "mixed-line-endings",
                         lone_cr > 0 ? "the file has lone CR line endings; read as LF"
                                     : "the file mixes CRLF and LF line endings; read as LF"});
  return out;
}

// The refusals, in the order they are checked; nullopt when the bytes are
// acceptable.
std::optional<Error> refusal(std::string_view bytes, const std::string& file,
                             const ParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Error{file, 0, "too-large",
                 "file is " + std::to_string(bytes.size()) + " bytes, above the limit of " +
                     std::to_string(options.max_bytes) + " bytes"};
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Error{file, 1, "utf16",
                 "the file is UTF-16 (it starts with a UTF-16 byte order mark); agentmerge reads "
                 "UTF-8: convert it with iconv -f UTF-16 -t UTF-8"};
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Error{file, line_at(bytes, nul), "nul-byte",
                 "NUL byte at offset " + std::to_string(nul) + ": not a text file"};
  }
  if (const std::size_t bad = invalid_utf8_offset(bytes); bad != std::string_view::npos) {
    return Error{file, line_at(bytes, bad), "invalid-utf8",
                 "invalid UTF-8 at offset " + std::to_string(bad)};
  }
  return std::nullopt;
}

}  // namespace

std::string file_stem(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  static constexpr std::array<std::string_view, 4> kSuffixes{".agent.md", ".chatmode.md", ".md",
                                                             ".txt"};
  for (std::string_view suffix : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  return name;
}

Result<AgentFile> parse_agent(std::string_view bytes, std::string_view source_name,
                              const ParseOptions& options) {
  AgentFile f;
  f.source_name = std::string(source_name);
  f.stem = file_stem(source_name);
  if (auto refused = refusal(bytes, f.source_name, options)) return *refused;
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) {
    f.encoding.had_bom = true;
    text.remove_prefix(3);
  }
  const std::string lf =
      normalize_endings(text, f.encoding.line_endings, f.source_name, f.diagnostics);
  auto split = detail::split_frontmatter(lf, f.source_name);
  if (!split) return split.error();
  if (split->present) {
    auto fm = detail::read_frontmatter(split->yaml, split->yaml_first_line, split->open_line,
                                       split->close_line, f.source_name, f.diagnostics,
                                       {options.max_yaml_values, options.max_nesting});
    if (!fm) return fm.error();
    f.frontmatter = std::move(*fm);
  }
  if (options.format) {
    f.format = *options.format;
  } else if (auto from_path = format_from_path(source_name)) {
    f.format = *from_path;
  } else {
    f.format = detect_format(f.frontmatter);
  }
  f.tools = tool_set_from_frontmatter(f.format, f.frontmatter.find("tools"),
                                      f.frontmatter.find("permission"), f.source_name,
                                      f.diagnostics);
  f.tools = apply_denylist(std::move(f.tools), f.format, f.frontmatter.find("disallowedTools"));
  f.tools = apply_readonly(std::move(f.tools), f.frontmatter.find("readonly"), f.source_name,
                           f.diagnostics);
  auto body = detail::parse_body_limited(split->body, split->body_first_line, f.source_name,
                                         options.max_nesting);
  if (!body) return body.error();
  f.body = std::move(*body);
  f.body.first_line = split->body_first_line;
  f.body.text = std::string(split->body);
  return f;
}

}  // namespace agentmerge
