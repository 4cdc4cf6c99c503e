// Filesystem access for the subcommands (the library never touches files).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// Whole file as bytes; Error code "io" with the OS message on failure.
Result<std::string> read_file(const std::filesystem::path& path);

// Reads and parses one agent file.
Result<AgentFile> load_agent(const std::filesystem::path& path, const ParseOptions& options);

// Writes `content` to `path` atomically: a temporary file in the same folder,
// flushed, then renamed over the target. Keeps the target's permissions when
// it exists. Never leaves a half-written file.
Result<bool> write_atomic(const std::filesystem::path& path, std::string_view content);

enum class FollowSymlinks { No, Yes };

// Expands files and folders into agent files: a file is taken as given; a
// folder is walked recursively for "*.md" files (and "*.txt" with a
// frontmatter). Symlinked folders are not followed unless asked; loops are
// never followed. Sorted, unique. Missing paths become errors in `errors`.
std::vector<std::filesystem::path> expand_paths(const std::vector<std::string>& inputs,
                                                FollowSymlinks follow,
                                                std::vector<Error>& errors);

// Prints diagnostics as "file:line: severity: message [code]" to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace agentmerge::cli
