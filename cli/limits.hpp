// The input limits every subcommand that reads agent files accepts, bound to
// the ParseOptions it reads with (defaults and reasons: docs/security.md).
#pragma once

#include <CLI/CLI.hpp>

#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge::cli {

inline void add_limit_options(CLI::App* sub, ParseOptions& parse) {
  sub->add_option("--max-bytes", parse.max_bytes, "Refuse files larger than this (bytes)")
      ->capture_default_str();
  sub->add_option("--max-yaml-values", parse.max_yaml_values,
                  "Refuse a frontmatter holding more values than this once YAML aliases "
                  "are expanded")
      ->capture_default_str();
  sub->add_option("--max-nesting", parse.max_nesting,
                  "Refuse frontmatter values, lists or quotes nested deeper than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

// --max-blocks of the subcommands that merge (MergeOptions::max_blocks).
inline void add_max_blocks_option(CLI::App* sub, std::size_t& max_blocks) {
  sub->add_option("--max-blocks", max_blocks,
                  "Refuse to merge variants holding more blocks and list items than this")
      ->capture_default_str();
}

}  // namespace agentmerge::cli
