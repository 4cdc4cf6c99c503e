// `agentmerge merge SOURCE... [-o OUT] [--report REPORT.json] [--name NAME]
//  [--to FORMAT] [--primary FILE] [--tools POLICY] [--model POLICY] [--config FILE]
//  [--html OUT.html] [--explain]`
//
// Reads every source (all must be readable: exit 3 otherwise, nothing
// written), merges them, writes the merged agent (stdout without -o) and the
// report atomically, and prints the summary to stderr. Exit 1 when the merge
// holds decisions that need review.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agentmerge/merge.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "io.hpp"
#include "merge_options.hpp"
#include "review_output.hpp"

namespace agentmerge::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> sources;
  std::string output;
  std::string report;
  MergePolicyArgs policy;
  std::string html;      // --html: the review page
  bool explain = false;  // --explain: per-source account on stderr
};

ExitCode run_merge(const MergeArgs& a) {
  MergeOptions opts;
  if (auto code = build_merge_options(a.policy, a.sources, "merge", opts)) return *code;
  auto loaded = load_sources(a.sources, a.policy.parse);
  if (!loaded) {
    std::cerr << "agentmerge merge: nothing written\n";
    return ExitCode::Unreadable;
  }
  const std::vector<AgentFile>& variants = *loaded;
  auto merged = merge(variants, opts);
  if (!merged) {
    std::cerr << merged.error().to_string() << "\n";
    return merged.error().code == "unknown-primary" ? ExitCode::Usage : ExitCode::Unreadable;
  }
  if (auto external = external_target(a.policy)) {
    if (auto error = write_merged_as(*merged, *external)) {
      std::cerr << error->to_string() << "\n";
      return ExitCode::Unreadable;
    }
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
  print_summary(report_summary(merged->report));
  return merged->report.needs_review() ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_merge(CLI::App& app, Action& action) {
  auto args = std::make_shared<MergeArgs>();
  auto* sub = app.add_subcommand("merge", "Merge variants of one agent into one canonical file");
  sub->add_option("sources", args->sources, "Agent files to merge (any formats)")->required();
  sub->add_option("-o,--output", args->output, "Write the merged agent here (default: stdout)");
  sub->add_option("--report", args->report, "Write the provenance report (JSON) here");
  add_merge_policy_options(sub, args->policy);
  sub->add_option("--html", args->html, "Write the self-contained HTML review page here");
  sub->add_flag("--explain", args->explain, "Print, per source, what became of it (stderr)");
  sub->callback([&action, args] { action = [args] { return run_merge(*args); }; });
}

}  // namespace agentmerge::cli
