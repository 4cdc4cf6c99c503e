// `agentmerge migrate` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_migrate(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("migrate", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge migrate: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
