// The migrate plan: which files merge into which canonical agent, under which
// name, primary and policies. Written by `agentmerge migrate --plan`, edited
// by people, executed exactly by `agentmerge migrate --apply`.
//
//   clusters [backend-architect: a.md (primary), b.md]  ->  PLAN.yaml
//     version: 1
//     target: claude
//     clusters:
//       - name: backend-architect
//         primary: a.md
//         members:
//           - a.md  # primary, claude
//           - b.md  # same-name, 0.71, opencode
//
// Member paths are stored as written; the CLI makes them relative to the
// plan's folder. Schema and editing guide: docs/migrate.md.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

struct PlanMember {
  std::string path;
  // Informational only (written as a comment, ignored when read): why the
  // file is in the cluster, its similarity to the primary, its format.
  std::string comment;
  int line = 0;  // where it was read, 0 when built
};

struct PlanCluster {
  std::string name;                    // canonical agent name (merge --name)
  // Output file name inside the output folder; "" derives it from the name
  // and the target's convention (see output_file_name).
  std::string output;
  std::optional<std::string> primary;  // a member path; absent: merge chooses
  std::optional<ToolPolicy> tools;     // absent: the plan's default
  std::map<std::string, ValuePolicy> policies;  // per frontmatter key
  // A reviewer's decisions file for this cluster (merge --decisions), a
  // path relative to the plan's folder; absent: none.
  std::optional<std::string> decisions;
  std::vector<PlanMember> members;
  int line = 0;
};

struct Plan {
  static constexpr int kVersion = 1;
  int version = kVersion;
  Format target = Format::Claude;
  ToolPolicy tools = ToolPolicy::Union;          // default for clusters
  std::map<std::string, ValuePolicy> policies;   // defaults per key
  std::vector<PlanCluster> clusters;
  // Files seen but left out on purpose; never read when the plan is applied.
  std::vector<PlanMember> excluded;
  // Decisions taken while building the plan (a cluster renamed because two
  // clusters proposed the same name, ...). Not written to the YAML.
  std::vector<Diagnostic> notes;
};

// Key of Plan::policies / PlanCluster::policies for "every other key".
inline constexpr std::string_view kAnyKeyPolicy = "*";

// Builds a plan from a clustering of `files` (parallel to the indices the
// clusters use). The primary of a cluster is the member with the highest
// Config::source_priority glob match when one is strictly highest, else it is
// left to the merge engine. Policies and target come from `config`.
Plan build_plan(const ClusterResult& clusters, const std::vector<AgentFingerprint>& files,
                const Config& config, Format target);

// YAML text of the plan (yaml-cpp), with a header comment explaining how to
// edit and apply it.
std::string write_plan(const Plan& plan);

// Reads and validates a plan. Errors carry `source_name` and the line:
// invalid YAML, unknown keys, a bad format or policy word, a cluster without
// members, a member listed twice (or also excluded), a primary that is not a
// member, two clusters writing the same output. The first error is returned;
// its message counts the others.
Result<Plan> read_plan(std::string_view yaml, std::string_view source_name);

// The plan-wide checks of read_plan, every problem found. A cluster whose
// name cannot be made into a file name is not a plan-wide problem: it fails
// on its own when applied (see resolve_output).
std::vector<Error> validate_plan(const Plan& plan, std::string_view source_name);

// The output file name of a cluster: its `output` when set (which must be a
// safe plain file name), else output_file_name(target, safe_file_stem(name)).
// Error "unsafe-name" with the cluster's line.
Result<std::string> resolve_output(const PlanCluster& cluster, Format target,
                                   std::string_view source_name);

// A file stem made from an agent name: control characters and path
// separators become '-', whitespace becomes '-', leading dots are removed,
// repeated '-' folded, trimmed. Errors ("unsafe-name") when nothing usable
// remains or the result is "." / "..".
//   "backend-architect" -> "backend-architect"; "a/b" -> "a-b";
//   "../evil" -> "evil"; ".." -> error
Result<std::string> safe_file_stem(std::string_view name);

// Whether `file_name` is a plain file name: no separator, no "..", no
// control character, not hidden, not empty.
bool is_safe_file_name(std::string_view file_name);

// The target's conventional file name: "NAME.agent.md" for copilot,
// "NAME.md" for the others.
std::string output_file_name(Format target, std::string_view stem);

// Whether `path` matches a glob: '*' any run of characters but '/', '**' any
// run including '/', '?' one character. A glob without '/' is matched against
// the file name; one with '/' against the whole path or any suffix of it that
// starts after a '/'.
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace agentmerge
