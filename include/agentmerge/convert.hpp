// Conversion: one agent file from its format into another, without merging.
//
//   claude "name: api\ntools: Read, Bash\ncolor: blue\nmodel: sonnet"
//     -> opencode "description: ...\ntools: {"*": false, bash: true, read: true}
//                  model: anthropic/claude-sonnet-4-5"
//        notes: "name is carried by the file name api.md",
//               "color 'blue' has no place in opencode; dropped"
//
// Everything the target cannot express is reported as a note: a dropped key,
// a model without a known equivalent, a tool the target has no name for. A
// tool grant is never widened: an allowlist stays an allowlist (opencode gets
// an explicit deny-by-default `"*": false`), and an all-but set for a target
// that cannot deny becomes an explicit allowlist (narrower, reported).
// The tables are data (src/convert.cpp) and documented in docs/convert.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

struct ConvertResult {
  AgentFile converted;  // format = target; frontmatter entries mapped
  std::string text;     // canonical text of `converted` for the target
  // The target's conventional file name, e.g. "api.md", "api.agent.md"
  // (from the agent name, sanitized; see safe_file_stem in plan.hpp).
  std::string file_name;
  // Everything that changed meaning or could not be expressed. Warning:
  // something was lost, narrowed or widened; Note: a faithful mapping
  // worth knowing (a model name translated, a name moved to the file name).
  std::vector<Diagnostic> notes;

  // Whether any note is a warning or an error (something lost).
  bool lossy() const;
};

// Converts `source` into `target` (Format::Unknown is refused: "bad-target").
// Errors: "bad-target", "unsafe-name" (the agent name cannot be made into a
// file name).
Result<ConvertResult> convert(const AgentFile& source, Format target);

// The model name `to` uses for `model` as written in `from`, from the model
// table and the provider-prefix rule (claude "claude-x" <-> opencode
// "anthropic/claude-x"). Same format: the model unchanged. nullopt when no
// equivalent is known. Matching is case-insensitive and ignores quotes.
std::optional<std::string> map_model(Format from, Format to, std::string_view model);

// The key `to` uses for `key` as written in `from`; nullopt when the target
// has no place for it (e.g. opencode "mode" in claude). A key that no row of
// the table knows (a collection's own "category") is kept as is.
// `name`, `tools` and `model` have their own rules in convert().
std::optional<std::string> map_key(Format from, Format to, std::string_view key);

// One row of the key table, for documentation: the key's name per format,
// "" where the format has no place for it.
struct KeyMappingRow {
  std::string concept_name;
  std::string claude, opencode, copilot, qwen, gemini;
};
const std::vector<KeyMappingRow>& key_mapping_table();

// ------------------------------------------------- Codex and Kiro agents --
//
// Two formats that are not Markdown files: Codex custom agents (TOML,
// `.codex/agents/NAME.toml`) and Kiro custom agents (JSON,
// `.kiro/agents/NAME.json`). They are convert targets, and can be read back
// as a Claude agent (read_external), so any of the five Markdown formats can
// be produced from them. They are not part of Format: nothing else in
// agentmerge (merge, lint, migrate) reads or writes them.
//
//   claude "name: api\ntools: Read, Grep\nmodel: sonnet" + body
//     -> kiro {"name": "api", "description": ..., "prompt": "<body>",
//              "tools": ["read", "grep"], "model": "claude-sonnet-4.5"}
//     -> codex name = "api" / description = ... / sandbox_mode = "read-only"
//              developer_instructions = """<body>"""
//        notes: "codex agents always have a shell ..." (warning)
enum class ExternalFormat { Codex, Kiro };

// "codex", "kiro".
std::string_view to_string(ExternalFormat f);
// Inverse of to_string; nullopt for any other word.
std::optional<ExternalFormat> parse_external_format(std::string_view word);
// By file name: "*.toml" is Codex, "*.json" is Kiro; nullopt otherwise.
std::optional<ExternalFormat> external_format_from_path(std::string_view path);

// Converts `source` into a Codex or Kiro agent. `text` is the TOML / JSON
// document, `file_name` "NAME.toml" / "NAME.json". `converted` is the source
// with the tool set the written file grants and its stem; its frontmatter is
// the source's. Errors: "unsafe-name".
Result<ConvertResult> convert(const AgentFile& source, ExternalFormat target);

// Reads a Codex TOML or Kiro JSON agent as a Claude agent: name, description,
// body (the instructions / prompt), tools and model mapped back; what Claude
// has no place for is reported in the result's diagnostics. Errors:
// "too-large", "bad-toml" / "bad-json" (with the line), "not-an-agent" (the
// document is not a table / object), and parse_agent's errors.
Result<AgentFile> read_external(std::string_view text, std::string_view source_name,
                                ExternalFormat format);

// ------------------------------------------------------- output layout --

// The folder, relative to a project root, where the target's tool reads
// project agents: ".claude/agents", ".opencode/agents", ".github/agents",
// ".qwen/agents", ".gemini/agents", ".codex/agents", ".kiro/agents".
std::string_view agent_folder(Format target);
std::string_view agent_folder(ExternalFormat target);

// Where an output folder (--out) puts each converted file.
enum class Layout {
  Tree,  // the input's path below its walk root: same-named agents of
         // different folders never collide
  Tool,  // the same, with any agent folder in it (".claude/agents") replaced
         // by the target's, or the target's in front when there is none
  Flat,  // the file name alone
};

// "tree", "tool", "flat"; parse_layout is the inverse.
std::string_view to_string(Layout layout);
std::optional<Layout> parse_layout(std::string_view word);

// The output path, relative to the output folder, of an input found at
// `input_relative` (below its walk root) that converts to `file_name` in a
// target whose agent folder is `target_folder`:
//   Tree  "team/.claude/agents/api.md" -> "team/.claude/agents/api.agent.md"
//   Tool  "team/.claude/agents/api.md" -> "team/.github/agents/api.agent.md"
//   Tool  "team/api.md"                -> ".github/agents/team/api.agent.md"
//   Flat  "team/api.md"                -> "api.agent.md"
std::string output_relative_path(std::string_view input_relative, std::string_view file_name,
                                 Layout layout, std::string_view target_folder);

}  // namespace agentmerge
