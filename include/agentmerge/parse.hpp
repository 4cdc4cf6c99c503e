// Reading an agent file: bytes in, AgentFile out.
//
//   parse_agent("---\nname: a\ndescription: x: y\n---\nBody\n", "a.md")
//     -> AgentFile{ frontmatter.mode = Lenient, entries = [name, description],
//                   diagnostics = ["a.md:3: warning: description has an
//                   unquoted ': '; read leniently [lenient-yaml]"] }
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

struct ParseOptions {
  // Inputs larger than this are refused (error code "too-large").
  std::size_t max_bytes = std::size_t{8} * 1024 * 1024;
  // Values the frontmatter may hold once YAML aliases are expanded (a few
  // bytes of aliases can stand for millions); more: "yaml-too-large".
  std::size_t max_yaml_values = 10000;
  // Nesting of frontmatter values, and of lists, items and block quotes in
  // the body; deeper: "too-deep". Real agent files stay below 10.
  int max_nesting = 64;
  // Skip format detection and read the file as this format.
  std::optional<Format> format;
};

// Parses one agent file. `source_name` is used in diagnostics and to derive
// the stem and (from the path) the format.
//
// Errors (returned, never thrown): "too-large", "nul-byte", "utf16",
// "invalid-utf8", "unterminated-frontmatter", "yaml-too-large", "too-deep". Everything else is repaired and reported in
// AgentFile::diagnostics.
Result<AgentFile> parse_agent(std::string_view bytes, std::string_view source_name,
                              const ParseOptions& options = {});

// Format from the path alone (".claude/agents/", ".opencode/agent/",
// "*.agent.md", "*.chatmode.md", ".qwen/agents/", ".gemini/agents/").
std::optional<Format> format_from_path(std::string_view path);

// Format from the frontmatter's content signals (a weighted table, see
// docs/formats.md): the best-scoring format, Unknown when nothing decides or
// two formats tie.
Format detect_format(const Frontmatter& frontmatter);

// Whether a file met while walking a folder is an agent file: its path is
// one of a known agent folder or name (format_from_path), or `head` (the
// file's first bytes; 8 KiB is plenty) opens with a frontmatter holding a
// `name` or `description` key. README.md, docs and notes are not.
//   looks_like_agent("repo/README.md", "# Project\n")                -> false
//   looks_like_agent("x/.claude/agents/api.md", "")                   -> true
//   looks_like_agent("agents/api.md", "---\ndescription: API\n---\n") -> true
bool looks_like_agent(std::string_view path, std::string_view head);

// Whether a hidden folder name (".claude", ".github") begins a known agent
// folder, so a walk that skips hidden folders still enters it.
bool is_agent_tool_folder(std::string_view folder_name);

// The stem rule used for AgentFile::stem.
std::string file_stem(std::string_view path);

}  // namespace agentmerge
