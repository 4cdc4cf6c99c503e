// `agentmerge merge SOURCE... [-o OUT] [--report REPORT.json] [--name NAME]
//  [--to FORMAT] [--primary FILE] [--tools POLICY] [--model POLICY] [--config FILE]
//  [--html OUT.html] [--explain]`
//
// Reads every source (all must be readable: exit 3 otherwise, nothing
// written), merges them, writes the merged agent (stdout without -o) and the
// report atomically, and prints the summary to stderr. Exit 1 when the merge
// holds decisions that need review.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "agentmerge/merge.hpp"
#include "commands.hpp"
#include "config_file.hpp"
#include "io.hpp"
#include "review_output.hpp"

namespace agentmerge::cli {

namespace {

namespace fs = std::filesystem;

struct MergeArgs {
  std::vector<std::string> sources;
  std::string output;
  std::string report;
  std::string name;
  std::string to;
  std::string primary;
  std::string tools;
  std::string model;
  std::string config;
  std::string html;      // --html: the review page
  bool explain = false;  // --explain: per-source account on stderr
};

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec1, ec2;
  const auto ca = fs::weakly_canonical(a, ec1);
  const auto cb = fs::weakly_canonical(b, ec2);
  return a == b || (!ec1 && !ec2 && ca == cb);
}

ExitCode usage(const std::string& message) {
  std::cerr << "agentmerge merge: " << message << "\n";
  return ExitCode::Usage;
}

// Command-line options over the config file's policies.
std::optional<ExitCode> build_options(const MergeArgs& a, MergeOptions& opts) {
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
      if (same_file(s, a.primary)) opts.primary = s;
    if (!opts.primary) return usage("--primary " + a.primary + " is not one of the sources");
  }
  return std::nullopt;
}

ExitCode run_merge(const MergeArgs& a) {
  MergeOptions opts;
  if (auto code = build_options(a, opts)) return *code;
  std::vector<AgentFile> variants;
  bool unreadable = false;
  for (const auto& s : a.sources) {
    auto f = load_agent(s, ParseOptions{});
    if (!f) {
      std::cerr << f.error().to_string() << "\n";
      unreadable = true;
      continue;
    }
    std::vector<Diagnostic> shown;
    for (const auto& d : f->diagnostics)
      if (d.severity != Severity::Note) shown.push_back(d);
    print_diagnostics(shown);
    variants.push_back(std::move(*f));
  }
  if (unreadable) {
    std::cerr << "agentmerge merge: nothing written\n";
    return ExitCode::Unreadable;
  }
  auto merged = merge(variants, opts);
  if (!merged) {
    std::cerr << merged.error().to_string() << "\n";
    return merged.error().code == "unknown-primary" ? ExitCode::Usage : ExitCode::Unreadable;
  }
  if (a.output.empty()) {
    std::cout << merged->text << std::flush;
  } else if (auto w = write_atomic(a.output, merged->text); !w) {
    std::cerr << w.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  if (!a.report.empty()) {
    if (auto w = write_atomic(a.report, report_to_json(merged->report)); !w) {
      std::cerr << w.error().to_string() << "\n";
      return ExitCode::Unreadable;
    }
  }
  if (!a.html.empty()) {
    if (auto w = write_review_page(a.html, *merged); !w) {
      std::cerr << w.error().to_string() << "\n";
      return ExitCode::Unreadable;
    }
  }
  if (a.explain) print_explanation(*merged, variants, std::cerr);
  std::cerr << report_summary(merged->report);
  return merged->report.needs_review() ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_merge(CLI::App& app, Action& action) {
  auto args = std::make_shared<MergeArgs>();
  auto* sub = app.add_subcommand("merge", "Merge variants of one agent into one canonical file");
  sub->add_option("sources", args->sources, "Agent files to merge (any formats)")->required();
  sub->add_option("-o,--output", args->output, "Write the merged agent here (default: stdout)");
  sub->add_option("--report", args->report, "Write the provenance report (JSON) here");
  sub->add_option("--name", args->name, "Name of the merged agent");
  sub->add_option("--to", args->to, "Target format: claude, opencode, copilot, qwen, gemini");
  sub->add_option("--primary", args->primary, "Variant whose order and wording win ties");
  sub->add_option("--tools", args->tools, "Tools policy: union, intersection, primary");
  sub->add_option("--model", args->model, "Model policy: primary, most-common");
  sub->add_option("--config", args->config, "Config file (default: agentmerge.yaml upward)");
  sub->add_option("--html", args->html, "Write the self-contained HTML review page here");
  sub->add_flag("--explain", args->explain, "Print, per source, what became of it (stderr)");
  sub->callback([&action, args] { action = [args] { return run_merge(*args); }; });
}

}  // namespace agentmerge::cli
