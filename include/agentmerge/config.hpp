// Configuration: policies, thresholds and vocabularies as data.
//
// Read from `agentmerge.yaml` (looked up from the current folder upward by
// the CLI, or --config FILE). Every field has a default; a config file only
// overrides what it names. See docs/config.md for the schema and an example.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"
#include "agentmerge/section_roles.hpp"

namespace agentmerge {

// How the merged tool set is chosen. Union, Intersection: over the sources
// that state tools (a `tools` or `permission` key); a source without one is
// unspecified, not a grant of every tool. AllSources: the union where a
// missing key reads as all tools (what the format does at run time), which
// gives all tools whenever one variant omits the key.
enum class ToolPolicy { Union, Intersection, Primary, AllSources };
enum class ValuePolicy { Primary, MostCommon };

std::string_view to_string(ToolPolicy p);
std::string_view to_string(ValuePolicy p);
std::optional<ToolPolicy> parse_tool_policy(std::string_view word);
std::optional<ValuePolicy> parse_value_policy(std::string_view word);

struct Thresholds {
  // Two list items / paragraphs with token similarity >= fold are the same
  // content worded differently: the fuller wording is kept.
  double fold = 0.72;
  // Subsumption: a text whose content words (stemmed, abbreviations spelled
  // out) are at least `contain` inside another's folds into it, when it has
  // at least `contain_min_words` of them and the other at most
  // `contain_length_ratio` times as many (docs/merge.md).
  double contain = 0.85;
  double contain_min_words = 3;
  double contain_length_ratio = 3.0;
  // Two sections whose headings differ align when their blocks' similarity
  // is at least this.
  double section_content = 0.45;
  // <example> blocks in descriptions closer than this are near-duplicates.
  double example = 0.8;
  // scan: MinHash/LSH candidate and confirmation thresholds.
  double cluster = 0.5;
  double cluster_name = 0.6;
  // scan: linked files form one cluster only while the average pair score
  // (content agreement over what the names ask for, 1 = the link bar)
  // between its parts reaches this: average linkage, so a chain of single
  // links across roles is split. Tuned on half the labelled corpus roles
  // (docs/scan.md).
  double cluster_group = 0.3;
};

struct SourcePriority {
  std::string glob;  // path glob, e.g. "vendor/**"
  int priority = 0;  // higher wins when choosing the primary
};

struct Config {
  std::optional<Format> target;                  // default target format
  ToolPolicy tools = ToolPolicy::Union;
  // Per-key policies for the other frontmatter keys ("model", "color", ...);
  // a key not listed uses `default_policy`.
  std::map<std::string, ValuePolicy> key_policies;
  ValuePolicy default_policy = ValuePolicy::Primary;
  Thresholds thresholds;
  // Groups of heading titles (normalized) that mean the same section.
  std::vector<std::vector<std::string>> heading_synonyms;
  // Alias -> canonical agent name (normalized).
  std::map<std::string, std::string> name_aliases;
  std::vector<SourcePriority> source_priority;
  // Canonical order of a merged agent's top-level sections by role
  // (section_roles.hpp); a role not listed goes last.
  std::vector<SectionRole> section_order;
};

// Built-in defaults, including the heading synonym table.
const Config& default_config();

// Parses an agentmerge.yaml text over the defaults. Unknown keys are errors
// (with file:line), so a typo never silently does nothing. heading_synonyms
// and name_aliases extend the built-in tables; every other key replaces the
// default it names.
Result<Config> parse_config(std::string_view yaml, std::string_view source_name);

// The alignment key of a normalized heading: the first title of its synonym
// group ("core competencies" -> "focus areas"), else the title itself.
std::string heading_key(const Config& config, std::string_view normalized_title);

// normalize_name(name), then mapped through name_aliases.
std::string canonical_name(const Config& config, std::string_view name);

}  // namespace agentmerge
