// `agentmerge dump` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_dump(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("dump", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge dump: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
