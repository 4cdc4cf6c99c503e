// Structural diff on hand-built ASTs (independent of the parser): moved and
// renamed sections, tool sets equal across formats, widening and narrowing,
// word-level changes, formatting facts, and the unified renderer.
#include "agentmerge/diff.hpp"

#include <gtest/gtest.h>

namespace agentmerge {
namespace {

Block paragraph(const std::string& text, int line) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.line = line;
  b.end_line = line;
  b.source = text;
  b.normalized = text;
  return b;
}

Block list(const std::vector<std::string>& items, int line, const std::string& marker = "-") {
  Block b;
  b.kind = BlockKind::List;
  b.line = line;
  for (const auto& t : items) {
    ListItem it;
    it.line = line++;
    it.end_line = it.line;
    it.source = marker + " " + t;
    it.normalized = t;
    b.items.push_back(it);
    b.source += (b.source.empty() ? "" : "\n") + it.source;
  }
  b.end_line = line - 1;
  return b;
}

Section section(int level, const std::string& title, int line, std::vector<Block> blocks,
                std::vector<Section> children = {}) {
  Section s;
  s.heading_kind = HeadingKind::Atx;
  s.level = level;
  s.title = title;
  for (const char c : title) s.normalized_title.push_back(static_cast<char>(std::tolower(c)));
  s.line = line;
  s.blocks = std::move(blocks);
  s.children = std::move(children);
  return s;
}

AgentFile agent(const std::string& name, std::vector<Section> sections) {
  AgentFile f;
  f.source_name = name;
  f.format = Format::Claude;
  f.body.root.children = std::move(sections);
  return f;
}

const SectionChange* find_section(const StructuralDiff& d, const std::string& new_title) {
  for (const auto& c : d.sections)
    if (c.new_section && c.new_section->title == new_title) return &c;
  return nullptr;
}

TEST(Diff, IdenticalBodiesAreSame) {
  const auto a = agent("a.md", {section(2, "Focus", 1, {list({"REST", "gRPC"}, 2)})});
  const auto d = diff_agents(a, a);
  EXPECT_TRUE(d.same());
  EXPECT_TRUE(d.sections.empty());
}

TEST(Diff, MovedSectionIsOneMoveNotMany) {
  const auto one = section(2, "One", 1, {paragraph("first text", 2)});
  const auto two = section(2, "Two", 3, {paragraph("second text", 4)});
  const auto three = section(2, "Three", 5, {paragraph("third text", 6)});
  const auto a = agent("a.md", {one, two, three});
  const auto b = agent("b.md", {two, three, one});
  const auto d = diff_agents(a, b);
  ASSERT_EQ(d.sections.size(), 1U);
  EXPECT_EQ(d.sections[0].new_section->title, "One");
  EXPECT_TRUE(d.sections[0].moved);
  EXPECT_FALSE(d.sections[0].renamed);
  EXPECT_FALSE(d.sections[0].changed());
}

TEST(Diff, SectionMovedUnderAnotherParent) {
  const auto child = section(3, "Child", 3, {paragraph("child text", 4)});
  const auto a = agent("a.md", {section(2, "P", 1, {paragraph("p", 2)}, {child}),
                                section(2, "Q", 5, {paragraph("q", 6)})});
  const auto b = agent("b.md", {section(2, "P", 1, {paragraph("p", 2)}),
                                section(2, "Q", 3, {paragraph("q", 4)}, {child})});
  const auto d = diff_agents(a, b);
  const auto* c = find_section(d, "Child");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->moved);
  EXPECT_EQ(c->old_section->path, "P > Child");
  EXPECT_EQ(c->new_section->path, "Q > Child");
}

TEST(Diff, RenamedSectionMatchedByContent) {
  const auto a = agent("a.md", {section(2, "Focus Areas", 1,
                                        {list({"RESTful API design", "Event driven systems",
                                               "Database schema design"}, 2)})});
  const auto b = agent("b.md", {section(2, "Core Competencies", 1,
                                        {list({"RESTful API design", "Event driven systems",
                                               "Database schema design", "Caching"}, 2)})});
  const auto d = diff_agents(a, b);
  ASSERT_EQ(d.sections.size(), 1U);
  const SectionChange& c = d.sections[0];
  EXPECT_EQ(c.status, SectionStatus::Matched);
  EXPECT_TRUE(c.renamed);
  EXPECT_EQ(c.old_section->title, "Focus Areas");
  EXPECT_LT(c.similarity, 1.0);
  EXPECT_GE(c.similarity, 0.5);
  ASSERT_EQ(c.blocks.size(), 1U);
  EXPECT_EQ(c.blocks[0].kind, BlockChangeKind::Added);
  EXPECT_EQ(c.blocks[0].new_block->text, "Caching");
}

TEST(Diff, UnrelatedSectionsAreAddedAndRemovedNotRenamed) {
  const auto a = agent("a.md", {section(2, "Alpha", 1, {paragraph("apples and pears", 2)})});
  const auto b = agent("b.md", {section(2, "Beta", 1, {paragraph("network latency budget", 2)})});
  const auto d = diff_agents(a, b);
  ASSERT_EQ(d.sections.size(), 2U);
  // Removed at its place in A, before what B added after the same anchor.
  EXPECT_EQ(d.sections[0].status, SectionStatus::Removed);
  EXPECT_EQ(d.sections[1].status, SectionStatus::Added);
}

TEST(Diff, ChangedListItemGetsWordDiff) {
  const auto a = agent("a.md", {section(2, "Focus", 1, {list({"Design REST APIs", "Caching"}, 2)})});
  const auto b = agent("b.md", {section(2, "Focus", 1,
                                        {list({"Design REST and gRPC APIs", "Caching"}, 2)})});
  const auto d = diff_agents(a, b);
  ASSERT_EQ(d.sections.size(), 1U);
  ASSERT_EQ(d.sections[0].blocks.size(), 1U);
  const BlockChange& c = d.sections[0].blocks[0];
  EXPECT_EQ(c.kind, BlockChangeKind::Changed);
  EXPECT_EQ(c.unit, "list-item");
  std::vector<std::string> added;
  for (const auto& op : c.ops)
    if (op.kind == TextOp::Kind::Added) added.push_back(op.text);
  EXPECT_EQ(added, (std::vector<std::string>{"and", "gRPC"}));
}

TEST(Diff, BulletMarkersAreNotAStructuralChange) {
  const auto a = agent("a.md", {section(2, "Focus", 1, {list({"REST", "gRPC"}, 2, "-")})});
  auto b = agent("b.md", {section(2, "Focus", 1, {list({"REST", "gRPC"}, 2, "*")})});
  b.body.text = "changed layout";
  DiffOptions semantic;
  semantic.comparison = Comparison::Semantic;
  EXPECT_TRUE(diff_agents(a, b, semantic).same());
  const auto exact = diff_agents(a, b);
  EXPECT_TRUE(exact.structurally_equal());
  EXPECT_FALSE(exact.same());
  EXPECT_EQ(exact.formatting, (std::vector<FormattingFact>{FormattingFact::BodyLayout}));
}

FrontmatterEntry entry(const std::string& key, Value v, int line) {
  FrontmatterEntry e;
  e.key = key;
  e.value = std::move(v);
  e.line = line;
  return e;
}

TEST(Diff, ToolsStringAndMapGrantingTheSameToolsAreEqual) {
  auto a = agent("a.md", {});
  a.frontmatter.entries.push_back(entry("tools", Value::string("Read, Bash"), 3));
  a.tools = ToolSet{ToolMode::Allow, {"read", "shell"}};
  auto b = agent("b.md", {});
  b.frontmatter.entries.push_back(
      entry("tools", Value::map({"*", "read", "bash"}, {Value::boolean(false), Value::boolean(true),
                                                         Value::boolean(true)}), 3));
  b.tools = ToolSet{ToolMode::Allow, {"read", "shell"}};
  const auto d = diff_agents(a, b);
  EXPECT_EQ(d.tools.scope, ToolScope::Same);
  EXPECT_TRUE(d.frontmatter.empty());
  EXPECT_TRUE(d.structurally_equal());
}

TEST(Diff, AllToolsAgainstAnAllowlistIsAWidening) {
  auto a = agent("a.md", {});
  a.tools = ToolSet{ToolMode::Allow, {"read"}};
  auto b = agent("b.md", {});
  b.tools = ToolSet{ToolMode::All, {}};
  const auto d = diff_agents(a, b);
  EXPECT_EQ(d.tools.scope, ToolScope::Widened);
  EXPECT_EQ(diff_agents(b, a).tools.scope, ToolScope::Narrowed);
  EXPECT_FALSE(d.structurally_equal());
}

TEST(Diff, ToolSetLogicOverTheFourModes) {
  const ToolSet all{ToolMode::All, {}};
  const ToolSet none{ToolMode::None, {}};
  const ToolSet read{ToolMode::Allow, {"read"}};
  const ToolSet read_shell{ToolMode::Allow, {"read", "shell"}};
  const ToolSet read_edit{ToolMode::Allow, {"edit", "read"}};
  const ToolSet but_shell{ToolMode::AllBut, {"shell"}};
  EXPECT_EQ(compare_tool_sets(read, read_shell), ToolScope::Widened);
  EXPECT_EQ(compare_tool_sets(read_shell, read_edit), ToolScope::Changed);
  EXPECT_EQ(compare_tool_sets(none, read), ToolScope::Widened);
  EXPECT_EQ(compare_tool_sets(all, but_shell), ToolScope::Narrowed);
  EXPECT_EQ(compare_tool_sets(read, but_shell), ToolScope::Widened);
  EXPECT_EQ(compare_tool_sets(read_shell, but_shell), ToolScope::Changed);
  EXPECT_EQ(compare_tool_sets(ToolSet{ToolMode::Allow, {}}, none), ToolScope::Same);
}

TEST(Diff, GrantedAndRevokedToolsAreListed) {
  auto a = agent("a.md", {});
  a.tools = ToolSet{ToolMode::Allow, {"read", "shell"}};
  auto b = agent("b.md", {});
  b.tools = ToolSet{ToolMode::Allow, {"edit", "read"}};
  const auto d = diff_agents(a, b);
  EXPECT_EQ(d.tools.granted, (std::vector<std::string>{"edit"}));
  EXPECT_EQ(d.tools.revoked, (std::vector<std::string>{"shell"}));
}

TEST(Diff, FrontmatterKeysAddedRemovedChanged) {
  auto a = agent("a.md", {});
  a.frontmatter.entries = {entry("name", Value::string("x"), 2), entry("model", Value::string("sonnet"), 3),
                           entry("color", Value::string("red"), 4)};
  auto b = agent("b.md", {});
  b.frontmatter.entries = {entry("name", Value::string("x"), 2), entry("model", Value::string("opus"), 3),
                           entry("mode", Value::string("subagent"), 4)};
  const auto d = diff_agents(a, b);
  ASSERT_EQ(d.frontmatter.size(), 3U);
  EXPECT_EQ(d.frontmatter[0].key, "model");
  EXPECT_EQ(d.frontmatter[0].kind, EntryChangeKind::Changed);
  EXPECT_EQ(d.frontmatter[1].key, "color");
  EXPECT_EQ(d.frontmatter[1].kind, EntryChangeKind::Removed);
  EXPECT_EQ(d.frontmatter[2].key, "mode");
  EXPECT_EQ(d.frontmatter[2].kind, EntryChangeKind::Added);
}

TEST(Diff, KeyOrderAndQuotingAreFormattingOnly) {
  auto a = agent("a.md", {});
  a.frontmatter.entries = {entry("name", Value::string("x"), 2),
                           entry("description", Value::string("d"), 3)};
  auto b = agent("b.md", {});
  b.frontmatter.entries = {entry("description", Value::string("d", ValueStyle::DoubleQuoted), 2),
                           entry("name", Value::string("x"), 3)};
  const auto d = diff_agents(a, b);
  EXPECT_TRUE(d.structurally_equal());
  EXPECT_EQ(d.formatting,
            (std::vector<FormattingFact>{FormattingFact::KeyOrder, FormattingFact::ScalarStyle}));
}

TEST(Diff, WordDiffAndSimilarity) {
  EXPECT_DOUBLE_EQ(word_similarity("a b c", "c b a"), 1.0);
  EXPECT_DOUBLE_EQ(word_similarity("a b", "c d"), 0.0);
  EXPECT_DOUBLE_EQ(word_similarity("a b", "a c"), 0.5);
  const auto ops = diff_text("one two three", "one 2 three", TextUnit::Words);
  ASSERT_EQ(ops.size(), 4U);
  EXPECT_EQ(ops[1].kind, TextOp::Kind::Removed);
  EXPECT_EQ(ops[1].text, "two");
  EXPECT_EQ(ops[2].kind, TextOp::Kind::Added);
  EXPECT_EQ(ops[2].text, "2");
}

TEST(Diff, UnifiedDiffHunks) {
  EXPECT_EQ(unified_diff("x\n", "x\n", "a", "b"), "");
  EXPECT_EQ(unified_diff("1\n2\n3\n", "1\nX\n3\n", "a", "b", 1),
            "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n");
  EXPECT_EQ(unified_diff("", "new\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+new\n");
  EXPECT_EQ(unified_diff("a\n", "a", "a", "b"),
            "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n");
  // Far-apart changes make two hunks.
  std::string a;
  std::string b;
  for (int i = 0; i < 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 17 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string u = unified_diff(a, b, "a", "b");
  EXPECT_NE(u.find("@@ -1,6 +1,6 @@"), std::string::npos) << u;
  EXPECT_NE(u.find("@@ -15,6 +15,6 @@"), std::string::npos) << u;
}

}  // namespace
}  // namespace agentmerge
