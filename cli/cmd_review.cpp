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
#include "console.hpp"
#include "io.hpp"
#include "merge_options.hpp"
#include "review_output.hpp"

namespace agentmerge::cli {
namespace {

struct ReviewArgs {
  std::vector<std::string> sources;
  std::string html;
  std::string output;
  std::string report;
  MergePolicyArgs policy;
  bool explain = false;
};

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
  if (auto code = build_merge_options(a.policy, a.sources, "review", opts)) return *code;
  auto files = load_sources(a.sources, a.policy.parse);
  if (!files) {
    std::cerr << "agentmerge review: nothing written\n";
    return ExitCode::Unreadable;
  }
  auto merged = merge(*files, opts);
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
  if (auto w = write_review_page(a.html, *merged); !w) {
    std::cerr << w.error().to_string() << "\n";
    return ExitCode::Unreadable;
  }
  if (!write_if(a.output, merged->text) || !write_if(a.report, report_to_json(merged->report)))
    return ExitCode::Unreadable;
  if (a.explain) print_explanation(*merged, *files, std::cerr);
  print_summary(report_summary(merged->report) + "review page: " + a.html + "\n");
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
  add_merge_policy_options(sub, args->policy);
  sub->callback([&action, args] { action = [args] { return run_review(*args); }; });
}

}  // namespace agentmerge::cli
