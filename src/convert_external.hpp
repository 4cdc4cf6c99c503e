// Internal interface of the Codex and Kiro conversions: the neutral agent
// both are written from and read into, and one writer / reader per format
// (src/external_codex.cpp, src/external_kiro.cpp). The shared policy (name,
// description, model, dropped keys) is in src/convert_external.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::external_detail {

// An agent as a Codex or Kiro file holds it.
struct ExternalAgent {
  std::string name;
  std::string description;
  std::string prompt;                // the Markdown body
  std::optional<std::string> model;  // in the format's own naming
};

// A Codex or Kiro file read back: the agent, the grant its tools mean, and
// the lines of its parts (0 when unknown, e.g. in JSON).
struct ReadAgent {
  ExternalAgent agent;
  ToolSet tools;
  int model_line = 0;
  int tools_line = 0;
};

// ------------------------------------------------------------------ kiro --

// The `tools` list for a grant and the grant it reads back as. Never wider
// than `set`: what Kiro cannot name, or names only with a wider alias, is
// not granted and is reported in `notes`.
struct KiroTools {
  std::vector<std::string> names;
  ToolSet granted;
};
KiroTools kiro_tools(const AgentFile& src, const ToolSet& set, std::vector<Diagnostic>& notes);

// The JSON document (two-space indentation, final newline).
std::string write_kiro(const ExternalAgent& agent, const std::vector<std::string>& tools);

// Errors: "bad-json", "not-an-agent". Keys Claude has no place for are
// reported in `notes`.
Result<ReadAgent> read_kiro(std::string_view text, const std::string& file,
                            std::vector<Diagnostic>& notes);

// ----------------------------------------------------------------- codex --

// Codex cannot list tools: `sandbox_mode` decides whether its shell and
// patch tool may write. nullopt: no key (the parent session's sandbox, for a
// source that grants every tool). Every difference is reported in `notes`.
struct CodexTools {
  std::optional<std::string> sandbox_mode;
  ToolSet granted;
};
CodexTools codex_tools(const AgentFile& src, const ToolSet& set, std::vector<Diagnostic>& notes);

// The TOML document; the prompt is a multi-line string.
std::string write_codex(const ExternalAgent& agent, const std::optional<std::string>& sandbox_mode);

// Errors: "bad-toml", "not-an-agent".
Result<ReadAgent> read_codex(std::string_view text, const std::string& file,
                             std::vector<Diagnostic>& notes);

}  // namespace agentmerge::external_detail
