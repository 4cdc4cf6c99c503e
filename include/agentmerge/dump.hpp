// The AST as text for people and as JSON for tools (`agentmerge dump`).
//
//   dump_text(parse_agent("---\nname: a\n---\n# T\n- x\n", "a.md"))
//     -> "file: a.md\nformat: unknown ...\n  4     # T (atx, level 1)\n
//         5-5     list, 1 item ..."
//
// Both show the same facts: format, encoding, frontmatter entries with line,
// style and origin, the tool set, the section tree with headings, blocks with
// kind and line span, list items with their leads, and the diagnostics.
// Block text is shown as a short preview of its first line, not in full.
#pragma once

#include <string>

#include "agentmerge/ast.hpp"

namespace agentmerge {

// Pretty-printed JSON (2-space indent, keys in a fixed order), ending in '\n'.
// The schema is documented in docs/ast.md.
std::string dump_json(const AgentFile& file);

// An indented outline with line numbers, ending in '\n'.
std::string dump_text(const AgentFile& file);

}  // namespace agentmerge
