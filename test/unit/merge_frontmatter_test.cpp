// Frontmatter policies of the merge, on hand-built ASTs (no parser needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"

namespace agentmerge {
namespace {

// `tools` given: the variant states them (a `tools` key is added, its text
// a placeholder: the merge reads AgentFile::tools). nullopt: no `tools` key.
AgentFile agent(std::string file, std::string name, std::optional<ToolSet> tools,
                std::vector<std::pair<std::string, std::string>> keys = {}) {
  AgentFile f;
  f.source_name = std::move(file);
  f.format = Format::Claude;
  f.frontmatter.mode = FrontmatterMode::Strict;
  FrontmatterEntry n;
  n.key = "name";
  n.value = Value::string(std::move(name));
  f.frontmatter.entries.push_back(n);
  for (auto& [k, v] : keys) {
    FrontmatterEntry e;
    e.key = k;
    e.value = Value::string(v);
    f.frontmatter.entries.push_back(e);
  }
  if (tools) {
    FrontmatterEntry e;
    e.key = "tools";
    e.value = Value::string("(set by the test)");
    f.frontmatter.entries.push_back(e);
    f.tools = std::move(*tools);
  }
  return f;
}

const Decision* find_decision(const MergeReport& r, const std::string& subject, const std::string& policy) {
  for (const auto& d : r.decisions)
    if (d.subject == subject && d.policy == policy) return &d;
  return nullptr;
}

ToolSet allow(std::vector<std::string> ids) { return {ToolMode::Allow, std::move(ids)}; }

TEST(MergeFrontmatter, NoInputIsAnError) {
  auto r = merge(std::vector<AgentFile>{}, MergeOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "no-input");
}

TEST(MergeFrontmatter, MostCommonNameWins) {
  std::vector<AgentFile> v = {agent("a.md", "backend-api-architect", {}),
                              agent("b.md", "backend-architect", {}),
                              agent("c.md", "Backend_Architect", {})};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(normalize_name(r->merged.name()), "backend-architect");
}

TEST(MergeFrontmatter, NameOptionWins) {
  std::vector<AgentFile> v = {agent("a.md", "x", {}), agent("b.md", "x", {})};
  MergeOptions o;
  o.name = "chosen";
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.name(), "chosen");
  ASSERT_NE(find_decision(r->report, "frontmatter.name", "option"), nullptr);
}

TEST(MergeFrontmatter, ToolsUnionAllWinsAndIsReportedAsWidening) {
  std::vector<AgentFile> v = {agent("a.md", "x", allow({"read", "shell"})), agent("b.md", "x", ToolSet{})};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::All);
  const Decision* d = find_decision(r->report, "frontmatter.tools", "union");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("wider than 1"), std::string::npos) << d->message;
  ASSERT_EQ(d->source_values.size(), 2U);
}

TEST(MergeFrontmatter, ToolsUnionOfAllowlists) {
  std::vector<AgentFile> v = {agent("a.md", "x", allow({"read", "shell"})),
                              agent("b.md", "x", allow({"edit", "read"}))};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools, allow({"edit", "read", "shell"}));
}

TEST(MergeFrontmatter, ToolsIntersectionIsLeastPrivilege) {
  std::vector<AgentFile> v = {agent("a.md", "x", allow({"read", "shell"})),
                              agent("b.md", "x", ToolSet{ToolMode::AllBut, {"shell"}}),
                              agent("c.md", "x", ToolSet{})};
  MergeOptions o;
  o.config.tools = ToolPolicy::Intersection;
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools, allow({"read"}));
  const Decision* d = find_decision(r->report, "frontmatter.tools", "intersection");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("narrower than 3"), std::string::npos) << d->message;
}

TEST(MergeFrontmatter, ToolsNoneStaysDistinctFromAll) {
  std::vector<AgentFile> v = {agent("a.md", "x", ToolSet{ToolMode::None, {}}),
                              agent("b.md", "x", ToolSet{ToolMode::None, {}})};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::None);
  EXPECT_EQ(find_decision(r->report, "frontmatter.tools", "union"), nullptr);
}

TEST(MergeFrontmatter, AllButUnionKeepsOnlyCommonDenials) {
  std::vector<AgentFile> v = {agent("a.md", "x", ToolSet{ToolMode::AllBut, {"shell", "write"}}),
                              agent("b.md", "x", ToolSet{ToolMode::AllBut, {"write"}}),
                              agent("c.md", "x", allow({"write"}))};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::All);
}

TEST(MergeFrontmatter, ModelDisagreementListsEverySource) {
  std::vector<AgentFile> v = {agent("a.md", "x", {}, {{"model", "opus"}}),
                              agent("b.md", "x", {}, {{"model", "sonnet"}}),
                              agent("c.md", "x", {}, {{"model", "sonnet"}})};
  MergeOptions most;
  most.config.key_policies["model"] = ValuePolicy::MostCommon;
  auto r = merge(v, most);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.frontmatter.get_string("model"), "sonnet");
  const Decision* d = find_decision(r->report, "frontmatter.model", "most-common");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->review, Review::Needed);
  auto values = d->source_values;
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"opus", "sonnet", "sonnet"}));
  EXPECT_TRUE(r->report.needs_review());
}

TEST(MergeFrontmatter, KeyOfAnotherFormatIsNotCarriedButReported) {
  std::vector<AgentFile> v = {agent("a.md", "x", {}, {{"mode", "subagent"}}), agent("b.md", "x", {})};
  MergeOptions o;
  o.target = Format::Claude;
  o.primary = "b.md";
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.frontmatter.find("mode"), nullptr);
  EXPECT_NE(find_decision(r->report, "frontmatter.mode", "not-in-target"), nullptr);
}

TEST(MergeFrontmatter, ExamplesFromOthersAreAppendedUnlessNearDuplicates) {
  const std::string ex1 = "<example>user: design an orders API</example>";
  const std::string ex2 = "<example>user: the monthly report query is slow</example>";
  std::vector<AgentFile> v = {agent("a.md", "x", {}, {{"description", "Backend help. " + ex1}}),
                              agent("b.md", "x", {}, {{"description", "Other words. " + ex1 + " " + ex2}})};
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  const std::string d = r->merged.description();
  EXPECT_EQ(d.rfind("Backend help. ", 0), 0U) << d;
  EXPECT_NE(d.find(ex2), std::string::npos) << d;
  EXPECT_EQ(d.find(ex1), d.rfind(ex1)) << "the shared example is kept once: " << d;
  std::size_t dropped = 0;
  for (const auto& b : r->report.source_blocks)
    if (b.fate == BlockFate::Dropped) {
      EXPECT_EQ(b.policy, "description-primary");
      ++dropped;
    }
  EXPECT_EQ(dropped, 1U);
}

TEST(MergeFrontmatter, UnknownPrimaryIsAnError) {
  MergeOptions o;
  o.primary = "nope.md";
  auto r = merge({agent("a.md", "x", {})}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "unknown-primary");
}


TEST(MergeFrontmatter, AVariantWithoutToolsIsNotAGrantOfAllTools) {
  std::vector<AgentFile> v = {agent("a.md", "x", allow({"grep", "read"})),
                              agent("b.md", "x", std::nullopt)};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools, allow({"grep", "read"}));
  const Decision* d = find_decision(r->report, "frontmatter.tools", "union");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("1 source(s) state no tools"), std::string::npos) << d->message;
  for (std::size_t i = 0; i < r->report.sources.size(); ++i) {
    if (r->report.sources[i].name == "b.md") {
      EXPECT_EQ(d->source_values.at(i), "") << "an unstated source has no value";
    }
  }
}

TEST(MergeFrontmatter, AllSourcesReadsAMissingKeyAsAllTools) {
  std::vector<AgentFile> v = {agent("a.md", "x", allow({"grep", "read"})),
                              agent("b.md", "x", std::nullopt)};
  MergeOptions o;
  o.config.tools = ToolPolicy::AllSources;
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::All);
  // a.md is read-only: all tools grants it shell, edit, write: a danger.
  const Decision* d = find_decision(r->report, "frontmatter.tools", "widened-past-restriction");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->review, Review::Danger);
  EXPECT_NE(d->message.find("a.md (read-only)"), std::string::npos) << d->message;
}

TEST(MergeFrontmatter, NoVariantStatingToolsLeavesThemUnspecified) {
  std::vector<AgentFile> v = {agent("a.md", "x", std::nullopt), agent("b.md", "x", std::nullopt)};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::All);
  EXPECT_EQ(r->merged.frontmatter.find("tools"), nullptr);
  EXPECT_EQ(find_decision(r->report, "frontmatter.tools", "widened-past-restriction"), nullptr);
}

TEST(MergeFrontmatter, GrantingADeniedToolIsADanger) {
  std::vector<AgentFile> v = {agent("a.md", "x", ToolSet{ToolMode::AllBut, {"write"}}),
                              agent("b.md", "x", allow({"read", "write"}))};
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  const Decision* d = find_decision(r->report, "frontmatter.tools", "widened-past-restriction");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->review, Review::Danger);
  EXPECT_NE(d->message.find("grants write that a.md denies"), std::string::npos) << d->message;
  EXPECT_TRUE(r->report.needs_review());
  EXPECT_NE(report_summary(r->report).find("DANGER: frontmatter.tools"), std::string::npos);
}

TEST(MergeFrontmatter, ADenyTheTargetCannotWriteBecomesAnAllowlist) {
  // Claude has no deny syntax: opencode's "all but write" must not be
  // written as "all" in the Claude merge.
  std::vector<AgentFile> v = {agent("a.md", "x", ToolSet{ToolMode::AllBut, {"write"}}),
                              agent("b.md", "x", allow({"edit", "read", "shell"})),
                              agent("c.md", "x", allow({"edit", "read", "shell"}))};
  v[0].format = Format::Opencode;
  auto r = merge(v, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged.tools.mode, ToolMode::Allow);
  EXPECT_FALSE(r->merged.tools.allows("write"));
  EXPECT_TRUE(r->merged.tools.allows("shell"));
  EXPECT_NE(find_decision(r->report, "frontmatter.tools", "narrowed-by-format"), nullptr);
  EXPECT_EQ(find_decision(r->report, "frontmatter.tools", "widened-past-restriction"), nullptr);
}

}  // namespace
}  // namespace agentmerge
