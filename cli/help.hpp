// Help text and usage errors (cli/help.cpp).
#pragma once

#include <CLI/CLI.hpp>

namespace agentmerge::cli {

// Value names ("FILE", "FORMAT") instead of CLI11's types and validator
// wording, and each command's examples and exit codes in its footer. Call
// once, after every command is added.
void polish_help(CLI::App& app);

// When argv[1] is a word that names no command: prints the error with the
// nearest command and returns true.
bool report_unknown_command(const CLI::App& app, int argc, char** argv);

// After CLI11 refused unexpected arguments: names each unknown option of the
// selected command with the nearest one it has; false when none was an
// option (CLI11's own message is then the one to print).
bool report_unknown_options(const CLI::App& app);

}  // namespace agentmerge::cli
