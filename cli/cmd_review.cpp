// `agentmerge review SOURCE... --html OUT.html`: merges the sources with the
// merge command's main options and writes the self-contained review page
// (and, when asked, the merged agent, the report and the explanation).
//
//   agentmerge review data/backend-architect/*.md --html review.html
//
// Exit status as for merge: 0 merged cleanly, 1 decisions need review,
// 2 usage, 3 unreadable input or unwritable output. Nothing is written when
// an input is unreadable.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "agentmerge/merge.hpp"
#include "commands.hpp"
#include "config_file.hpp"
#include "io.hpp"
#include "review_output.hpp"

namespace agentmerge::cli {
namespace {

struct ReviewArgs {
  std::vector<std::string> sources;
  std::string html;
  std::string output;
  std::string report;
  std::string name;
  std::string to;
  std::string primary;
  std::string tools;
  std::string model;
  std::string config;
  bool explain = false;
};

ExitCode usage(const std::string& message) {
  std::cerr << "agentmerge review: " << message << "\n";
  return ExitCode::Usage;
}

// The merge command's options, with the same meaning and checks.
std::optional<ExitCode> build_options(const ReviewArgs& a, MergeOptions& opts) {
  auto config = load_config(a.config.empty() ? std::nullopt : std::optional<std::string>(a.config));
  if (!config) {
    std::cerr << config.error().to_string() << "\n";
    return a.config.empty() ? ExitCode::Unreadable : ExitCode::Usage;
  }
  opts.config = *config;
  if (!a.name.empty()) opts.name = a.name;
  if (!a.to.empty()) {
    auto f = parse_format(a.to);
    if (!f || *f == Format::Unknown) return usage("--to must be claude, opencode, copilot, qwen or gemini");
    opts.target = *f;
  }
  if (!a.tools.empty()) {
    auto p = parse_tool_policy(a.tools);
    if (!p) return usage("--tools must be union, intersection or primary");
    opts.config.tools = *p;
  }
  if (!a.model.empty()) {
    auto p = parse_value_policy(a.model);
    if (!p) return usage("--model must be primary or most-common");
    opts.config.key_policies["model"] = *p;
  }
  if (!a.primary.empty()) {
    for (const auto& s : a.sources)
      if (s == a.primary) opts.primary = s;
    if (!opts.primary) return usage("--primary " + a.primary + " is not one of the sources");
  }
  return std::nullopt;
}

std::optional<std::vector<AgentFile>> load_all(const std::vector<std::string>& paths) {
  std::vector<AgentFile> files;
  bool unreadable = false;
  for (const auto& p : paths) {
    auto f = load_agent(p, ParseOptions{});
    if (!f) {
      std::cerr << f.error().to_string() << "\n";
      unreadable = true;
      continue;
    }
    files.push_back(std::move(*f));
  }
  if (unreadable) return std::nullopt;
  return files;
}

// Writes one output when asked; false (after printing why) on failure.
bool write_if(const std::string& path, const std::string& content) {
  if (path.empty()) return true;
  if (auto w = write_atomic(path, content); !w) {
    std::cerr << w.error().to_string() << "\n";
    return false;
  }
  return true;
}

ExitCode run_review(const ReviewArgs& a) {
  MergeOptions opts;
  if (auto code = build_options(a, opts)) return *code;
  auto files = load_all(a.sources);
  if (!files) {
    std::cerr << "agentmerge review: nothing written\n";
    return ExitCode::Unreadable;
  }
  auto merged = merge(*files, opts);
  if (!merged) {
    std::cerr << merged.error().to_string() << "\n";
    return merged.error().code == "unknown-primary" ? ExitCode::Usage : ExitCode::Unreadable;
  }
  if (auto w = write_review_page(a.html, *merged); !w) {
    std::cerr << w.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  if (!write_if(a.output, merged->text) || !write_if(a.report, report_to_json(merged->report)))
    return ExitCode::Unreadable;
  if (a.explain) print_explanation(*merged, *files, std::cerr);
  std::cerr << report_summary(merged->report) << "review page: " << a.html << "\n";
  return merged->report.needs_review() ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_review(CLI::App& app, Action& action) {
  auto args = std::make_shared<ReviewArgs>();
  auto* sub = app.add_subcommand("review", "Merge variants and write a self-contained HTML review page");
  sub->add_option("sources", args->sources, "Agent files to merge (any formats)")->required();
  sub->add_option("--html", args->html, "Write the review page here")->required();
  sub->add_option("-o,--output", args->output, "Also write the merged agent here");
  sub->add_option("--report", args->report, "Also write the provenance report (JSON) here");
  sub->add_flag("--explain", args->explain, "Print, per source, what became of it (stderr)");
  sub->add_option("--name", args->name, "Name of the merged agent");
  sub->add_option("--to", args->to, "Target format: claude, opencode, copilot, qwen, gemini");
  sub->add_option("--primary", args->primary, "Variant whose order and wording win ties");
  sub->add_option("--tools", args->tools, "Tools policy: union, intersection, primary");
  sub->add_option("--model", args->model, "Model policy: primary, most-common");
  sub->add_option("--config", args->config, "Config file (default: agentmerge.yaml upward)");
  sub->callback([&action, args] { action = [args] { return run_review(*args); }; });
}

}  // namespace agentmerge::cli
