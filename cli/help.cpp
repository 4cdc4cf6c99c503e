// Help a person reads, and usage errors that say what was meant.
//
//   agentmerge merge --help   Usage: agentmerge merge [OPTIONS] FILE...
//                               -o,--output FILE   ...        (not "TEXT")
//                               --budget TOKENS    ...        (not "UINT in [1 - 100000000]")
//                             Examples: ...   Exit codes: ...
//   agentmerge merg           agentmerge: unknown command 'merg' (did you mean 'merge'?)
//   agentmerge lint --chek    agentmerge lint: unknown option '--chek' (did you mean '--check'?)
//
// The value names and examples are tables (one row per option name and per
// command), applied to the CLI11 definitions after every command is added.
#include "help.hpp"

#include <iostream>
#include <string>
#include <string_view>

#include "agentmerge/suggest.hpp"

namespace agentmerge::cli {
namespace {

struct ValueName {
  std::string_view option;  // long name, or a positional's name
  std::string_view name;    // shown in help: "FILE", "DIR", ...
};

constexpr ValueName kValueNames[] = {
    {"output", "FILE"},   {"report", "FILE"},      {"html", "FILE"},
    {"plan", "FILE"},     {"apply", "FILE"},       {"config", "FILE"},
    {"primary", "FILE"},  {"out", "DIR"},          {"to", "FORMAT"},
    {"from", "FORMAT"},   {"name", "NAME"},        {"tools", "POLICY"},
    {"model", "POLICY"},  {"format", "FORMAT"},    {"color", "WHEN"},
    {"jobs", "N"},        {"budget", "TOKENS"},    {"max-bytes", "BYTES"},
    {"max-yaml-values", "N"}, {"max-nesting", "DEPTH"}, {"max-blocks", "N"},
    {"sources", "FILE"},  {"files", "FILE"},       {"file", "FILE"},
    {"paths", "PATH"},    {"A", "FILE"},           {"B", "FILE"},
    {"shell", "SHELL"},   {"stdin-filename", "PATH"},  {"path", "PATH"},
    {"marker-size", "N"},
};

struct Examples {
  std::string_view command;
  std::string_view text;  // lines, each "  agentmerge ..."
};

constexpr Examples kExamples[] = {
    {"dump", "  agentmerge dump agents/reviewer.md\n  agentmerge dump --json agents/reviewer.md\n"},
    {"fmt", "  agentmerge fmt --check agents/*.md\n  agentmerge fmt --in-place agents/reviewer.md\n"},
    {"lint", "  agentmerge lint .claude/agents\n  agentmerge lint --json agents/ > findings.json\n"},
    {"merge",
     "  agentmerge merge a/reviewer.md b/reviewer.agent.md -o reviewer.md --report report.json\n"
     "  agentmerge merge variants/* --to opencode --budget 2500 --html review.html\n"
     "  agentmerge merge variants/* --decisions decisions.json -o reviewer.md  # the page's export\n"},
    {"diff", "  agentmerge diff a.md b.md --semantic\n  agentmerge diff --format unified a.md b.md\n"},
    {"review", "  agentmerge review variants/* --html review.html -o merged.md\n"},
    {"scan", "  agentmerge scan ~/agents\n  agentmerge scan --json ~/agents > clusters.json\n"},
    {"convert",
     "  agentmerge convert reviewer.md --to opencode -o .opencode/agent/reviewer.md\n"
     "  agentmerge convert .claude/agents --to codex --out codex-agents/\n"},
    {"migrate",
     "  agentmerge migrate ~/agents --out merged/ --plan plan.yaml\n"
     "  agentmerge migrate --apply plan.yaml --out merged/\n"
     "  agentmerge migrate --apply plan.yaml --out merged/ --check\n"},
};

// Commands whose own footer does not list exit codes get the shared list.
constexpr std::string_view kExitCodes =
    "Exit codes: 0 success, 1 findings or decisions to review, 2 usage,\n"
    "3 unreadable input (the other files of a batch are still processed),\n"
    "70 internal error.";

std::string_view value_name(const CLI::Option& opt) {
  const std::string key = opt.get_positional() ? opt.get_name(true, false) : opt.get_name(false, false);
  for (const auto& row : kValueNames)
    for (const auto& l : opt.get_lnames())
      if (row.option == l) return row.name;
  for (const auto& row : kValueNames)
    if (row.option == key) return row.name;
  return {};
}

void polish_options(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_type_size() == 0) continue;  // a flag
    // Validator descriptions ("UINT in [1 - 1024]") are CLI11's wording.
    for (int i = 0;; ++i) {
      CLI::Validator* v = nullptr;
      try {
        v = opt->get_validator(i);
      } catch (const CLI::OptionNotFound&) {
        break;
      }
      if (v == nullptr) break;
      v->description("");
    }
    const auto name = value_name(*opt);
    if (!name.empty()) opt->type_name(std::string(name));
  }
}

void polish_footer(CLI::App& sub) {
  std::string footer;
  for (const auto& e : kExamples)
    if (e.command == sub.get_name()) footer = "Examples:\n" + std::string(e.text) + "\n";
  const std::string own = sub.get_footer();
  footer += own.find("Exit codes") == std::string::npos ? std::string(kExitCodes) : own;
  sub.footer(footer);
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& l : opt->get_lnames()) out.push_back("--" + l);
    for (const auto& s : opt->get_snames()) out.push_back("-" + s);
  }
  return out;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    out.push_back(sub->get_name());
  return out;
}

std::string mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto near = closest_word(word, candidates);
  return near ? " (did you mean '" + *near + "'?)" : "";
}

}  // namespace

void polish_help(CLI::App& app) {
  app.get_formatter()->column_width(30);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    polish_options(*sub);
    polish_footer(*sub);
  }
}

bool report_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return false;
  const std::string_view first = argv[1];
  if (first.empty() || first.front() == '-') return false;
  const auto names = command_names(app);
  for (const auto& n : names)
    if (n == first) return false;
  std::cerr << "agentmerge: unknown command '" << first << "'" << mean(first, names)
            << "\nRun 'agentmerge --help' for the list of commands.\n";
  return true;
}

bool report_unknown_options(const CLI::App& app) {
  bool reported = false;
  for (const CLI::App* sub : app.get_subcommands()) {
    const auto names = option_names(*sub);
    for (const auto& arg : sub->remaining()) {
      if (arg.size() < 2 || arg.front() != '-') continue;
      const std::string flag = arg.substr(0, arg.find('='));
      std::cerr << "agentmerge " << sub->get_name() << ": unknown option '" << flag << "'"
                << mean(flag, names) << "\nRun 'agentmerge " << sub->get_name()
                << " --help' for its options.\n";
      reported = true;
    }
  }
  return reported;
}

}  // namespace agentmerge::cli
