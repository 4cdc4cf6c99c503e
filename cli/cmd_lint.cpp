// `agentmerge lint PATH... [--json] [--max-bytes N]`
//
// Lints every named file, and every agent file with a frontmatter below the
// named folders. Findings go to stdout ("file:line: severity: message
// [code]", or JSON agentmerge-lint/1 with --json). Exit codes: 0 clean (notes do not
// count), 1 warnings or errors, 2 usage, 3 an input could not be read or
// parsed; one bad file never stops the others.
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "agentmerge/lint.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "config_file.hpp"
#include "io.hpp"
#include "walk.hpp"
#include "limits.hpp"

namespace agentmerge::cli {

namespace {

namespace fs = std::filesystem;

struct LintOptions {
  std::vector<std::string> paths;
  bool json = false;
  WalkArgs walk;
  std::optional<std::string> config;
  ParseOptions parse;
};

enum class Origin { Named, FoundInFolder };

struct Target {
  fs::path path;
  Origin origin;
};

std::vector<Target> targets(const std::vector<std::string>& inputs, const WalkArgs& walk_args,
                            std::vector<Error>& errors) {
  std::vector<Target> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    const Origin origin = fs::is_directory(in, ec) ? Origin::FoundInFolder : Origin::Named;
    const Walk walk = walk_paths({in}, walk_args, errors);
    report_skipped(walk);
    for (const auto& p : walk.files) out.push_back({p, origin});
  }
  return out;
}

Diagnostic from_error(const Error& e) {
  return Diagnostic{Severity::Error, e.file, e.line, e.code, e.message};
}

nlohmann::json to_json(const Diagnostic& d) {
  return {{"file", d.file},
          {"line", d.line},
          {"severity", std::string(to_string(d.severity))},
          {"code", d.code},
          {"message", d.message}};
}

ExitCode run(const LintOptions& o) {
  std::vector<Error> errors;
  const std::vector<Target> files = targets(o.paths, o.walk, errors);
  std::vector<Diagnostic> findings;
  for (const auto& e : errors) findings.push_back(from_error(e));
  // The config that applies is linted too: a misspelt key is an error here.
  if (auto config = load_config(o.config, o.paths); !config) errors.push_back(config.error());
  if (errors.size() > findings.size()) findings.push_back(from_error(errors.back()));
  bool unreadable = !errors.empty();
  const ParseOptions& popts = o.parse;
  for (const Target& t : files) {
    auto file = load_agent(t.path, popts);
    if (!file) {
      unreadable = true;
      findings.push_back(from_error(file.error()));
      continue;
    }
    if (t.origin == Origin::FoundInFolder && file->frontmatter.mode == FrontmatterMode::Absent)
      continue;  // a Markdown file in a folder that is not an agent
    for (auto& d : lint(*file)) findings.push_back(std::move(d));
  }
  bool counted = false;
  for (const auto& d : findings) counted = counted || d.severity != Severity::Note;
  if (o.json) {
    // Envelope agentmerge-lint/1 (docs/schema/lint.schema.json).
    nlohmann::json arr = nlohmann::json::array();
    std::map<std::string, int> counts{{"error", 0}, {"warning", 0}, {"note", 0}};
    for (const auto& d : findings) {
      arr.push_back(to_json(d));
      ++counts[std::string(to_string(d.severity))];
    }
    const nlohmann::json doc{{"schema", "agentmerge-lint/1"},
                             {"files", files.size()},
                             {"findings", std::move(arr)},
                             {"summary", counts}};
    std::cout << doc.dump(2) << "\n";
  } else {
    for (const auto& d : findings) std::cout << format_diagnostic(d, Stream::Out) << "\n";
  }
  if (unreadable) return ExitCode::Unreadable;
  return counted ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_lint(CLI::App& app, Action& action) {
  auto opts = std::make_shared<LintOptions>();
  auto* sub = app.add_subcommand(
      "lint", "Report problems in agent files: YAML a strict parser refuses, missing keys, "
              "unknown tools and models, empty bodies");
  sub->add_option("paths", opts->paths, "Agent files or folders (searched recursively)")
      ->required();
  add_walk_options(sub, opts->walk);
  sub->add_option("--config", opts->config, "Config file to check (default: agentmerge.yaml upward)");
  sub->add_flag("--json", opts->json, "Print the findings as JSON (schema agentmerge-lint/1)");
  add_limit_options(sub, opts->parse);
  sub->footer(
      "Exit codes: 0 no findings (notes do not count), 1 warnings or errors, 2 usage,\n"
      "3 an input could not be read or parsed (the other files are still linted).");
  sub->callback([&action, opts] { action = [opts] { return run(*opts); }; });
}

}  // namespace agentmerge::cli
