// List-item text helpers of the merge (internal): marker removal with
// continuation lines dedented, and bold lead-in removal.
#include <gtest/gtest.h>

#include "merge_internal.hpp"

namespace agentmerge::detail {
namespace {

Doc doc_of(std::vector<std::string> lines) {
  Doc d;
  d.lines = std::move(lines);
  d.first_line = 5;
  return d;
}

ListItem at(int line, int end_line) {
  ListItem it;
  it.line = line;
  it.end_line = end_line;
  return it;
}

TEST(MergeItems, ContentDropsTheMarkerAndDedentsContinuations) {
  const Doc d = doc_of({"1. **Database Architecture**: You will design data layers by:",
                        "   - Choosing appropriate databases",
                        "   - Designing schemas",
                        "- plain item"});
  EXPECT_EQ(item_content(d, at(5, 7)),
            "**Database Architecture**: You will design data layers by:\n- Choosing appropriate databases\n"
            "- Designing schemas");
  EXPECT_EQ(item_content(d, at(8, 8)), "plain item");
}

TEST(MergeItems, ContentOfANestedItemKeepsRelativeIndentation) {
  const Doc d = doc_of({"  * outer", "    * inner"});
  EXPECT_EQ(item_content(d, at(5, 6)), "outer\n* inner");
}

TEST(MergeItems, StripLeadRemovesTheBoldLeadIn) {
  EXPECT_EQ(strip_lead("**API Design**: REST, GraphQL"), "REST, GraphQL");
  EXPECT_EQ(strip_lead("**API Design:** REST"), "REST");
  EXPECT_EQ(strip_lead("no lead here"), "no lead here");
  // A bullet that is only bold text keeps its text rather than becoming empty.
  EXPECT_EQ(strip_lead("**Only bold**"), "**Only bold**");
}

TEST(MergeItems, TextOfClampsToTheDocument) {
  const Doc d = doc_of({"a", "b"});
  EXPECT_EQ(d.text_of(5, 6), "a\nb");
  EXPECT_EQ(d.text_of(6, 99), "b");
  EXPECT_EQ(d.text_of(1, 2), "");
}

}  // namespace
}  // namespace agentmerge::detail
