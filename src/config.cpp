// Configuration: built-in defaults (policies, thresholds, heading synonyms)
// and the agentmerge.yaml reader that overrides them.
//
//   "policies:\n  model: most-common\nthresholds:\n  fold: 0.8\n"
//     -> Config{ key_policies = {model: MostCommon}, thresholds.fold = 0.8,
//                everything else as in default_config() }
//
// Unknown keys and values of the wrong type are errors with file:line, so a
// typo in a config file never silently does nothing.
#include "agentmerge/config.hpp"
#include "agentmerge/suggest.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <functional>
#include <string>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "agentmerge/normalize.hpp"

namespace agentmerge {

std::string_view to_string(ToolPolicy p) {
  switch (p) {
    case ToolPolicy::Union: return "union";
    case ToolPolicy::Intersection: return "intersection";
    case ToolPolicy::Primary: return "primary";
    case ToolPolicy::AllSources: return "all-sources";
  }
  return "union";
}

std::string_view to_string(ValuePolicy p) {
  return p == ValuePolicy::Primary ? "primary" : "most-common";
}

std::optional<ToolPolicy> parse_tool_policy(std::string_view word) {
  for (auto p : {ToolPolicy::Union, ToolPolicy::Intersection, ToolPolicy::Primary,
                 ToolPolicy::AllSources})
    if (to_string(p) == word) return p;
  return std::nullopt;
}

std::optional<ValuePolicy> parse_value_policy(std::string_view word) {
  for (auto p : {ValuePolicy::Primary, ValuePolicy::MostCommon})
    if (to_string(p) == word) return p;
  return std::nullopt;
}

namespace {

// Section headings that mean the same thing across agent collections. The
// first title of each group is the canonical key; titles are compared after
// normalize_title (lowercase, markup and trailing ':' removed).
const std::vector<std::vector<std::string>>& builtin_synonyms() {
  static const std::vector<std::vector<std::string>> table = {
      {"focus areas", "core competencies", "key capabilities", "capabilities",
       "areas of expertise", "expertise", "core expertise", "competencies",
       "specializations", "specialization", "key skills", "skills"},
      {"approach", "your approach", "key actions", "methodology", "workflow",
       "how you work", "process"},
      {"outputs", "deliverables", "output", "expected outputs", "output format"},
      {"principles", "guiding principles", "core principles", "key principles"},
      {"boundaries", "limitations", "constraints", "scope"},
      {"triggers", "when to use", "use cases", "when to invoke", "activation"},
      {"behavioral mindset", "mindset", "philosophy"},
      {"responsibilities", "primary responsibilities", "core responsibilities",
       "key responsibilities", "your primary responsibilities"},
      {"quality assurance", "quality standards", "quality checks", "quality checklist"},
      {"communication style", "communication"},
      {"best practices", "guidelines"},
      {"examples", "example", "usage examples"},
  };
  return table;
}

Config make_default() {
  Config c;
  c.heading_synonyms = builtin_synonyms();
  c.section_order.assign(default_section_order().begin(), default_section_order().end());
  return c;
}

Error config_error(std::string_view file, const YAML::Node& node, std::string message) {
  const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  return Error{std::string(file), line, "config", std::move(message)};
}

// Each top-level key is read by one function: the table is the schema.
using Reader = std::function<std::optional<Error>(const YAML::Node&, Config&, std::string_view)>;

std::optional<Error> read_target(const YAML::Node& n, Config& c, std::string_view file) {
  const auto f = n.IsScalar() ? parse_format(n.Scalar()) : std::nullopt;
  if (!f || *f == Format::Unknown)
    return config_error(file, n, "target must be one of claude, opencode, copilot, qwen, gemini");
  c.target = *f;
  return std::nullopt;
}

std::optional<Error> read_policies(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsMap()) return config_error(file, n, "policies must be a map of key: policy");
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    const std::string word = kv.second.IsScalar() ? kv.second.Scalar() : "";
    if (key == "tools") {
      auto p = parse_tool_policy(word);
      if (!p) return config_error(file, kv.second, "tools policy must be union, intersection or primary");
      c.tools = *p;
      continue;
    }
    auto p = parse_value_policy(word);
    if (!p) return config_error(file, kv.second, "policy for '" + key + "' must be primary or most-common");
    if (key == "default") {
      c.default_policy = *p;
    } else {
      c.key_policies[key] = *p;
    }
  }
  return std::nullopt;
}

std::optional<Error> read_thresholds(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsMap()) return config_error(file, n, "thresholds must be a map of name: number");
  struct Field {
    const char* name;
    double Thresholds::*member;
    double max;  // valid values are [0, max]
  };
  const std::array<Field, 9> fields = {{
      {"fold", &Thresholds::fold, 1.0},
      {"contain", &Thresholds::contain, 1.0},
      {"contain_min_words", &Thresholds::contain_min_words, 100.0},
      {"contain_length_ratio", &Thresholds::contain_length_ratio, 100.0},
      {"section_content", &Thresholds::section_content, 1.0},
      {"example", &Thresholds::example, 1.0},
      {"cluster", &Thresholds::cluster, 1.0},
      {"cluster_name", &Thresholds::cluster_name, 1.0},
      {"cluster_group", &Thresholds::cluster_group, 2.0},
  }};
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [&](const auto& f) { return key == f.name; });
    if (it == fields.end()) return config_error(file, kv.first, "unknown threshold '" + key + "'");
    double v = -1;
    try {
      v = kv.second.as<double>();
    } catch (const YAML::Exception&) {
      v = -1;
    }
    if (!(v >= 0.0 && v <= it->max))
      return config_error(file, kv.second,
                          "threshold '" + key + "' must be a number in [0, " +
                              (it->max == 1.0 ? std::string("1") : std::to_string(static_cast<int>(it->max))) + "]");
    c.thresholds.*(it->member) = v;
  }
  return std::nullopt;
}

std::optional<Error> read_synonyms(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsSequence()) return config_error(file, n, "heading_synonyms must be a list of lists");
  for (const auto& group : n) {
    if (!group.IsSequence() || group.size() < 2)
      return config_error(file, group, "each heading_synonyms entry must list at least two titles");
    std::vector<std::string> titles;
    for (const auto& t : group) {
      if (!t.IsScalar()) return config_error(file, t, "a heading synonym must be a string");
      titles.push_back(normalize_title(t.Scalar()));
    }
    // A config group comes first so that its first title is the key when it
    // overlaps a built-in group.
    c.heading_synonyms.insert(c.heading_synonyms.begin(), std::move(titles));
  }
  return std::nullopt;
}

std::optional<Error> read_aliases(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsMap()) return config_error(file, n, "name_aliases must be a map of alias: name");
  for (const auto& kv : n) {
    if (!kv.second.IsScalar()) return config_error(file, kv.second, "an alias must map to a name");
    c.name_aliases[normalize_name(kv.first.Scalar())] = normalize_name(kv.second.Scalar());
  }
  return std::nullopt;
}

std::optional<Error> read_priority(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsSequence()) return config_error(file, n, "source_priority must be a list of {glob, priority}");
  for (const auto& e : n) {
    if (!e.IsMap() || !e["glob"] || !e["glob"].IsScalar())
      return config_error(file, e, "each source_priority entry needs a glob");
    SourcePriority sp;
    sp.glob = e["glob"].Scalar();
    try {
      sp.priority = e["priority"] ? e["priority"].as<int>() : 1;
    } catch (const YAML::Exception&) {
      return config_error(file, e["priority"], "priority must be an integer");
    }
    for (const auto& kv : e) {
      const std::string k = kv.first.Scalar();
      if (k != "glob" && k != "priority")
        return config_error(file, kv.first, "unknown source_priority field '" + k + "'");
    }
    c.source_priority.push_back(std::move(sp));
  }
  return std::nullopt;
}

std::optional<Error> read_section_order(const YAML::Node& n, Config& c, std::string_view file) {
  if (!n.IsSequence()) return config_error(file, n, "section_order must be a list of section roles");
  c.section_order.clear();
  for (const auto& item : n) {
    const auto role = item.IsScalar() ? parse_section_role(item.Scalar()) : std::nullopt;
    if (!role) {
      std::string known;
      for (std::size_t r = 0; r < kSectionRoleCount; ++r)
        known += (r ? ", " : "") + std::string(to_string(static_cast<SectionRole>(r)));
      return config_error(file, item, "section_order lists roles: " + known);
    }
    c.section_order.push_back(*role);
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string, Reader>>& readers() {
  static const std::vector<std::pair<std::string, Reader>> table = {
      {"target", read_target},           {"policies", read_policies},
      {"thresholds", read_thresholds},   {"heading_synonyms", read_synonyms},
      {"name_aliases", read_aliases},    {"source_priority", read_priority},
      {"section_order", read_section_order},
  };
  return table;
}

}  // namespace

const Config& default_config() {
  static const Config c = make_default();
  return c;
}

Result<Config> parse_config(std::string_view yaml, std::string_view source_name) {
  Config config = default_config();
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    return Error{std::string(source_name), e.mark.line + 1, "config",
                 "not valid YAML: " + e.msg};
  }
  if (root.IsNull()) return config;  // an empty file changes nothing
  if (!root.IsMap()) return config_error(source_name, root, "a config file must be a map");
  try {
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      const auto& table = readers();
      const auto it = std::find_if(table.begin(), table.end(),
                                   [&](const auto& r) { return r.first == key; });
      if (it == table.end()) {
        std::vector<std::string> known;
        for (const auto& r : table) known.push_back(r.first);
        const auto near = closest_word(key, known);
        return config_error(source_name, kv.first,
                            "unknown key '" + key + "'" +
                                (near ? " (did you mean '" + *near + "'?)" : "") +
                                " (known: target, policies, thresholds, heading_synonyms, "
                                "name_aliases, source_priority, section_order)");
      }
      if (auto err = it->second(kv.second, config, source_name)) return *err;
    }
  } catch (const YAML::Exception& e) {
    return Error{std::string(source_name), e.mark.line + 1, "config", e.msg};
  }
  return config;
}

std::string heading_key(const Config& config, std::string_view normalized_title) {
  for (const auto& group : config.heading_synonyms)
    for (const auto& t : group)
      if (t == normalized_title) return group.front();
  return std::string(normalized_title);
}

std::string canonical_name(const Config& config, std::string_view name) {
  std::string n = normalize_name(name);
  const auto it = config.name_aliases.find(n);
  return it == config.name_aliases.end() ? n : it->second;
}

}  // namespace agentmerge
