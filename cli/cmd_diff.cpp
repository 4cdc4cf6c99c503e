// `agentmerge diff A B`: structural comparison of two agent files.
//
//   agentmerge diff a.md b.md                 text, coloured on a terminal
//   agentmerge diff --format json a.md b.md   docs/diff-schema.md
//   agentmerge diff --format unified a.md b.md | patch a.canonical.md
//
// Exit status like diff(1): 0 same, 1 different, 2 usage, 3 unreadable. The
// status depends on the comparison (--semantic or not), never on --format.
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include <unistd.h>

#include "agentmerge/diff.hpp"
#include "agentmerge/emit.hpp"
#include "commands.hpp"
#include "io.hpp"
#include "console.hpp"
#include "limits.hpp"

namespace agentmerge::cli {
namespace {

enum class OutputFormat { Text, Unified, Json };

struct DiffArgs {
  std::vector<std::string> files;  // A B, or git's seven external-diff arguments
  bool git = false;
  OutputFormat format = OutputFormat::Text;
  bool semantic = false;
  ParseOptions parse;
};

struct Loaded {
  std::string bytes;
  AgentFile file;
};

std::optional<Loaded> load(const std::string& path, const ParseOptions& popt) {
  auto bytes = read_file(path, popt.max_bytes);
  if (!bytes) {
    std::cerr << "agentmerge diff: " << bytes.error().to_string() << "\n";
    return std::nullopt;
  }
  auto file = parse_agent(*bytes, display_name(path), popt);
  if (!file) {
    std::cerr << "agentmerge diff: " << file.error().to_string() << "\n";
    return std::nullopt;
  }
  return Loaded{std::move(*bytes), std::move(*file)};
}

// git's external diff (GIT_EXTERNAL_DIFF, diff.<driver>.command) calls
//   PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
// and takes any exit status but 0 as a failure; /dev/null stands for the
// side of an added or deleted file. A side that is not an agent file (or
// cannot be parsed) falls back to a line diff of the bytes, and says so.
ExitCode run_git_diff(const DiffArgs& args) {
  if (args.files.size() != 7) {
    std::cerr << "agentmerge diff --git: git passes 7 arguments (PATH OLD-FILE OLD-HEX OLD-MODE "
                 "NEW-FILE NEW-HEX NEW-MODE), got "
              << args.files.size() << "\n";
    return ExitCode::Usage;
  }
  const std::string& path = args.files[0];
  auto side = [&](const std::string& file) -> Result<std::string> {
    if (file == "/dev/null") return std::string();
    return read_file(file, args.parse.max_bytes);
  };
  auto old_bytes = side(args.files[1]);
  auto new_bytes = side(args.files[4]);
  if (!old_bytes || !new_bytes) {
    std::cerr << (old_bytes ? new_bytes.error() : old_bytes.error()).to_string() << "\n";
    return ExitCode::Unreadable;
  }
  auto a = parse_agent(*old_bytes, "a/" + path, args.parse);
  auto b = parse_agent(*new_bytes, "b/" + path, args.parse);
  std::cout << "diff --agentmerge a/" << path << " b/" << path << "\n";
  if (!a || !b) {
    std::cout << "(not read as an agent file: " << (a ? b.error() : a.error()).message
              << "; line diff)\n"
              << unified_diff(*old_bytes, *new_bytes, "a/" + path, "b/" + path);
  } else {
    DiffOptions dopt;
    dopt.a_bytes = *old_bytes;
    dopt.b_bytes = *new_bytes;
    std::cout << render_diff_text(diff_agents(*a, *b, dopt),
                                  color_on(Stream::Out) ? Color::Always : Color::Never);
  }
  std::cout.flush();
  return ExitCode::Ok;
}

ExitCode run_diff(const DiffArgs& args) {
  if (args.git) return run_git_diff(args);
  if (args.files.size() != 2) {
    std::cerr << "agentmerge diff: give two files, A and B (or git's seven arguments with --git)\n";
    return ExitCode::Usage;
  }
  const ParseOptions& popt = args.parse;
  // Both are read before giving up, so both problems are reported at once.
  auto a = load(args.files[0], popt);
  auto b = load(args.files[1], popt);
  if (!a || !b) return ExitCode::Unreadable;

  DiffOptions dopt;
  dopt.comparison = args.semantic ? Comparison::Semantic : Comparison::Exact;
  dopt.a_bytes = a->bytes;
  dopt.b_bytes = b->bytes;
  const StructuralDiff d = diff_agents(a->file, b->file, dopt);
  switch (args.format) {
    case OutputFormat::Text: std::cout << render_diff_text(d, color_on(Stream::Out) ? Color::Always : Color::Never); break;
    case OutputFormat::Json: std::cout << render_diff_json(d); break;
    case OutputFormat::Unified:
      std::cout << unified_diff(emit(a->file).text, emit(b->file).text, args.files[0], args.files[1]);
      break;
  }
  std::cout.flush();
  return d.same() ? ExitCode::Ok : ExitCode::Findings;
}

}  // namespace

void add_diff(CLI::App& app, Action& action) {
  auto args = std::make_shared<DiffArgs>();
  auto* sub = app.add_subcommand("diff", "Compare two agent files structurally (exit 0 same, 1 different)");
  sub->add_option("files", args->files, "A B: the two agent files ('-' for standard input)")
      ->required();
  sub->add_flag("--git", args->git,
                "Called by git as an external diff (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE "
                "NEW-HEX NEW-MODE); exits 0 unless a file cannot be read");
  const std::map<std::string, OutputFormat> formats{
      {"text", OutputFormat::Text}, {"unified", OutputFormat::Unified}, {"json", OutputFormat::Json}};
  sub->add_option("--format", args->format,
                  "text (default), unified (line diff of the canonical forms, for patch), json")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  sub->add_flag("--semantic", args->semantic,
                "Ignore what fmt would change (key order, quoting, bullet markers, blank lines, "
                "line endings)");
  add_limit_options(sub, args->parse);
  sub->callback([args, &action] { action = [args] { return run_diff(*args); }; });
}

}  // namespace agentmerge::cli
