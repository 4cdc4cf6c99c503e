// Tool vocabularies: each format's tool names <-> one neutral vocabulary.
//
//   Claude "Read, Bash, mcp__context7__resolve-library-id"
//     -> ToolSet{Allow, {"mcp:context7/resolve-library-id", "read", "shell"}}
//   opencode {bash: true, edit: false}      -> ToolSet{AllBut, {"edit"}}
//   opencode {"*": false, read: true}        -> ToolSet{Allow, {"read"}}
//
// The tables are data (src/vocabulary.cpp), one row per neutral id.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"

namespace agentmerge {

// One row of the vocabulary table, for documentation and `agentmerge tools`.
struct ToolVocabularyRow {
  std::string id;           // neutral id, e.g. "shell"
  std::string description;
  std::vector<std::string> claude;    // names in each format; empty = none
  std::vector<std::string> opencode;
  std::vector<std::string> copilot;
  std::vector<std::string> qwen;
  std::vector<std::string> gemini;
};

const std::vector<ToolVocabularyRow>& tool_vocabulary();

// Neutral id for a tool name as written in `format` (case-insensitive);
// "mcp:server/tool" for MCP names; "other:<name>" when no table knows it.
std::string to_neutral(Format format, std::string_view name);

// Every neutral id a name grants: a coarse alias grants several (Copilot
// "edit" -> {"edit", "multiedit", "write"}); sorted. One element for most
// names: to_neutral's answer.
std::vector<std::string> to_neutral_ids(Format format, std::string_view name);

// The name `format` uses for a neutral id, or nullopt when it cannot
// express it.
std::optional<std::string> from_neutral(Format format, std::string_view id);

// Whether `id` changes files or runs commands (shell, write, edit, ...). A
// tool set granting none of them is read-only.
bool modifies(std::string_view id);
const std::array<std::string_view, 7>& modifying_tools();

// Whether `id` is a known neutral id (not "other:").
bool is_known_tool(std::string_view id);

// The tool set a frontmatter grants under `format`'s rules. `tools_entry` and
// `permission_entry` may be null (absent). Findings (e.g. an opencode map of
// only `true` entries) are appended to `diagnostics`.
ToolSet tool_set_from_frontmatter(Format format, const FrontmatterEntry* tools_entry,
                                  const FrontmatterEntry* permission_entry,
                                  const std::string& file,
                                  std::vector<Diagnostic>& diagnostics);

// The grant a frontmatter states, for merging: tool_set_from_frontmatter's
// answer, except that an opencode tools map of only `true` entries (which
// opencode reads as every tool, since it enables tools by default) states
// the tools it names.
//   opencode {bash: true, edit: true} -> Allow{edit, shell}  (run time: All)
// A merge takes the union of what variants state, so such a variant adds
// the tools it names, not every tool.
ToolSet stated_tool_set(Format format, const FrontmatterEntry* tools_entry,
                        const FrontmatterEntry* permission_entry);

// A read-only flag (Cursor's `readonly: true`) applied to `set`: the
// modifying tools are taken away whatever the tools entry granted.
//   All -> AllBut{modifying}   Allow{read, write} -> Allow{read}
// `readonly_entry` may be null or false: `set` unchanged. A note says what
// the flag removed.
// Removes `id` from what `set` grants: All becomes AllBut{id}, an Allow set
// left empty becomes None.
void revoke(ToolSet& set, const std::string& id);

// Claude's `disallowedTools` (may be null) applied to `set`: the tools it
// names are denied whatever `tools` granted.
//   All -> AllBut{denied}   Allow{read, shell} - {shell} -> Allow{read}
ToolSet apply_denylist(ToolSet set, Format format, const FrontmatterEntry* disallowed_entry);

// Whether `entry` (a `readonly` key, may be null) is set: true, yes or on.
bool readonly_flag(const FrontmatterEntry* entry);
ToolSet apply_readonly(ToolSet set, const FrontmatterEntry* readonly_entry,
                       const std::string& file, std::vector<Diagnostic>& diagnostics);

// What a tool set becomes when written for `format`.
struct ToolsRendering {
  // The `tools` value to write, or nullopt to omit the key (e.g. All in
  // Claude). For opencode an Allow set becomes {"*": false, id: true...}.
  std::optional<Value> value;
  // Ids the format cannot express; the caller must report them.
  std::vector<std::string> inexpressible;
  // True when the written value grants more than the set (e.g. a format with
  // no way to deny): reported, never silent.
  bool widened = false;
};

ToolsRendering render_tools(Format format, const ToolSet& set);

// The tool set a rendering grants when `format` reads it back: what the
// written file really allows (no `tools` key: all tools).
ToolSet granted_by(Format format, const ToolsRendering& r, const std::string& file);

// An all-but grant as an allowlist, for a format with no deny syntax: every
// vocabulary tool both `from` and `target` can name, minus `denied`
// (sorted). Tools outside the vocabulary (MCP, unknown names) are no longer
// granted: a narrowing the caller reports.
ToolSet explicit_allowlist(Format from, Format target, const std::vector<std::string>& denied);

}  // namespace agentmerge
