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
  std::string a;
  std::string b;
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

ExitCode run_diff(const DiffArgs& args) {
  const ParseOptions& popt = args.parse;
  // Both are read before giving up, so both problems are reported at once.
  auto a = load(args.a, popt);
  auto b = load(args.b, popt);
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
      std::cout << unified_diff(emit(a->file).text, emit(b->file).text, args.a, args.b);
      break;
  }
  std::cout.flush();
  return d.same() ? ExitCode::Ok : ExitCode::Findings;
}

}  // namespace

void add_diff(CLI::App& app, Action& action) {
  auto args = std::make_shared<DiffArgs>();
  auto* sub = app.add_subcommand("diff", "Compare two agent files structurally (exit 0 same, 1 different)");
  sub->add_option("A", args->a, "First agent file")->required();
  sub->add_option("B", args->b, "Second agent file")->required();
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
