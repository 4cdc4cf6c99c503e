#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "markdown.hpp"

namespace agentmerge {
namespace {

Body parse(std::string_view text, int first_line = 1) {
  std::vector<Diagnostic> diags;
  return detail::parse_body(text, first_line, "t.md", diags);
}

// Every file line number covered by a block, an item or a heading.
void covered_lines(const Section& s, std::set<int>& out) {
  if (s.line > 0) {
    const auto n = std::count(s.heading_source.begin(), s.heading_source.end(), '\n');
    for (int l = s.line; l <= s.line + n; ++l) out.insert(l);
  }
  for (const Block& b : s.blocks)
    for (int l = b.line; l <= b.end_line; ++l) out.insert(l);
  for (const Section& c : s.children) covered_lines(c, out);
}

TEST(ParseBody, EmptyBody) {
  const Body b = parse("");
  EXPECT_TRUE(b.root.blocks.empty());
  EXPECT_TRUE(b.root.children.empty());
  const Body blank = parse("\n\n  \n");
  EXPECT_TRUE(blank.root.blocks.empty());
}

TEST(ParseBody, PreambleAndHeadingsNestByLevel) {
  const Body b = parse("Intro.\n\n# Title\n\n## A\n\ntext a\n\n### A1\n\n## B\n", 5);
  ASSERT_EQ(b.root.blocks.size(), 1u);
  EXPECT_EQ(b.root.blocks[0].source, "Intro.");
  EXPECT_EQ(b.root.blocks[0].line, 5);
  ASSERT_EQ(b.root.children.size(), 1u);
  const Section& title = b.root.children[0];
  EXPECT_EQ(title.title, "Title");
  EXPECT_EQ(title.level, 1);
  EXPECT_EQ(title.line, 7);
  ASSERT_EQ(title.children.size(), 2u);
  EXPECT_EQ(title.children[0].title, "A");
  ASSERT_EQ(title.children[0].children.size(), 1u);
  EXPECT_EQ(title.children[0].children[0].title, "A1");
  EXPECT_EQ(title.children[1].title, "B");
}

TEST(ParseBody, SetextAndAtxClosingSequence) {
  const Body b = parse("Big Title\n=========\n\n## Small ##\n\nSub\n---\n");
  ASSERT_EQ(b.root.children.size(), 1u);
  const Section& t = b.root.children[0];
  EXPECT_EQ(t.heading_kind, HeadingKind::Setext);
  EXPECT_EQ(t.title, "Big Title");
  EXPECT_EQ(t.heading_source, "Big Title\n=========");
  ASSERT_EQ(t.children.size(), 2u);
  EXPECT_EQ(t.children[0].title, "Small");
  EXPECT_EQ(t.children[0].heading_kind, HeadingKind::Atx);
  EXPECT_EQ(t.children[1].title, "Sub");
  EXPECT_EQ(t.children[1].level, 2);
}

TEST(ParseBody, PseudoHeadingsNestBelowEnclosingHeadingAsSiblings) {
  const Body b = parse(
      "## Expertise\n\n**API Design**:\n- REST\n- gRPC\n\n**Core decisions you make:**\n\n"
      "Some prose.\n\n## Next\n");
  ASSERT_EQ(b.root.children.size(), 2u);
  const Section& h = b.root.children[0];
  ASSERT_EQ(h.children.size(), 2u);
  EXPECT_EQ(h.children[0].heading_kind, HeadingKind::Pseudo);
  EXPECT_EQ(h.children[0].title, "API Design");
  EXPECT_EQ(h.children[0].normalized_title, "api design");
  EXPECT_EQ(h.children[0].heading_source, "**API Design**:");
  EXPECT_EQ(h.children[0].level, 3);
  ASSERT_EQ(h.children[0].blocks.size(), 1u);
  EXPECT_EQ(h.children[0].blocks[0].kind, BlockKind::List);
  EXPECT_EQ(h.children[1].title, "Core decisions you make");
  EXPECT_EQ(h.children[1].level, 3);
  ASSERT_EQ(h.children[1].blocks.size(), 1u);
  EXPECT_EQ(b.root.children[1].title, "Next");
}

TEST(ParseBody, BoldParagraphIsNotPseudoWhenFollowedByHeadingOrTextOnItsLine) {
  const Body b = parse("**Note**: this is a sentence.\n\n**Alone**\n\n# H\n");
  ASSERT_EQ(b.root.blocks.size(), 2u);
  EXPECT_EQ(b.root.blocks[0].kind, BlockKind::Paragraph);
  EXPECT_EQ(b.root.blocks[1].source, "**Alone**");
  ASSERT_EQ(b.root.children.size(), 1u);
  EXPECT_TRUE(b.root.children[0].children.empty());
}

TEST(ParseBody, ListItemsLeadsAndNesting) {
  const Body b = parse(
      "- **API Design**: RESTful, GraphQL\n- plain item\n  - nested *one*\n  - nested two\n"
      "- **Will Not:** guess\n");
  ASSERT_EQ(b.root.blocks.size(), 1u);
  const Block& list = b.root.blocks[0];
  EXPECT_EQ(list.kind, BlockKind::List);
  EXPECT_FALSE(list.ordered);
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[0].lead, "API Design");
  EXPECT_EQ(list.items[0].source, "- **API Design**: RESTful, GraphQL");
  EXPECT_EQ(list.items[1].lead, "");
  EXPECT_EQ(list.items[1].line, 2);
  EXPECT_EQ(list.items[1].end_line, 4);
  ASSERT_EQ(list.items[1].children.size(), 2u);
  EXPECT_EQ(list.items[1].children[0].source, "plain item");
  const Block& nested = list.items[1].children[1];
  EXPECT_EQ(nested.kind, BlockKind::List);
  EXPECT_EQ(nested.source, "  - nested *one*\n  - nested two");
  ASSERT_EQ(nested.items.size(), 2u);
  EXPECT_EQ(nested.items[0].normalized, "nested one");
  EXPECT_EQ(list.items[2].lead, "Will Not");
}

TEST(ParseBody, OrderedListKeepsStart) {
  const Body b = parse("3. three\n4. four\n");
  ASSERT_EQ(b.root.blocks.size(), 1u);
  EXPECT_TRUE(b.root.blocks[0].ordered);
  EXPECT_EQ(b.root.blocks[0].list_start, 3);
}

TEST(ParseBody, BlockKinds) {
  const Body b = parse(
      "```json\n{\"a\": 1}\n```\n\n> quoted\n\n<example>\nContext: x\n</example>\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n***\n\n    indented code\n");
  ASSERT_EQ(b.root.blocks.size(), 6u);
  EXPECT_EQ(b.root.blocks[0].kind, BlockKind::Code);
  EXPECT_EQ(b.root.blocks[0].info, "json");
  EXPECT_EQ(b.root.blocks[1].kind, BlockKind::Quote);
  EXPECT_EQ(b.root.blocks[2].kind, BlockKind::Html);
  EXPECT_EQ(b.root.blocks[2].line, 7);
  EXPECT_EQ(b.root.blocks[2].end_line, 9);
  EXPECT_EQ(b.root.blocks[3].kind, BlockKind::Table);
  EXPECT_EQ(b.root.blocks[4].kind, BlockKind::ThematicBreak);
  EXPECT_EQ(b.root.blocks[5].kind, BlockKind::Code);
  EXPECT_EQ(b.root.blocks[5].info, "");
}

TEST(ParseBody, HeadingInsideListIsNotASection) {
  const Body b = parse("- item\n\n  # not a section\n");
  EXPECT_TRUE(b.root.children.empty());
  ASSERT_EQ(b.root.blocks.size(), 1u);
  EXPECT_EQ(b.root.blocks[0].end_line, 3);
}

TEST(ParseBody, LazyContinuationAndLinkDefinitionsStayInBlocks) {
  const Body b = parse("- item\nlazy line\n\n[ref]: https://example.com\n\n# H\n[x]: /y\n");
  ASSERT_EQ(b.root.blocks.size(), 1u);
  EXPECT_EQ(b.root.blocks[0].source, "- item\nlazy line\n\n[ref]: https://example.com");
  ASSERT_EQ(b.root.children.size(), 1u);
  ASSERT_EQ(b.root.children[0].blocks.size(), 1u);
  EXPECT_EQ(b.root.children[0].blocks[0].source, "[x]: /y");
}

// No source line of content is lost between blocks: every non-blank body
// line belongs to a heading or a block.
TEST(ParseBody, BlocksCoverEveryNonBlankLine) {
  const std::string text =
      "[top]: /x\n\nPreamble\nlazy\n\n# T\n\n**Pseudo**:\n- a\nlazy a\n\n  - b\n\n"
      "```\ncode\n\n```\n\nSetext\n---\n<div>\nhtml\n</div>\n\n> q\ncontinued\n";
  const Body b = parse(text, 10);
  std::set<int> covered;
  covered_lines(b.root, covered);
  std::istringstream in(text);
  std::string line;
  int n = 10;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t") != std::string::npos) {
      EXPECT_TRUE(covered.count(n)) << "line " << n << " lost: " << line;
    }
    ++n;
  }
}

}  // namespace
}  // namespace agentmerge
