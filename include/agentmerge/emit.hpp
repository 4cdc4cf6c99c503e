// Canonical emission: AgentFile -> bytes.
//
//   "---\r\ntools: Bash, Read\r\nname: x\r\n---\r\n* item\r\n"
//     -> "---\nname: x\ntools: Read, Bash\n---\n\n- item\n"   (Claude)
#pragma once

#include <string>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

struct EmitResult {
  std::string text;
  // Repairs and losses while emitting: inexpressible tools, keys the target
  // format has no place for, descriptions re-quoted for strict YAML.
  std::vector<Diagnostic> notes;
  // Number of lines of `text` before the body (the frontmatter block and
  // the blank line after it); 0 when there is no frontmatter.
  int body_offset = 0;
};

// Writes `file` in canonical form for `target` (its own format when
// Format::Unknown is passed). Frontmatter: the format's key order, unknown
// keys kept in their order, tools in the native shape; valid strict YAML.
// Body: ATX headings, '-' bullets, one blank line between blocks, no trailing
// spaces, LF, one final newline; code, tables, HTML and inline markup byte
// for byte.
EmitResult emit(const AgentFile& file, Format target = Format::Unknown);

// Only the frontmatter block, "---\n...\n---\n" (empty when there is nothing
// to write and the target allows no frontmatter).
std::string emit_frontmatter(const AgentFile& file, Format target,
                             std::vector<Diagnostic>& notes);

// Only the body.
std::string emit_body(const Body& body);

// One section subtree / one block in canonical form (used by merge and diff).
std::string emit_section(const Section& section);
std::string emit_block(const Block& block);

// A YAML scalar or collection as canonical YAML text at `indent` spaces,
// valid for a strict parser (quoted when a plain scalar would not be).
std::string emit_yaml_value(const Value& value, int indent);

// One frontmatter entry, "key: value\n" (a block collection on the lines
// that follow), as emit_frontmatter writes it.
std::string emit_yaml_entry(const std::string& key, const Value& value);

}  // namespace agentmerge
