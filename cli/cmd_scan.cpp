// `agentmerge scan PATH... [--jobs N] [--json] [--follow-symlinks] [--config FILE]`
//
// Finds the variants of the same agent in files and folders and prints the
// clusters (a table, or JSON with --json; schema in docs/scan.md).
// Exit codes: 0 when every input was read (finding duplicates is the normal
// outcome, not a failure); 3 when some input was unreadable (the others are
// still scanned and reported); 2 usage.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agentmerge/cluster.hpp"
#include "commands.hpp"
#include "config_file.hpp"
#include "console.hpp"
#include "io.hpp"
#include "walk.hpp"
#include "limits.hpp"
#include "parallel.hpp"

namespace agentmerge::cli {
namespace {

struct ScanArgs {
  std::vector<std::string> paths;
  unsigned jobs = 0;  // 0 = the core count
  bool json = false;
  WalkArgs walk;
  std::optional<std::string> config;
  ParseOptions parse;
};

// Reads, parses and fingerprints every file in parallel; each AST is dropped
// as soon as its fingerprint is taken, so memory stays small for big trees.
std::vector<Result<AgentFingerprint>> fingerprint_files(
    const std::vector<std::filesystem::path>& paths, const Config& config,
    const ParseOptions& options, unsigned jobs) {
  return parallel_map<Result<AgentFingerprint>>(paths.size(), jobs, [&](std::size_t i) {
    Result<AgentFile> file = load_agent(paths[i], options);
    if (!file) return Result<AgentFingerprint>(file.error());
    return Result<AgentFingerprint>(fingerprint(*file, config.name_aliases));
  });
}

nlohmann::json errors_json(const std::vector<Error>& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const Error& e : errors) {
    out.push_back({{"file", e.file}, {"line", e.line}, {"code", e.code}, {"message", e.message}});
  }
  return out;
}

ExitCode run_scan(const ScanArgs& args) {
  auto config = load_config(args.config, args.paths);
  if (!config) {
    std::cerr << "agentmerge scan: " << config.error().to_string() << "\n";
    return ExitCode::Usage;
  }
  std::vector<Error> errors;
  const Walk walk = walk_paths(args.paths, args.walk, errors);
  report_skipped(walk);
  const auto& paths = walk.files;
  const unsigned jobs = args.jobs == 0 ? default_jobs() : args.jobs;
  std::vector<AgentFingerprint> files;
  files.reserve(paths.size());
  for (auto& r : fingerprint_files(paths, *config, args.parse, jobs)) {
    if (r) {
      files.push_back(std::move(*r));
    } else {
      errors.push_back(r.error());
    }
  }
  for (const Error& e : errors) std::cerr << "agentmerge scan: " << e.to_string() << "\n";
  const ClusterResult result = cluster_fingerprints(files, config->thresholds);
  if (args.json) {
    nlohmann::json doc = nlohmann::json::parse(clusters_to_json(result, files));
    doc["unreadable"] = errors_json(errors);
    std::cout << doc.dump(2) << "\n";
  } else {
    print_diagnostics(result.diagnostics);
    std::cout << clusters_to_table(result, files);
    if (!errors.empty()) std::cout << "\nunreadable: " << errors.size() << " inputs (see stderr)\n";
  }
  return errors.empty() ? ExitCode::Ok : ExitCode::Unreadable;
}

}  // namespace

void add_scan(CLI::App& app, Action& action) {
  auto args = std::make_shared<ScanArgs>();
  auto* sub = app.add_subcommand(
      "scan", "Find variants of the same agent in files and folders and group them in clusters");
  sub->add_option("paths", args->paths, "Agent files or folders (walked recursively)")
      ->required();
  sub->add_option("-j,--jobs", args->jobs, "Files read in parallel (default: the core count)")
      ->check(CLI::Range(1U, 1024U));
  sub->add_flag("--json", args->json, "Print the clusters as JSON (schema: docs/scan.md)");
  add_walk_options(sub, args->walk);
  sub->add_option("--config", args->config, "Config file (default: agentmerge.yaml upward)");
  add_limit_options(sub, args->parse);
  sub->footer(
      "Exit codes: 0 scanned (duplicates or not), 2 usage, 3 some input unreadable\n"
      "(the others are still scanned and reported).");
  sub->callback([&action, args] { action = [args] { return run_scan(*args); }; });
}

}  // namespace agentmerge::cli
