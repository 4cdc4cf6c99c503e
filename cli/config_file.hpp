// Finding and reading the configuration file for a subcommand.
#pragma once

#include <optional>
#include <string>

#include "agentmerge/config.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// `explicit_path` (--config) when given, else the first `agentmerge.yaml`
// from the current folder upward, else the built-in defaults. A file that
// cannot be read or parsed is an error (file:line), never silently ignored.
Result<Config> load_config(const std::optional<std::string>& explicit_path);

}  // namespace agentmerge::cli
