// The migrate plan: build from clusters, write and read PLAN.yaml, validate.
//
//   cluster "backend-architect" {a.md (primary), b.md (same-name, 0.71)}
//     -> clusters:
//          - name: backend-architect
//            members:
//              - a.md  # primary, claude
//              - b.md  # same-name, 0.71, opencode
//
// Reading is strict: an unknown key is an error with file:line, so a typo in
// a hand-edited plan never silently does nothing.
#include "agentmerge/plan.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "agentmerge/manifest.hpp"

namespace agentmerge {

namespace {

constexpr const char* kHeader =
    "agentmerge migrate plan. Edit it, then run:\n"
    "  agentmerge migrate --apply PLAN.yaml --out DIR\n"
    "Each cluster becomes one file in DIR, merged from its members.\n"
    "  rename:  change `name` (or set `output: FILE.md`)\n"
    "  split:   move members into a new cluster entry\n"
    "  exclude: move a member to `excluded` (or delete its line)\n"
    "  primary: set `primary` to a member path (or remove it: merge chooses)\n"
    "  policy:  tools: union|intersection|primary;\n"
    "           policies: {model: primary|most-common, \"*\": ...}\n"
    "  review:  decisions: FILE (exported by the review page) applies a reviewer's choices\n"
    "Member paths are relative to this file's folder.";

// ------------------------------------------------------------- sanitizing --

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

// Characters that never go into a file name: separators, controls, and the
// ones some file systems refuse.
bool is_replaced(unsigned char c) {
  constexpr std::string_view kBad = "/\\:*?\"<>| \t";
  return is_control(c) || kBad.find(static_cast<char>(c)) != std::string_view::npos;
}

constexpr std::size_t kMaxStemBytes = 200;

// ------------------------------------------------------------------ globs --

bool glob_here(std::string_view g, std::string_view s) {
  while (!g.empty()) {
    if (g.substr(0, 2) == "**") {
      g.remove_prefix(2);
      if (!g.empty() && g.front() == '/') {
        // "**/" also matches no folder at all.
        if (glob_here(g.substr(1), s)) return true;
      }
      for (std::size_t i = 0; i <= s.size(); ++i)
        if (glob_here(g, s.substr(i))) return true;
      return false;
    }
    if (g.front() == '*') {
      g.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_here(g, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') return false;
      }
      return false;
    }
    if (s.empty()) return false;
    if (g.front() == '?' ? s.front() == '/' : g.front() != s.front()) return false;
    g.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

// ------------------------------------------------------------ YAML reading --

Error at(std::string_view file, const YAML::Node& node, std::string message) {
  const int line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
  return Error{std::string(file), line, "bad-plan", std::move(message)};
}

// Reads a scalar string; records an error when the node is not one.
std::string scalar(const YAML::Node& node, std::string_view what, std::string_view file,
                   std::vector<Error>& errors) {
  if (!node.IsScalar()) {
    errors.push_back(at(file, node, std::string(what) + " must be a single value"));
    return {};
  }
  return node.Scalar();
}

void read_policies(const YAML::Node& node, std::map<std::string, ValuePolicy>& out,
                   std::string_view file, std::vector<Error>& errors) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    errors.push_back(at(file, node, "policies must be a map of key: primary|most-common"));
    return;
  }
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const std::string word = scalar(kv.second, "a policy", file, errors);
    const auto p = parse_value_policy(word);
    if (!p) {
      errors.push_back(at(file, kv.second, "unknown policy '" + word + "' for '" + key +
                                               "' (expected primary or most-common)"));
      continue;
    }
    out[key] = *p;
  }
}

std::vector<PlanMember> read_members(const YAML::Node& node, std::string_view what,
                                     std::string_view file, std::vector<Error>& errors) {
  std::vector<PlanMember> out;
  if (node.IsNull()) return out;
  if (!node.IsSequence()) {
    errors.push_back(at(file, node, std::string(what) + " must be a list of paths"));
    return out;
  }
  for (const auto& item : node) {
    const std::string path = scalar(item, "a member", file, errors);
    if (!item.IsScalar()) continue;
    if (path.empty()) {
      errors.push_back(at(file, item, "empty path in " + std::string(what)));
      continue;
    }
    out.push_back(PlanMember{path, "", item.Mark().line + 1});
  }
  return out;
}

std::optional<ToolPolicy> read_tool_policy(const YAML::Node& node, std::string_view file,
                                           std::vector<Error>& errors) {
  const std::string word = scalar(node, "tools", file, errors);
  const auto p = parse_tool_policy(word);
  if (!p && node.IsScalar()) {
    errors.push_back(
        at(file, node, "unknown tools policy '" + word + "' (expected union, intersection "
                                                        "or primary)"));
  }
  return p;
}

PlanCluster read_cluster(const YAML::Node& node, std::string_view file,
                         std::vector<Error>& errors) {
  PlanCluster c;
  c.line = node.Mark().line + 1;
  if (!node.IsMap()) {
    errors.push_back(at(file, node, "a cluster must be a map with name and members"));
    return c;
  }
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      c.name = scalar(v, "name", file, errors);
    } else if (key == "output") {
      c.output = scalar(v, "output", file, errors);
    } else if (key == "primary") {
      c.primary = scalar(v, "primary", file, errors);
    } else if (key == "tools") {
      c.tools = read_tool_policy(v, file, errors);
    } else if (key == "policies") {
      read_policies(v, c.policies, file, errors);
    } else if (key == "decisions") {
      c.decisions = scalar(v, "decisions", file, errors);
    } else if (key == "members") {
      c.members = read_members(v, "members", file, errors);
    } else {
      errors.push_back(at(file, kv.first, "unknown cluster key '" + key +
                                              "' (expected name, output, primary, tools, "
                                              "policies, decisions, members)"));
    }
  }
  if (c.name.empty()) errors.push_back(Error{std::string(file), c.line, "bad-plan",
                                             "cluster without a name"});
  return c;
}

void read_top(const YAML::Node& root, Plan& plan, std::string_view file,
              std::vector<Error>& errors) {
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "version") {
      const std::string word = scalar(v, "version", file, errors);
      if (word != std::to_string(Plan::kVersion)) {
        errors.push_back(at(file, v, "unsupported plan version '" + word + "' (expected " +
                                         std::to_string(Plan::kVersion) + ")"));
      }
    } else if (key == "target") {
      const std::string word = scalar(v, "target", file, errors);
      const auto f = parse_format(word);
      if (!f || *f == Format::Unknown) {
        errors.push_back(at(file, v, "unknown target format '" + word + "'"));
      } else {
        plan.target = *f;
      }
    } else if (key == "tools") {
      if (const auto p = read_tool_policy(v, file, errors)) plan.tools = *p;
    } else if (key == "policies") {
      read_policies(v, plan.policies, file, errors);
    } else if (key == "clusters") {
      if (!v.IsSequence()) {
        errors.push_back(at(file, v, "clusters must be a list"));
        continue;
      }
      for (const auto& c : v) plan.clusters.push_back(read_cluster(c, file, errors));
    } else if (key == "excluded") {
      plan.excluded = read_members(v, "excluded", file, errors);
    } else {
      errors.push_back(at(file, kv.first, "unknown plan key '" + key +
                                              "' (expected version, target, tools, policies, "
                                              "clusters, excluded)"));
    }
  }
}

// ------------------------------------------------------------ YAML writing --

void write_policies(YAML::Emitter& out, const std::map<std::string, ValuePolicy>& policies) {
  out << YAML::Key << "policies" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (const auto& [key, p] : policies)
    out << YAML::Key << key << YAML::Value << std::string(to_string(p));
  out << YAML::EndMap;
}

void write_cluster(YAML::Emitter& out, const PlanCluster& c) {
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << c.name;
  if (!c.output.empty()) out << YAML::Key << "output" << YAML::Value << c.output;
  if (c.primary) out << YAML::Key << "primary" << YAML::Value << *c.primary;
  if (c.tools) out << YAML::Key << "tools" << YAML::Value << std::string(to_string(*c.tools));
  if (!c.policies.empty()) write_policies(out, c.policies);
  if (c.decisions) out << YAML::Key << "decisions" << YAML::Value << *c.decisions;
  out << YAML::Key << "members" << YAML::Value << YAML::BeginSeq;
  for (const PlanMember& m : c.members) {
    out << m.path;
    if (!m.comment.empty()) out << YAML::Comment(m.comment);
  }
  out << YAML::EndSeq << YAML::EndMap;
}

// ---------------------------------------------------------------- building --

// The member with the strictly highest source priority, if any.
std::optional<std::string> priority_primary(const Cluster& cluster,
                                            const std::vector<AgentFingerprint>& files,
                                            const Config& config) {
  if (config.source_priority.empty()) return std::nullopt;
  int best = 0;
  std::optional<std::string> best_path;
  bool tie = false;
  for (const ClusterMember& m : cluster.members) {
    const std::string& path = files.at(m.file).source_name;
    for (const SourcePriority& sp : config.source_priority) {
      if (!glob_match(sp.glob, path)) continue;
      if (!best_path || sp.priority > best) {
        best = sp.priority;
        best_path = path;
        tie = false;
      } else if (sp.priority == best && *best_path != path) {
        tie = true;
      }
      break;  // the first matching glob decides a file's priority
    }
  }
  if (tie) return std::nullopt;
  return best_path;
}

std::string member_comment(const ClusterMember& m, const AgentFingerprint& f) {
  char sim[16];
  std::snprintf(sim, sizeof sim, "%.2f", m.similarity_to_primary);
  std::string out(to_string(m.link));
  if (m.link != LinkKind::Primary) out += ", " + std::string(sim);
  out += ", " + std::string(to_string(f.format));
  return out;
}

}  // namespace

Result<std::string> safe_file_stem(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_replaced(c)) {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += ch;
    }
  }
  const auto first = out.find_first_not_of(".-");
  out = first == std::string::npos ? std::string() : out.substr(first);
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  if (out.empty())
    return Error{"", 0, "unsafe-name", "name '" + std::string(name) + "' has no usable character"};
  if (out.size() > kMaxStemBytes)
    return Error{"", 0, "unsafe-name", "name is longer than " + std::to_string(kMaxStemBytes) +
                                           " bytes"};
  return out;
}

bool is_safe_file_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.size() > kMaxStemBytes + 16) return false;
  return std::none_of(name.begin(), name.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return is_control(c) || c == '/' || c == '\\';
  });
}

std::string output_file_name(Format target, std::string_view stem) {
  return std::string(stem) + (target == Format::Copilot ? ".agent.md" : ".md");
}

bool glob_match(std::string_view glob, std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  if (glob.find('/') == std::string_view::npos) {
    const auto slash = path.rfind('/');
    return glob_here(glob, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  if (glob_here(glob, path)) return true;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/' && glob_here(glob, path.substr(i + 1))) return true;
  return false;
}

Result<std::string> resolve_output(const PlanCluster& c, Format target,
                                   std::string_view source_name) {
  if (!c.output.empty()) {
    if (!is_output_path(c.output) || c.output.find('/') != std::string::npos) {
      return Error{std::string(source_name), c.line, "unsafe-name",
                   "output '" + c.output +
                       "' is not a plain '.md' file name inside the output folder"};
    }
    return c.output;
  }
  auto stem = safe_file_stem(c.name);
  if (!stem) {
    return Error{std::string(source_name), c.line, "unsafe-name",
                 "cluster name '" + c.name + "' cannot be made into a file name: " +
                     stem.error().message};
  }
  return output_file_name(target, *stem);
}

namespace {

// Gives each cluster whose output file name another cluster already uses
// the first free "NAME-N" (N >= 2). Every cluster's own name is reserved
// before any suffix is chosen, so a suffix never lands on a real agent named
// "NAME-2" that comes later in the list.
void rename_conflicts(Plan& plan, const std::vector<std::string>& primaries) {
  std::set<std::string> taken;
  for (const PlanCluster& pc : plan.clusters)
    if (auto out = resolve_output(pc, plan.target, ""); out) taken.insert(*out);
  std::set<std::string> used;
  for (std::size_t i = 0; i < plan.clusters.size(); ++i) {
    PlanCluster& pc = plan.clusters[i];
    auto out = resolve_output(pc, plan.target, "");
    if (!out || used.insert(*out).second) continue;
    const std::string original = pc.name;
    for (int n = 2;; ++n) {
      pc.name = original + "-" + std::to_string(n);
      auto renamed = resolve_output(pc, plan.target, "");
      if (!renamed) break;  // too long to suffix: apply reports the conflict
      if (taken.count(*renamed) == 0 && used.insert(*renamed).second) break;
    }
    plan.notes.push_back(Diagnostic{
        Severity::Warning, primaries[i], 0, "name-conflict",
        "another cluster is also named '" + original + "'; this one is named '" + pc.name +
            "' (rename it in the plan)"});
  }
}

}  // namespace

Plan build_plan(const ClusterResult& clusters, const std::vector<AgentFingerprint>& files,
                const Config& config, Format target) {
  Plan plan;
  plan.target = target;
  plan.tools = config.tools;
  plan.policies = config.key_policies;
  if (config.default_policy != ValuePolicy::Primary)
    plan.policies[std::string(kAnyKeyPolicy)] = config.default_policy;
  std::vector<std::string> primaries;
  for (const Cluster& cluster : clusters.clusters) {
    PlanCluster pc;
    pc.name = cluster.canonical_name;
    pc.primary = priority_primary(cluster, files, config);
    for (const ClusterMember& m : cluster.members) {
      const AgentFingerprint& f = files.at(m.file);
      pc.members.push_back(PlanMember{f.source_name, member_comment(m, f), 0});
    }
    primaries.push_back(files.at(cluster.primary).source_name);
    plan.clusters.push_back(std::move(pc));
  }
  rename_conflicts(plan, primaries);
  return plan;
}

std::string write_plan(const Plan& plan) {
  YAML::Emitter out;
  out << YAML::Comment(kHeader) << YAML::Newline;
  out << YAML::BeginMap;
  out << YAML::Key << "version" << YAML::Value << plan.version;
  out << YAML::Key << "target" << YAML::Value << std::string(to_string(plan.target));
  out << YAML::Key << "tools" << YAML::Value << std::string(to_string(plan.tools));
  write_policies(out, plan.policies);
  out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq;
  for (const PlanCluster& c : plan.clusters) write_cluster(out, c);
  out << YAML::EndSeq;
  out << YAML::Key << "excluded" << YAML::Value;
  if (plan.excluded.empty()) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const PlanMember& m : plan.excluded) out << m.path;
  out << YAML::EndSeq << YAML::EndMap;
  std::string text = out.c_str();
  text += '\n';
  return text;
}

std::vector<Error> validate_plan(const Plan& plan, std::string_view source_name) {
  std::vector<Error> errors;
  const std::string file(source_name);
  std::map<std::string, int> seen;  // member path -> line
  for (const PlanMember& m : plan.excluded) seen.emplace(m.path, m.line);
  std::map<std::string, int> outputs;
  for (const PlanCluster& c : plan.clusters) {
    if (c.members.empty())
      errors.push_back(Error{file, c.line, "bad-plan", "cluster '" + c.name + "' has no members"});
    for (const PlanMember& m : c.members) {
      const auto [it, fresh] = seen.emplace(m.path, m.line);
      if (!fresh) {
        errors.push_back(Error{file, m.line, "bad-plan",
                               "'" + m.path + "' is listed twice (first at line " +
                                   std::to_string(it->second) + ")"});
      }
    }
    if (c.primary && std::none_of(c.members.begin(), c.members.end(),
                                  [&](const PlanMember& m) { return m.path == *c.primary; })) {
      errors.push_back(Error{file, c.line, "bad-plan",
                             "primary '" + *c.primary + "' is not a member of '" + c.name + "'"});
    }
    if (auto out = resolve_output(c, plan.target, source_name); out) {
      const auto [it, fresh] = outputs.emplace(*out, c.line);
      if (!fresh) {
        errors.push_back(Error{file, c.line, "bad-plan",
                               "cluster '" + c.name + "' writes " + *out +
                                   ", as does the cluster at line " + std::to_string(it->second)});
      }
    }
  }
  return errors;
}

Result<Plan> read_plan(std::string_view yaml, std::string_view source_name) {
  const std::string file(source_name);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Error{file, e.mark.is_null() ? 0 : e.mark.line + 1, "bad-plan",
                 "not valid YAML: " + e.msg};
  }
  if (!root.IsMap()) return Error{file, 1, "bad-plan", "a plan is a YAML map (see docs/migrate.md)"};
  Plan plan;
  std::vector<Error> errors;
  read_top(root, plan, file, errors);
  if (!static_cast<const YAML::Node&>(root)["version"]) errors.push_back(Error{file, 1, "bad-plan", "missing version"});
  if (errors.empty()) errors = validate_plan(plan, source_name);
  if (errors.empty()) return plan;
  Error first = errors.front();
  if (errors.size() > 1)
    first.message += " (and " + std::to_string(errors.size() - 1) + " more problems)";
  return first;
}

}  // namespace agentmerge
