// `agentmerge fmt` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_fmt(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("fmt", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge fmt: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
