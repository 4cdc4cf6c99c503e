// A merged agent written as a Codex (TOML) or Kiro (JSON) agent, for
// `merge --to codex|kiro`: the merge runs with a Markdown target, then the
// result is converted like `convert --to` would, and whatever the
// conversion could not keep becomes a decision of the merge report.
//
//   merge a.md b.md --to codex
//     -> text: name = "api" / sandbox_mode = "workspace-write" / ...
//        decision "format codex" [tools-widened] (danger): codex agents
//        always have a shell ...
#include "agentmerge/convert.hpp"
#include "agentmerge/merge.hpp"

namespace agentmerge {
namespace {

// Conversion warnings that grant more than the merged agent does.
bool widens(const Diagnostic& d) {
  return d.code == "tools-widened" || d.code == "tool-would-widen" ||
         d.code == "sandbox-inexpressible";
}

}  // namespace

std::optional<Error> write_merged_as(MergeResult& result, ExternalFormat target) {
  auto converted = convert(result.merged, target);
  if (!converted) return converted.error();
  result.text = converted->text;
  const std::string format(to_string(target));
  for (const Diagnostic& d : converted->notes) {
    if (d.severity == Severity::Note) continue;
    Decision decision;
    decision.subject = "format " + format;
    decision.policy = d.code.empty() ? "convert" : d.code;
    decision.chosen = format;
    decision.source_values.assign(result.report.sources.size(), "");
    decision.message = d.message;
    decision.review = widens(d) ? Review::Danger : Review::Needed;
    result.report.decisions.push_back(std::move(decision));
  }
  return std::nullopt;
}

}  // namespace agentmerge
