// Stage 1 (internal): split the frontmatter from the body and read its
// entries, strictly with yaml-cpp first and leniently when that fails.
//
//   "---\nname: a\ndescription: x: y\\n\\nmore\n---\n# A\n"
//     split  -> yaml "name: a\ndescription: ...", first line 2, body from line 5
//     read   -> mode Lenient, entries [name "a" (strict),
//               description "x: y\n\nmore" (lenient, escapes repaired)]
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::detail {

// Where the frontmatter and the body lie in a text with LF line endings.
struct FrontmatterSplit {
  bool present = false;
  int open_line = 0;        // line of the opening "---" (1), 0 when absent
  int close_line = 0;       // line of the closing "---" or "..."
  std::string_view yaml;    // text between the fences (may be empty)
  int yaml_first_line = 0;  // file line of the first YAML line
  std::string_view body;    // everything after the closing fence
  int body_first_line = 1;  // file line of the body's first line
};

// A frontmatter opens with "---" alone on the first line (trailing blanks
// allowed) and closes with "---" or "..." alone on a line. No opening fence:
// present = false and the whole text is the body. An opening fence without a
// closing one: Error "unterminated-frontmatter" at the opening line.
Result<FrontmatterSplit> split_frontmatter(std::string_view text, const std::string& file);

// Reads the YAML between the fences. Strict: yaml-cpp accepts the whole text
// as a map -> mode Strict. Otherwise each top-level entry is tried on its own
// with yaml-cpp, and the ones that still fail are taken as
// "key: rest of line" strings (ValueStyle::Lenient, EntryOrigin::Lenient),
// each with a "lenient-yaml" warning; see docs/formats.md for the repairs.
// Duplicate keys: the later entry wins (a "duplicate-key" warning).
//
// Limits: aliases make a few bytes stand for millions of values, so the
// values built (after alias expansion) and their nesting are capped; past
// either, Error "yaml-too-large" / "too-deep" at the line reached.
struct YamlLimits {
  std::size_t max_values = 10000;
  int max_depth = 64;
};
Result<Frontmatter> read_frontmatter(std::string_view yaml, int first_line, int open_line,
                                     int close_line, const std::string& file,
                                     std::vector<Diagnostic>& diagnostics,
                                     const YamlLimits& limits = {});

// YAML 1.2 core-schema resolution of a plain scalar: "null", "bool",
// "number" or "string". Also used by the emitter to decide quoting.
enum class PlainKind { Null, Bool, Number, String };
PlainKind resolve_plain(std::string_view text);

// Repairs a leniently read value the way its author meant it: when the text
// holds the two-character escape "\n", the escapes \n, \t, \" and \\ become
// the characters they name. Returns true when something changed.
bool repair_escapes(std::string& text);

}  // namespace agentmerge::detail
