// `agentmerge convert` (placeholder until implemented).
#include <iostream>

#include "commands.hpp"

namespace agentmerge::cli {

void add_convert(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("convert", "(not yet implemented)");
  sub->callback([&action] {
    action = [] {
      std::cerr << "agentmerge convert: not yet implemented\n";
      return ExitCode::Usage;
    };
  });
}

}  // namespace agentmerge::cli
