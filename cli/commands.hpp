// Subcommand registration. Each subcommand lives in its own file and adds
// itself to the app; when CLI11 selects it, it stores the action to run.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "agentmerge/result.hpp"

namespace agentmerge::cli {

using Action = std::function<ExitCode()>;

void add_dump(CLI::App& app, Action& action);
void add_fmt(CLI::App& app, Action& action);
void add_lint(CLI::App& app, Action& action);
void add_merge(CLI::App& app, Action& action);
void add_diff(CLI::App& app, Action& action);
void add_review(CLI::App& app, Action& action);
void add_scan(CLI::App& app, Action& action);
void add_convert(CLI::App& app, Action& action);
void add_migrate(CLI::App& app, Action& action);
void add_completions(CLI::App& app, Action& action);
void add_merge3(CLI::App& app, Action& action);
void add_git_merge_driver(CLI::App& app, Action& action);
void add_install_git(CLI::App& app, Action& action);

}  // namespace agentmerge::cli
