// `agentmerge migrate PATH... --out DIR [--to FORMAT] [--plan PLAN.yaml]
//  [--apply PLAN.yaml] [--dry-run | --check] [--force] [--report FILE]`
//
// scan -> plan -> merge each cluster -> write one canonical file per cluster
// into DIR, with DIR/.agentmerge/report.json and DIR/.agentmerge/manifest.
//
//   migrate seeds/ --out agents/   ->  agents/backend-architect.md
//                                      agents/.agentmerge/{report.json,manifest}
//
// Exit codes: 0 done (or nothing to do); 1 --check found drift, or a file in
// DIR was not overwritten because agentmerge did not write it (--force);
// 2 usage or an invalid plan; 3 some input unreadable or some cluster failed
// (every other cluster is still written).
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agentmerge/cluster.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/plan.hpp"
#include "commands.hpp"
#include "config_file.hpp"
#include "console.hpp"
#include "io.hpp"
#include "merge_options.hpp"
#include "walk.hpp"
#include "limits.hpp"
#include "migrate_output.hpp"
#include "parallel.hpp"
#include "progress.hpp"
#include "release.hpp"

namespace agentmerge::cli {
namespace {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr const char* kReportPath = ".agentmerge/report.json";

struct MigrateArgs {
  std::vector<std::string> paths;
  std::optional<std::string> out_dir, to, plan_out, apply, report, config;
  bool dry_run = false, check = false, force = false, json = false;
  WalkArgs walk;
  unsigned jobs = 0;
  ParseOptions parse;
  std::size_t max_blocks = MergeOptions{}.max_blocks;
};

// Parsed inputs are kept for their cluster's merge while the body bytes
// kept stay within this (some 130 MB of syntax trees, at about 16 bytes of
// tree per byte of Markdown); beyond it a cluster re-reads its members.
// Trees up to some 1,400 agent files (../shared/corpus: 6.5 MB) parse each
// file once; larger ones pay a second parse of the rest for memory that
// depends on the largest cluster and the output, not on the size of the
// tree (docs/performance.md).
constexpr std::size_t kKeptSourceBytes = std::size_t{8} << 20;

// What a run holds of its inputs: fingerprints, and the syntax trees that
// fit kKeptSourceBytes. A file re-read for its merge and edited since the
// scan is merged as it reads then.
struct Inputs {
  std::vector<AgentFingerprint> prints;  // a sources run only
  std::vector<Error> unreadable;         // inputs that could not be read or parsed
  std::set<std::string> skipped;         // plan members inside --out (never read back)
  // Trees kept from the scan, by path. Read-only once the scan is done
  // (workers only read it); released at exit with the rest of `Inputs`.
  std::map<std::string, AgentFile> kept;
};

struct ClusterOutcome {
  std::string output;  // file name in DIR; "" when it could not be resolved
  std::optional<std::string> text;  // the merged file; none when the cluster failed
  bool needs_review = false;
  std::optional<Error> error;
  // The cluster's entry in the migrate report, dumped as it sits in the
  // report (indented for its place in "clusters"): a string is a tenth of
  // the memory of the JSON tree, which matters at 100k clusters.
  std::string report;
};

ExitCode usage(const std::string& message) {
  std::cerr << "agentmerge migrate: " << message << "\n";
  return ExitCode::Usage;
}

struct Scanned {
  std::optional<AgentFingerprint> print;
  std::optional<Error> error;
  std::optional<AgentFile> file;  // kept for the merge (within kKeptSourceBytes)
};

// Reads, parses and fingerprints every path on `jobs` threads; a syntax
// tree is kept while the kept source bytes fit kKeptSourceBytes, else
// dropped once fingerprinted.
Inputs scan_inputs(const std::vector<fs::path>& paths, const ParseOptions& options,
                   const Config& config, unsigned jobs, Progress& progress) {
  progress.stage("files", paths.size());
  std::atomic<std::size_t> kept_bytes{0};
  auto scanned = parallel_map<Scanned>(paths.size(), jobs, [&](std::size_t i) {
    Scanned out;
    Result<AgentFile> file = load_agent(paths[i], options);
    progress.advance();
    if (!file) {
      out.error = file.error();
      return out;
    }
    out.print = fingerprint(*file, config.name_aliases);
    out.print->source_name = paths[i].string();
    const std::size_t bytes = file->body.text.size() + 1;
    if (kept_bytes.fetch_add(bytes) + bytes <= kKeptSourceBytes) out.file = std::move(*file);
    return out;
  });
  Inputs in;
  for (Scanned& sc : scanned) {
    if (sc.error) {
      in.unreadable.push_back(std::move(*sc.error));
      continue;
    }
    if (sc.file) in.kept.emplace(sc.print->source_name, std::move(*sc.file));
    in.prints.push_back(std::move(*sc.print));
  }
  return in;
}

// The tree of `path` kept from the scan, or null.
const AgentFile* kept_file(const Inputs& in, const std::string& path) {
  const auto it = in.kept.find(path);
  return it == in.kept.end() ? nullptr : &it->second;
}

// A member read again for its merge.
Result<AgentFile> read_member(const Inputs& in, const std::string& path, const ParseOptions& parse) {
  if (in.skipped.count(path) != 0)
    return Error{path, 0, "inside-output",
                 "a plan member inside the output folder is never read back as an input"};
  return load_agent(path, parse);
}

// The format most inputs use (ties and no known format: claude).
Format majority_format(const Inputs& in) {
  std::map<Format, std::size_t> counts;
  for (const AgentFingerprint& f : in.prints)
    if (f.format != Format::Unknown) ++counts[f.format];
  Format best = Format::Claude;
  std::size_t n = 0;
  for (const auto& [format, c] : counts) {
    if (c > n || (c == n && format == Format::Claude)) {
      best = format;
      n = c;
    }
  }
  return best;
}

// `path` relative to `base` when possible, '/'-separated.
std::string relative_to(const fs::path& path, const fs::path& base) {
  const fs::path abs = fs::absolute(path).lexically_normal();
  const fs::path rel = abs.lexically_relative(fs::absolute(base).lexically_normal());
  return rel.empty() ? abs.generic_string() : rel.generic_string();
}

fs::path folder_of(const std::string& file) {
  const fs::path parent = fs::path(file).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// The plan of a sources run: scan and cluster every readable input.
Plan plan_from_sources(const Inputs& in, const Config& config, std::optional<Format> to) {
  const ClusterResult clusters = cluster_fingerprints(in.prints, config.thresholds);
  print_diagnostics(clusters.diagnostics);
  const Format target = to ? *to : config.target ? *config.target : majority_format(in);
  return build_plan(clusters, in.prints, config, target);
}

// Member paths as written in a plan file: relative to the plan's folder.
Plan relative_plan(Plan plan, const fs::path& plan_dir) {
  for (PlanCluster& c : plan.clusters) {
    for (PlanMember& m : c.members) m.path = relative_to(m.path, plan_dir);
    if (c.primary) c.primary = relative_to(*c.primary, plan_dir);
  }
  return plan;
}

// A plan file's member path, as a path to load.
std::string resolve_member(const std::string& member, const fs::path& plan_dir) {
  const fs::path p(member);
  return (p.is_absolute() ? p : plan_dir / p).lexically_normal().string();
}

// Resolves the member paths of an applied plan and loads every member.
Plan plan_for_loading(Plan plan, const fs::path& plan_dir, std::vector<fs::path>& paths) {
  for (PlanCluster& c : plan.clusters) {
    for (PlanMember& m : c.members) {
      m.path = resolve_member(m.path, plan_dir);
      paths.emplace_back(m.path);
    }
    if (c.primary) c.primary = resolve_member(*c.primary, plan_dir);
    if (c.decisions) c.decisions = resolve_member(*c.decisions, plan_dir);
  }
  return plan;
}

// The cluster's decisions file (plan key `decisions`), read and parsed.
Result<ReviewChoices> cluster_choices(const PlanCluster& c) {
  if (!c.decisions) return ReviewChoices{};
  return read_decisions_file(*c.decisions);
}

MergeOptions merge_options(const Plan& plan, const PlanCluster& c, const Config& config,
                           std::size_t max_blocks) {
  MergeOptions o;
  o.max_blocks = max_blocks;
  o.name = c.name;
  o.target = plan.target;
  o.primary = c.primary;
  o.config = config;
  o.config.tools = c.tools.value_or(plan.tools);
  std::map<std::string, ValuePolicy> policies = plan.policies;
  for (const auto& [k, p] : c.policies) policies[k] = p;
  for (const auto& [k, p] : policies) {
    if (k == kAnyKeyPolicy) {
      o.config.default_policy = p;
    } else {
      o.config.key_policies[k] = p;
    }
  }
  return o;
}

json cluster_json(const PlanCluster& c, const ClusterOutcome& o, const MergeReport* merged);

// `entry` dumped as an element of the report's "clusters" array: two-space
// indentation, every line after the first indented 4 more (its depth).
std::string entry_text(const json& entry) {
  const std::string text = entry.dump(2);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    out += ch;
    if (ch == '\n') out += "    ";
  }
  return out;
}

// Reads the cluster's members and merges them. Only the merged text and the
// cluster's report entry outlive the call.
ClusterOutcome merge_cluster(const Plan& plan, const PlanCluster& c, const Inputs& in,
                             const ParseOptions& parse, const Config& config,
                             const std::string& plan_name, std::size_t max_blocks) {
  ClusterOutcome out;
  if (auto o = resolve_output(c, plan.target, plan_name); o) {
    out.output = *o;
  } else {
    out.error = o.error();
    out.report = entry_text(cluster_json(c, out, nullptr));
    return out;
  }
  std::vector<AgentFile> loaded;  // members read again for this merge, freed after it
  loaded.reserve(c.members.size());  // no reallocation: `variants` points into it
  std::vector<const AgentFile*> variants;
  for (const PlanMember& m : c.members) {
    if (const AgentFile* kept = kept_file(in, m.path)) {
      variants.push_back(kept);
      continue;
    }
    auto file = read_member(in, m.path, parse);
    if (!file) {
      out.error = file.error();
      out.error->message += " (cluster '" + c.name + "' not merged)";
      out.report = entry_text(cluster_json(c, out, nullptr));
      return out;
    }
    loaded.push_back(std::move(*file));
    variants.push_back(&loaded.back());
  }
  MergeOptions options = merge_options(plan, c, config, max_blocks);
  auto choices = cluster_choices(c);
  if (!choices) {
    out.error = choices.error();
    out.error->message += " (cluster '" + c.name + "' not merged)";
    out.report = entry_text(cluster_json(c, out, nullptr));
    return out;
  }
  options.choices = std::move(*choices);
  auto merged = merge(variants, options);
  if (!merged) {
    out.error = merged.error();
    out.report = entry_text(cluster_json(c, out, nullptr));
    return out;
  }
  out.needs_review = merged->report.needs_review();
  out.report = entry_text(cluster_json(c, out, &merged->report));
  out.text = std::move(merged->text);
  return out;
}

json error_json(const Error& e) {
  return {{"file", e.file}, {"line", e.line}, {"code", e.code}, {"message", e.message}};
}

json cluster_json(const PlanCluster& c, const ClusterOutcome& o, const MergeReport* merged) {
  json j = {{"name", c.name}, {"output", o.output.empty() ? json(nullptr) : json(o.output)}};
  json members = json::array();
  if (merged != nullptr) {
    const MergeReport& r = *merged;
    for (const SourceInfo& s : r.sources) {
      members.push_back({{"path", s.name}, {"agent_name", s.agent_name},
                         {"format", std::string(to_string(s.format))}, {"documents", s.documents}});
    }
    j["primary"] = r.sources.empty() ? json(nullptr) : json(r.sources[r.primary].name);
    j["needs_review"] = r.needs_review();
    j["blocks"] = {{"kept", r.count(BlockFate::Kept)}, {"folded", r.count(BlockFate::Folded)},
                   {"dropped", r.count(BlockFate::Dropped)}};
    json decisions = json::array();
    for (const Decision& d : r.decisions) {
      decisions.push_back({{"subject", d.subject}, {"policy", d.policy}, {"chosen", d.chosen},
                           {"source_values", d.source_values}, {"message", d.message},
                           {"review", needs_review(d.review)},
                           {"danger", d.review == Review::Danger}});
    }
    j["decisions"] = decisions;
  } else {
    for (const PlanMember& m : c.members) members.push_back({{"path", m.path}});
  }
  j["members"] = members;
  if (o.error) j["error"] = error_json(*o.error);
  return j;
}

// The machine-readable report: every cluster, member, decision and output.
// Deterministic (no times, no statuses), so an unchanged run leaves it as is.
std::string report_text(const Plan& plan, const std::vector<ClusterOutcome>& outcomes,
                        const Inputs& in) {
  // The clusters are spliced in as text where a placeholder stands: the
  // first occurrence is ours ("clusters" is dumped before "unreadable").
  constexpr std::string_view kPlaceholder = "\"@@clusters@@\"";
  json doc = {{"version", 1}, {"target", std::string(to_string(plan.target))}};
  doc["clusters"] = "@@clusters@@";
  json unreadable = json::array();
  for (const Error& e : in.unreadable) unreadable.push_back(error_json(e));
  doc["unreadable"] = unreadable;
  std::string text = doc.dump(2) + "\n";
  std::string clusters = "[]";
  if (!outcomes.empty()) {
    clusters = "[";
    for (std::size_t i = 0; i < outcomes.size(); ++i)
      clusters += (i ? ",\n    " : "\n    ") + outcomes[i].report;
    clusters += "\n  ]";
  }
  text.replace(text.find(kPlaceholder), kPlaceholder.size(), clusters);
  return text;
}

std::string action_verb(const PlannedAction& p, OutputMode mode) {
  const bool would = mode != OutputMode::Write;
  if (p.action == FileAction::Refuse) {
    return p.state == FileState::Edited
               ? "refused (edited since agentmerge wrote it; --force to replace)"
               : "refused (not written by agentmerge; --force to replace)";
  }
  switch (p.action) {
    case FileAction::Create: return would ? "would create" : "created";
    case FileAction::Update: return would ? "would update" : "updated";
    case FileAction::Unchanged: return "unchanged";
    case FileAction::Refuse: return "refused";
    case FileAction::Remove: return would ? "would remove (stale)" : "removed (stale)";
    case FileAction::KeepStale: return "left alone (stale, edited by hand)";
    case FileAction::Keep: return "kept (no longer produced, but some input failed)";
  }
  return "";
}

// Counts cover the agent files; the report is a by-product and not counted.
void print_human(const OutputSync& sync, OutputMode mode, const fs::path& dir,
                 std::size_t clusters) {
  std::map<FileAction, std::size_t> n;
  for (const PlannedAction& a : sync.actions) {
    if (a.tracked) ++n[a.action];
    if (a.action == FileAction::Unchanged && mode != OutputMode::DryRun) continue;
    std::cout << action_verb(a, mode) << ": " << (dir / a.path).string() << "\n";
  }
  const std::size_t unchanged = n[FileAction::Unchanged];
  std::size_t total = 0;
  for (const auto& [action, count] : n) total += count;
  if (mode == OutputMode::Check) {
    std::cout << (sync.drift() ? "drift: " + dir.string() + " differs from what migrate would write"
                               : "no drift: " + dir.string() + " is up to date")
              << "\n";
  } else if (total == unchanged) {
    std::cout << "nothing to do: " << unchanged << " agent files up to date in " << dir.string()
              << " (" << clusters << " clusters)\n";
  } else {
    std::cout << clusters << " clusters: " << n[FileAction::Create] << " created, "
              << n[FileAction::Update] << " updated, " << unchanged << " unchanged, "
              << n[FileAction::Remove] << " removed, " << n[FileAction::Refuse] << " refused"
              << (mode == OutputMode::DryRun ? " (dry run: nothing written)" : "") << "\n";
  }
}

json sync_json(const OutputSync& sync, const fs::path& dir, OutputMode mode) {
  json actions = json::array();
  for (const PlannedAction& a : sync.actions) {
    actions.push_back({{"path", (dir / a.path).generic_string()},
                       {"action", std::string(to_string(a.action))},
                       {"state", std::string(to_string(a.state))}});
  }
  const char* m = mode == OutputMode::Write ? "write" : mode == OutputMode::DryRun ? "dry-run"
                                                                                   : "check";
  return {{"mode", m}, {"out", dir.generic_string()}, {"actions", actions},
          {"drift", sync.drift()}};
}

// Drops the files inside the output folder from `paths`: with --out inside
// an input folder, last run's outputs would be read back as inputs (a line
// deleted from a source would come back from the previous output).
void drop_outputs(std::vector<fs::path>& paths, const std::optional<std::string>& out_dir) {
  if (!out_dir) return;
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(*out_dir, ec);
  if (ec) return;
  const auto inside = [&](const fs::path& p) {
    std::error_code e;
    const fs::path c = fs::weakly_canonical(p, e);
    const auto [end, it] = std::mismatch(out.begin(), out.end(), c.begin(), c.end());
    return !e && end == out.end();
  };
  const auto n = paths.size();
  paths.erase(std::remove_if(paths.begin(), paths.end(), inside), paths.end());
  if (paths.size() != n) {
    std::cerr << "agentmerge migrate: skipped " << n - paths.size() << " file(s) inside the output "
              << "folder " << *out_dir << ": outputs are never read back as inputs\n";
  }
}

// Merges every cluster of the plan and brings DIR in line with the result.
ExitCode run_migrate_outputs(const MigrateArgs& args, const Plan& plan, const Inputs& in,
                             const Config& config, const std::string& plan_name,
                             Progress& progress) {
  const unsigned jobs = args.jobs == 0 ? default_jobs() : args.jobs;
  progress.stage("clusters", plan.clusters.size());
  progress.set_clusters(plan.clusters.size());
  // Largest clusters first: a big merge started last would leave the other
  // threads idle at the end.
  std::vector<std::size_t> order(plan.clusters.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return plan.clusters[a].members.size() > plan.clusters[b].members.size();
  });
  auto outcomes = parallel_map_in_order<ClusterOutcome>(order, jobs, [&](std::size_t i) {
    ClusterOutcome o =
        merge_cluster(plan, plan.clusters[i], in, args.parse, config, plan_name, args.max_blocks);
    progress.advance();
    return o;
  });
  progress.finish();

  std::vector<WantedFile> wanted;
  std::vector<std::string> keep;
  bool failed = !in.unreadable.empty();
  std::size_t review = 0;
  for (ClusterOutcome& o : outcomes) {
    if (o.text) {
      wanted.push_back({o.output, std::move(*o.text)});
      o.text.reset();
      review += o.needs_review ? 1 : 0;
      continue;
    }
    failed = true;
    std::cerr << "agentmerge migrate: " << o.error->to_string() << "\n";
    if (!o.output.empty()) keep.push_back(o.output);  // not stale: only failed this time
  }
  const std::string report = report_text(plan, outcomes, in);
  std::vector<std::string> untracked;
  if (args.report) {
    if (args.check) {
      // --check never writes, not even the report.
    } else if (auto w = write_atomic(*args.report, report); !w) {
      std::cerr << "agentmerge migrate: " << w.error().to_string() << "\n";
      failed = true;
    }
  } else {
    wanted.push_back({kReportPath, report});
    untracked.push_back(kReportPath);
  }
  const OutputMode mode = args.check     ? OutputMode::Check
                          : args.dry_run ? OutputMode::DryRun
                                         : OutputMode::Write;
  const fs::path dir(*args.out_dir);
  const OutputSync sync = sync_output(dir, wanted, keep, untracked, mode,
                                      args.force ? Overwrite::Force : Overwrite::Refuse,
                                      failed ? Stale::Keep : Stale::Remove);
  for (const Error& e : sync.errors) std::cerr << "agentmerge migrate: " << e.to_string() << "\n";
  for (const std::string& t : sync.cleaned)
    std::cerr << "agentmerge migrate: removed a temporary file left by a killed run: " << t << "\n";
  if (args.json) {
    // Envelope agentmerge-migrate/1 (docs/schema/migrate.schema.json).
    json doc = sync_json(sync, dir, mode);
    doc["schema"] = "agentmerge-migrate/1";
    doc["report"] = json::parse(report);
    std::cout << doc.dump(2) << "\n";
  } else if (verbosity() != Verbosity::Quiet) {
    print_human(sync, mode, dir, plan.clusters.size());
    if (review > 0)
      std::cout << review << " clusters have merge decisions that need review (see the report)\n";
  }
  release_at_exit(std::move(outcomes));
  if (failed || !sync.errors.empty()) return ExitCode::Unreadable;
  if (mode == OutputMode::Check) return sync.drift() ? ExitCode::Findings : ExitCode::Ok;
  return sync.count(FileAction::Refuse) > 0 ? ExitCode::Findings : ExitCode::Ok;
}

ExitCode run_migrate(const MigrateArgs& args) {
  if (args.apply && !args.paths.empty()) return usage("--apply takes no PATH (the plan lists them)");
  if (args.apply && args.to) return usage("--apply executes the plan's target; edit the plan instead of --to");
  if (args.apply && args.plan_out) return usage("--plan and --apply exclude each other");
  if (!args.apply && args.paths.empty()) return usage("give PATH... to scan, or --apply PLAN.yaml");
  if (!args.plan_out && !args.out_dir) return usage("--out DIR is required (or --plan PLAN.yaml)");
  if (args.dry_run && args.check) return usage("--dry-run and --check exclude each other");
  std::optional<Format> to;
  if (args.to) {
    to = parse_format(*args.to);
    if (!to || *to == Format::Unknown) return usage("--to must be claude, opencode, copilot, qwen or gemini");
  }
  auto config = load_config(args.config, args.paths);
  if (!config) return usage(config.error().to_string());
  const unsigned jobs = args.jobs == 0 ? default_jobs() : args.jobs;
  Progress progress("files", 0, verbosity());

  Plan plan;
  Inputs& in = kept_until_exit(Inputs{});
  std::string plan_name;
  if (args.apply) {
    plan_name = *args.apply;
    auto text = read_file(plan_name);
    if (!text) {
      std::cerr << "agentmerge migrate: " << text.error().to_string() << "\n";
      return ExitCode::Unreadable;
    }
    auto read = read_plan(*text, plan_name);
    if (!read) {
      std::cerr << read.error().to_string() << "\n";
      return ExitCode::Usage;
    }
    std::vector<fs::path> paths;
    // The members are read when their cluster is merged; one that cannot be
    // read fails its cluster (reported), never the others.
    plan = plan_for_loading(std::move(*read), folder_of(plan_name), paths);
    std::set<std::string> members;
    for (const fs::path& p : paths) members.insert(p.string());
    drop_outputs(paths, args.out_dir);
    for (const fs::path& p : paths) members.erase(p.string());
    in.skipped = std::move(members);
  } else {
    std::vector<Error> missing;
    Walk walk = walk_paths(args.paths, args.walk, missing);
    report_skipped(walk);
    auto paths = std::move(walk.files);
    drop_outputs(paths, args.out_dir);
    in = scan_inputs(paths, args.parse, *config, jobs, progress);
    in.unreadable.insert(in.unreadable.begin(), missing.begin(), missing.end());
    plan = plan_from_sources(in, *config, to);
    print_diagnostics(plan.notes);
  }
  for (const Error& e : in.unreadable) std::cerr << "agentmerge migrate: " << e.to_string() << "\n";

  if (args.plan_out) {
    progress.finish();
    const std::string text = write_plan(relative_plan(plan, folder_of(*args.plan_out)));
    std::error_code ec;
    if (!args.force && fs::exists(*args.plan_out, ec)) {
      auto current = read_file(*args.plan_out);
      if (!current || *current != text) {
        std::cerr << "agentmerge migrate: " << *args.plan_out
                  << ": exists and differs from the plan this run would write (edited by hand?); "
                     "not replaced (--force to replace it)\n";
        return ExitCode::Findings;
      }
    }
    auto w = write_atomic(*args.plan_out, text);
    if (!w) {
      std::cerr << "agentmerge migrate: " << w.error().to_string() << "\n";
      return ExitCode::Unreadable;
    }
    if (verbosity() != Verbosity::Quiet) {
      std::size_t members = 0;
      for (const PlanCluster& c : plan.clusters) members += c.members.size();
      std::cout << "plan: " << plan.clusters.size() << " clusters of " << members << " files, target "
                << to_string(plan.target) << " -> " << *args.plan_out << "\n";
    }
    return in.unreadable.empty() ? ExitCode::Ok : ExitCode::Unreadable;
  }
  return run_migrate_outputs(args, plan, in, *config, plan_name, progress);
}

}  // namespace

void add_migrate(CLI::App& app, Action& action) {
  auto args = std::make_shared<MigrateArgs>();
  auto* sub = app.add_subcommand(
      "migrate", "Find duplicates, merge each cluster and write one canonical file per agent");
  sub->add_option("paths", args->paths, "Agent files or folders (walked recursively)");
  sub->add_option("--out", args->out_dir, "Output folder (one file per cluster)");
  sub->add_option("--to", args->to, "Target format (default: config, else most inputs' format)");
  sub->add_option("--plan", args->plan_out, "Write the plan to this YAML file; touch nothing else");
  sub->add_option("--apply", args->apply, "Execute exactly this (edited) plan");
  sub->add_flag("--dry-run", args->dry_run, "Print what would be written; write nothing");
  sub->add_flag("--check", args->check, "Exit 1 when DIR differs from what would be written");
  sub->add_flag("--force", args->force,
                "Replace files in DIR that agentmerge did not write (or an existing --plan file)");
  sub->add_option("--report", args->report,
                  "Write the report here (default: DIR/.agentmerge/report.json)");
  sub->add_option("--config", args->config, "Config file (default: agentmerge.yaml upward)");
  sub->add_flag("--json", args->json, "Print actions and the report as JSON on stdout");
  add_walk_options(sub, args->walk);
  add_limit_options(sub, args->parse);
  add_max_blocks_option(sub, args->max_blocks);
  sub->add_option("-j,--jobs", args->jobs, "Threads (default: the core count)")
      ->check(CLI::Range(1U, 1024U));
  sub->footer(
      "Exit codes: 0 done or nothing to do, 1 --check drift or a file in DIR (or an\n"
      "existing --plan file) refused (not written by agentmerge; --force), 2 usage or\n"
      "invalid plan, 3 some input unreadable, some cluster failed (the others are still\n"
      "written; outputs no longer produced are kept), a link or non-folder inside DIR,\n"
      "or DIR locked by another run.");
  sub->callback([&action, args] { action = [args] { return run_migrate(*args); }; });
}

}  // namespace agentmerge::cli
