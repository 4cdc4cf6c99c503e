#include <gtest/gtest.h>

#include "agentmerge/emit.hpp"
#include "markdown.hpp"

namespace agentmerge {
namespace {

std::string fmt_body(std::string_view text) {
  std::vector<Diagnostic> diags;
  return emit_body(detail::parse_body(text, 1, "t.md", diags));
}

TEST(EmitBody, EmptyBodyIsEmpty) {
  EXPECT_EQ(fmt_body(""), "");
  EXPECT_EQ(fmt_body("\n\n"), "");
}

TEST(EmitBody, AtxHeadingsOneBlankLineOneFinalNewline) {
  EXPECT_EQ(fmt_body("\n\nTitle\n=====\nText.   \n\n\n\n## Sub ##\nMore.\n\n\n"),
            "# Title\n\nText.\n\n## Sub\n\nMore.\n");
}

TEST(EmitBody, BulletsBecomeDashButAdjacentListsStayApart) {
  EXPECT_EQ(fmt_body("* a\n* b\n+ c\n- d\n"), "- a\n- b\n\n* c\n\n- d\n");
}

TEST(EmitBody, NestedMarkersKeepTheirIndentation) {
  EXPECT_EQ(fmt_body("* a\n  + b\n    * c\n"), "- a\n  - b\n    - c\n");
}

TEST(EmitBody, OrderedListsKeepTheirNumbers) {
  EXPECT_EQ(fmt_body("3. x\n4. y\n"), "3. x\n4. y\n");
}

TEST(EmitBody, LooseListsStayLooseAndTightStayTight) {
  EXPECT_EQ(fmt_body("- a\n\n\n- b\n"), "- a\n\n- b\n");
  EXPECT_EQ(fmt_body("- a\n- b\n"), "- a\n- b\n");
}

TEST(EmitBody, TrailingSpaceHardBreakBecomesBackslash) {
  EXPECT_EQ(fmt_body("one  \ntwo  \n"), "one\\\ntwo\n");
  // A line already ending in a backslash keeps its spaces: "\\\\" would be
  // an escaped backslash, not a break.
  EXPECT_EQ(fmt_body("one\\  \ntwo\n"), "one\\  \ntwo\n");
}

TEST(EmitBody, CodeHtmlAndTablesAreByteForByte) {
  const std::string code = "```sh  \necho hi  \n\n\n\tdone \n```\n";
  EXPECT_EQ(fmt_body(code), "```sh\necho hi  \n\n\n\tdone \n```\n");
  const std::string html = "<example>\nuser: \"x\"  \n</example>\n";
  EXPECT_EQ(fmt_body(html), html);
  const std::string table = "| a  |  b |\n|----|---:|\n| 1  |  2 |  \n";
  EXPECT_EQ(fmt_body(table), table);
}

TEST(EmitBody, UnclosedFenceKeepsItsLastLine) {
  EXPECT_EQ(fmt_body("```\ncode  \nlast  "), "```\ncode  \nlast  \n");
}

TEST(EmitBody, PseudoHeadingIsWrittenAsWritten) {
  EXPECT_EQ(fmt_body("## S\n**API Design**:\n* REST\n"), "## S\n\n**API Design**:\n\n- REST\n");
}

TEST(EmitBody, LeadingThematicBreakIsNotAFrontmatterOpener) {
  EXPECT_EQ(fmt_body("___\n\ntext\n\n* * *\n"), "***\n\ntext\n\n---\n");
}

TEST(EmitHeading, ClosingHashesAreEscaped) {
  Section s;
  s.heading_kind = HeadingKind::Atx;
  s.level = 2;
  s.title = "Learn C #";
  EXPECT_EQ(emit_section(s), "## Learn C \\#\n");
  s.title = "C#";
  EXPECT_EQ(emit_section(s), "## C#\n");
}

TEST(EmitBlock, SyntheticListFromItems) {
  Block list;
  list.kind = BlockKind::List;
  ListItem a;
  a.source = "* first";
  ListItem b;
  b.source = "+ second\n  continued";
  list.items = {a, b};
  EXPECT_EQ(emit_block(list), "- first\n- second\n  continued");
}

TEST(EmitBlock, NoTrailingNewline) {
  std::vector<Diagnostic> diags;
  const Body body = detail::parse_body("Para  \n", 1, "t.md", diags);
  ASSERT_EQ(body.root.blocks.size(), 1u);
  EXPECT_EQ(emit_block(body.root.blocks[0]), "Para");
}

}  // namespace
}  // namespace agentmerge
