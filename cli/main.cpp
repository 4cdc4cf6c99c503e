// agentmerge: consolidate duplicate AI agent definition files.
//
// main only wires the subcommands together and is the one place that catches
// exceptions (bugs): everything recoverable is reported by the subcommands
// with file:line and a documented exit code.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "agentmerge/version.hpp"

#include "commands.hpp"
#include "console.hpp"
#include "help.hpp"
#include "io.hpp"
#include "terminal.hpp"

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  success (nothing to report)\n"
    "  1  findings: lint findings, fmt --check differences, diff differences,\n"
    "     merge decisions that need review, migrate --check drift\n"
    "  2  usage error\n"
    "  3  unreadable input (I/O error, invalid UTF-8, NUL byte, too large,\n"
    "     unterminated frontmatter)\n"
    "  70 internal error (a bug; please report it)\n";

// "agentmerge 0.1.0" and one line per library it was built with.
std::string version_text() {
  std::string s = "agentmerge " + std::string(agentmerge::version()) + "\n";
  auto libs = agentmerge::library_versions();
  libs.push_back({"CLI11", CLI11_VERSION});
  s += "built with:";
  for (const auto& lib : libs) s += "\n  " + lib.name + " " + lib.version;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  using agentmerge::ExitCode;
  // A file size limit (ulimit -f) must fail the write with EFBIG, reported
  // like any write error, not kill the process half-way through a batch.
  std::signal(SIGXFSZ, SIG_IGN);
  agentmerge::cli::guard_terminal_output();
  // The name is fixed so that usage lines read "agentmerge merge ...", not
  // the path the binary was started by.
  CLI::App app{"agentmerge: parse, merge and convert AI agent definition files", "agentmerge"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text());

  agentmerge::cli::Action action;
  agentmerge::cli::add_dump(app, action);
  agentmerge::cli::add_fmt(app, action);
  agentmerge::cli::add_lint(app, action);
  agentmerge::cli::add_merge(app, action);
  agentmerge::cli::add_diff(app, action);
  agentmerge::cli::add_review(app, action);
  agentmerge::cli::add_scan(app, action);
  agentmerge::cli::add_convert(app, action);
  agentmerge::cli::add_migrate(app, action);
  agentmerge::cli::add_merge3(app, action);
  agentmerge::cli::add_git_merge_driver(app, action);
  agentmerge::cli::add_install_git(app, action);
  agentmerge::cli::add_completions(app, action);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    agentmerge::cli::add_console_options(sub);
  for (const char* name : {"dump", "fmt", "lint", "diff", "merge", "review"})
    agentmerge::cli::add_stdin_option(app.get_subcommand(name));
  agentmerge::cli::polish_help(app);

  if (agentmerge::cli::report_unknown_command(app, argc, argv))
    return static_cast<int>(ExitCode::Usage);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& e) {
    if (agentmerge::cli::report_unknown_options(app)) return static_cast<int>(ExitCode::Usage);
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
  }
  try {
    return static_cast<int>(action ? action() : ExitCode::Usage);
  } catch (const std::exception& e) {
    std::cerr << "agentmerge: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "agentmerge: internal error\n";
  }
  return static_cast<int>(ExitCode::Internal);
}
