// The options and source loading shared by `merge` and `review`, so both
// commands accept the same policies with the same checks and messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "agentmerge/ast.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

struct MergePolicyArgs {
  std::string name;
  std::string to;
  std::string primary;
  std::string tools;
  std::string model;
  std::string config;
  ParseOptions parse;  // input limits (--max-bytes ...)
  std::size_t max_blocks = MergeOptions{}.max_blocks;  // --max-blocks
  std::optional<std::size_t> budget;                    // --budget TOKENS
  std::string decisions;                                // --decisions FILE
};

// --to codex or kiro: the merge is written as that agent (write_merged_as).
std::optional<ExternalFormat> external_target(const MergePolicyArgs& args);

// Adds --name --to --primary --tools --model --config --budget --decisions to `sub`.
void add_merge_policy_options(CLI::App* sub, MergePolicyArgs& args);

// The config file (--config, else agentmerge.yaml upward, else defaults)
// with the command-line policies and the --decisions file over it. On
// failure prints why, prefixed by `command`, and returns the exit code
// (Usage, or Unreadable for a broken config found by lookup; a missing or
// invalid --decisions file is Usage, as a bad --config is).
std::optional<ExitCode> build_merge_options(const MergePolicyArgs& args,
                                            const std::vector<std::string>& sources,
                                            std::string_view command, MergeOptions& options);

// A decisions file (merge --decisions, a plan cluster's `decisions:`)
// read and parsed; the error names the file (and the line, when parsing).
Result<ReviewChoices> read_decisions_file(const std::string& path);

// Reads and parses every source, printing their warnings and errors; nullopt
// when any is unreadable (all are tried, so every problem is reported once).
std::optional<std::vector<AgentFile>> load_sources(const std::vector<std::string>& sources,
                                                   const ParseOptions& options);

}  // namespace agentmerge::cli
