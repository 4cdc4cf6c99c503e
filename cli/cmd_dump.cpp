// `agentmerge dump FILE [--json] [--max-bytes N]`
//
// Prints what the parser understood of one agent file: format, encoding,
// frontmatter entries (line, style, strict or lenient), the tool set, the
// section tree with block kinds and line spans, list items with their bold
// leads, and the diagnostics. Exit codes: 0 ok, 2 usage, 3 unreadable.
#include <iostream>
#include <memory>

#include "agentmerge/dump.hpp"
#include "commands.hpp"
#include "io.hpp"
#include "limits.hpp"

namespace agentmerge::cli {

namespace {

struct DumpOptions {
  std::string file;
  bool json = false;
  ParseOptions parse;
};

ExitCode run(const DumpOptions& o) {
  const ParseOptions& popts = o.parse;
  auto file = load_agent(o.file, popts);
  if (!file) {
    std::cerr << file.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  std::cout << (o.json ? dump_json(*file) : dump_text(*file));
  return ExitCode::Ok;
}

}  // namespace

void add_dump(CLI::App& app, Action& action) {
  auto opts = std::make_shared<DumpOptions>();
  auto* sub = app.add_subcommand(
      "dump", "Show the parsed AST of an agent file: frontmatter, tool set, sections, blocks");
  sub->add_option("file", opts->file, "Agent file")->required();
  sub->add_flag("--json", opts->json, "Print the AST as JSON (schema in docs/ast.md)");
  add_limit_options(sub, opts->parse);
  sub->footer("Exit codes: 0 ok, 2 usage, 3 the file could not be read or parsed.");
  sub->callback([&action, opts] { action = [opts] { return run(*opts); }; });
}

}  // namespace agentmerge::cli
