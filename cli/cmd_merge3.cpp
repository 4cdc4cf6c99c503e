// `agentmerge merge3 BASE OURS THEIRS [-o OUT]` and
// `agentmerge git-merge-driver %O %A %B %L %P`: three-way merge of one file.
//
//   agentmerge merge3 base.md ours.md theirs.md -o merged.md   exit 0 clean, 1 conflicts
//   [merge "agentmerge"] driver = agentmerge git-merge-driver %O %A %B %L %P
//     git's contract: the result replaces %A (ours); exit 0 clean, non-zero
//     conflicted (the markers are in %A). An unreadable input leaves %A as it
//     was and exits 3.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "agentmerge/merge3.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "io.hpp"
#include "limits.hpp"

namespace agentmerge::cli {
namespace {

struct Merge3Args {
  std::vector<std::string> files;  // BASE OURS THEIRS, or %O %A %B [%L [%P]]
  std::string output;
  std::string path;
  int marker_size = 7;
  ParseOptions parse;
};

enum class Caller { Person, Git };

std::string_view command_name(Caller caller) {
  return caller == Caller::Git ? "git-merge-driver" : "merge3";
}

// Reads the three inputs; every unreadable one is reported.
std::optional<std::vector<std::string>> read_three(const Merge3Args& args, Caller caller) {
  std::vector<std::string> bytes;
  bool ok = true;
  for (std::size_t i = 0; i < 3; ++i) {
    auto b = read_file(args.files[i], args.parse.max_bytes);
    if (!b) {
      std::cerr << "agentmerge " << command_name(caller) << ": " << b.error().to_string() << "\n";
      ok = false;
      bytes.emplace_back();
      continue;
    }
    bytes.push_back(std::move(*b));
  }
  if (!ok) return std::nullopt;
  return bytes;
}

ExitCode run_merge3(const Merge3Args& args, Caller caller) {
  const std::string_view cmd = command_name(caller);
  const std::size_t n = args.files.size();
  if (caller == Caller::Person ? n != 3 : (n < 3 || n > 5)) {
    std::cerr << "agentmerge " << cmd << ": give "
              << (caller == Caller::Person ? "BASE OURS THEIRS" : "%O %A %B [%L [%P]]") << ", got "
              << n << " argument" << (n == 1 ? "" : "s") << "\n";
    return ExitCode::Usage;
  }
  Merge3Options options;
  options.parse = args.parse;
  options.marker_size = args.marker_size;
  options.path = args.path;
  if (caller == Caller::Git) {
    if (n >= 4) {
      try {
        options.marker_size = std::stoi(args.files[3]);
      } catch (const std::exception&) {
        std::cerr << "agentmerge git-merge-driver: %L must be a number, got '" << args.files[3] << "'\n";
        return ExitCode::Usage;
      }
    }
    if (n == 5) options.path = args.files[4];
  }
  if (options.marker_size < 1 || options.marker_size > 64) {
    std::cerr << "agentmerge " << cmd << ": the marker size must be 1 to 64\n";
    return ExitCode::Usage;
  }
  const auto bytes = read_three(args, caller);
  if (!bytes) return ExitCode::Unreadable;
  auto merged = merge3({(*bytes)[0], display_name(args.files[0])},
                       {(*bytes)[1], display_name(args.files[1])},
                       {(*bytes)[2], display_name(args.files[2])}, options);
  if (!merged) {
    std::cerr << "agentmerge " << cmd << ": " << merged.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  print_diagnostics(merged->notes);
  const std::string out = caller == Caller::Git ? args.files[1] : args.output;
  if (out.empty() || out == "-") {
    std::cout << merged->text;
    std::cout.flush();
  } else if (auto w = write_atomic(out, merged->text); !w) {
    std::cerr << "agentmerge " << cmd << ": " << w.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  if (merged->conflicts > 0 && verbosity() != Verbosity::Quiet) {
    std::cerr << "agentmerge " << cmd << ": " << merged->conflicts << " conflict"
              << (merged->conflicts == 1 ? "" : "s") << " ("
              << to_string(merged->mode) << " merge)\n";
  }
  return merged->conflicts > 0 ? ExitCode::Findings : ExitCode::Ok;
}

constexpr const char* kExitCodes =
    "Exit codes: 0 merged cleanly, 1 conflicts (marked in the output), 2 usage,\n"
    "3 an input cannot be read (nothing is written), 70 internal error.";

}  // namespace

void add_merge3(CLI::App& app, Action& action) {
  auto args = std::make_shared<Merge3Args>();
  auto* sub = app.add_subcommand(
      "merge3", "Three-way merge of an agent file: keys, tool sets, sections and list items");
  sub->add_option("files", args->files, "BASE OURS THEIRS: the common ancestor and the two edits")
      ->required();
  sub->add_option("-o,--output", args->output, "Write the result here (default: standard output)");
  sub->add_option("--path", args->path,
                  "The file's path in the repository, to tell agent files from others "
                  "(default: OURS)");
  sub->add_option("--marker-size", args->marker_size, "Length of the conflict markers (default 7)");
  add_limit_options(sub, args->parse);
  sub->footer(std::string("Examples:\n"
                          "  agentmerge merge3 base.md ours.md theirs.md -o merged.md\n"
                          "  agentmerge merge3 --path .claude/agents/api.md O.md A.md B.md\n\n") +
              kExitCodes);
  sub->callback([&action, args] { action = [args] { return run_merge3(*args, Caller::Person); }; });
}

void add_git_merge_driver(CLI::App& app, Action& action) {
  auto args = std::make_shared<Merge3Args>();
  auto* sub = app.add_subcommand(
      "git-merge-driver",
      "git's merge driver for agent files (%O %A %B %L %P): merge3, result written into %A");
  sub->add_option("files", args->files,
                  "%O %A %B [%L [%P]]: base, ours (overwritten), theirs, marker size, path")
      ->required();
  add_limit_options(sub, args->parse);
  sub->footer(std::string("Examples:\n"
                          "  git config merge.agentmerge.driver "
                          "'agentmerge git-merge-driver %O %A %B %L %P'\n"
                          "  echo '.claude/agents/*.md merge=agentmerge' >> .gitattributes\n\n") +
              kExitCodes);
  sub->callback([&action, args] { action = [args] { return run_merge3(*args, Caller::Git); }; });
}

}  // namespace agentmerge::cli
