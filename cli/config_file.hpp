// Finding and reading the configuration file for a subcommand.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "agentmerge/config.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// The agentmerge.yaml that applies to `input` (a file or folder; "-" or
// none: the current folder), like .clang-format: the nearest one in its
// folder or above, not above the root of the git repository it is in, else
// $XDG_CONFIG_HOME/agentmerge/agentmerge.yaml (~/.config/...), else none
// (an empty path).
std::filesystem::path find_config(const std::optional<std::string>& input);

// `explicit_path` (--config) when given, else find_config(first of
// `inputs`), else the built-in defaults. A file that cannot be read or
// parsed, or names an unknown key, is an error (file:line), never silently
// ignored.
Result<Config> load_config(const std::optional<std::string>& explicit_path,
                           const std::vector<std::string>& inputs = {});

}  // namespace agentmerge::cli
