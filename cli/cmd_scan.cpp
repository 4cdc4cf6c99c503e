// `agentmerge scan` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_scan(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("scan", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge scan: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
