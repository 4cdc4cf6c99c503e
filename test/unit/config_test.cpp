#include <gtest/gtest.h>

#include "agentmerge/config.hpp"

namespace agentmerge {
namespace {

TEST(Config, EmptyFileKeepsDefaults) {
  auto c = parse_config("", "agentmerge.yaml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->tools, ToolPolicy::Union);
  EXPECT_EQ(c->default_policy, ValuePolicy::Primary);
  EXPECT_DOUBLE_EQ(c->thresholds.fold, default_config().thresholds.fold);
  EXPECT_EQ(c->heading_synonyms.size(), default_config().heading_synonyms.size());
}

TEST(Config, OverridesOnlyWhatItNames) {
  auto c = parse_config(
      "target: opencode\n"
      "policies:\n  tools: intersection\n  model: most-common\n  default: most-common\n"
      "thresholds:\n  fold: 0.8\n",
      "agentmerge.yaml");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c->target, Format::Opencode);
  EXPECT_EQ(c->tools, ToolPolicy::Intersection);
  EXPECT_EQ(c->key_policies.at("model"), ValuePolicy::MostCommon);
  EXPECT_EQ(c->default_policy, ValuePolicy::MostCommon);
  EXPECT_DOUBLE_EQ(c->thresholds.fold, 0.8);
  EXPECT_DOUBLE_EQ(c->thresholds.example, default_config().thresholds.example);
}

TEST(Config, UnknownKeyIsAnErrorWithLine) {
  auto c = parse_config("thresholds:\n  fold: 0.8\ntarget_format: claude\n", "cfg.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().file, "cfg.yaml");
  EXPECT_EQ(c.error().line, 3);
  EXPECT_NE(c.error().message.find("target_format"), std::string::npos);
}

TEST(Config, BadValuesAreErrors) {
  EXPECT_FALSE(parse_config("target: emacs\n", "c").ok());
  EXPECT_FALSE(parse_config("policies:\n  tools: everything\n", "c").ok());
  EXPECT_FALSE(parse_config("policies:\n  model: newest\n", "c").ok());
  EXPECT_FALSE(parse_config("thresholds:\n  fold: 1.5\n", "c").ok());
  EXPECT_FALSE(parse_config("thresholds:\n  fold: high\n", "c").ok());
  EXPECT_FALSE(parse_config("thresholds:\n  foldd: 0.5\n", "c").ok());
  EXPECT_FALSE(parse_config("heading_synonyms:\n  - [alone]\n", "c").ok());
  EXPECT_FALSE(parse_config("source_priority:\n  - priority: 3\n", "c").ok());
  auto bad_yaml = parse_config("policies: [\n", "c");
  ASSERT_FALSE(bad_yaml.ok());
  EXPECT_EQ(bad_yaml.error().code, "config");
}

TEST(Config, HeadingSynonymsAreData) {
  const Config& d = default_config();
  EXPECT_EQ(heading_key(d, "core competencies"), "focus areas");
  EXPECT_EQ(heading_key(d, "key capabilities"), "focus areas");
  EXPECT_EQ(heading_key(d, "focus areas"), "focus areas");
  EXPECT_EQ(heading_key(d, "deliverables"), "outputs");
  EXPECT_EQ(heading_key(d, "something else"), "something else");
}

TEST(Config, ConfigSynonymsAndAliasesExtendTheDefaults) {
  auto c = parse_config(
      "heading_synonyms:\n  - [stack, technology stack]\n"
      "name_aliases:\n  backend-api-architect: backend-architect\n"
      "source_priority:\n  - glob: \"vendor/**\"\n    priority: 5\n",
      "c");
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(heading_key(*c, "technology stack"), "stack");
  EXPECT_EQ(heading_key(*c, "core competencies"), "focus areas");
  EXPECT_EQ(c->name_aliases.at("backend-api-architect"), "backend-architect");
  ASSERT_EQ(c->source_priority.size(), 1U);
  EXPECT_EQ(c->source_priority[0].glob, "vendor/**");
  EXPECT_EQ(c->source_priority[0].priority, 5);
}

TEST(Config, PolicyWordsRoundTrip) {
  for (auto p : {ToolPolicy::Union, ToolPolicy::Intersection, ToolPolicy::Primary})
    EXPECT_EQ(parse_tool_policy(to_string(p)), p);
  for (auto p : {ValuePolicy::Primary, ValuePolicy::MostCommon})
    EXPECT_EQ(parse_value_policy(to_string(p)), p);
  EXPECT_FALSE(parse_tool_policy("all").has_value());
}

}  // namespace
}  // namespace agentmerge
