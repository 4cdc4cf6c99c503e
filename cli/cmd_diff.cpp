// `agentmerge diff` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_diff(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("diff", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge diff: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
