// `agentmerge review` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_review(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("review", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge review: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
