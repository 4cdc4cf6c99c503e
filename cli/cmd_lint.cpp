// `agentmerge lint` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_lint(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("lint", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge lint: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
