// `agentmerge merge` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_merge(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("merge", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge merge: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
