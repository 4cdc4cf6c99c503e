// What every command prints to the terminal, and how: -q/--quiet,
// -v/--verbose and --color are the same options with the same meaning on
// every command (added by add_console_options), read here by the printing
// helpers.
//
//   agentmerge lint -q a.md         findings only (no progress, no summary)
//   agentmerge merge -v a.md b.md   also the notes of every repair the reader made
//   NO_COLOR=1 agentmerge lint a.md              no colour (--color always overrides)
//   CLICOLOR_FORCE=1 agentmerge lint a.md | less colour into a pipe (--color auto only)
//
// Warnings printed while a progress line is drawn clear it first; the next
// progress update draws it again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "agentmerge/result.hpp"

namespace agentmerge::cli {

enum class Verbosity { Quiet, Normal, Verbose };
enum class ColorChoice { Auto, Always, Never };
enum class Stream { Out, Err };

// -q/--quiet, -v/--verbose and --color WHEN on `sub`.
void add_console_options(CLI::App* sub);

Verbosity verbosity();
ColorChoice color_choice();

// --color always: yes; never: no; auto: when the stream is a terminal,
// NO_COLOR is unset or empty and TERM is not "dumb", or when CLICOLOR_FORCE
// is set to something other than "0".
bool color_on(Stream stream);

enum class Paint { Error, Warning, Note, Danger, Bold };
// `text` wrapped in the colour for `paint` when `stream` takes colour.
std::string paint(std::string_view text, Paint paint, Stream stream);

// "file:line: severity: message [code]", the severity coloured.
std::string format_diagnostic(const Diagnostic& d, Stream stream);

// Diagnostics to stderr; notes too unless --quiet.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// A merge summary (report_summary) to stderr, DANGER and review lines
// coloured; nothing with --quiet.
void print_summary(std::string_view summary);

// Clears a drawn progress line (before any message to stderr).
void clear_progress_line();
// Draws `line` as the progress line (stderr, replacing the last one).
void draw_progress_line(const std::string& line);

}  // namespace agentmerge::cli
