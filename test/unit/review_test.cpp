// The review page generator on a hand-built MergeResult: escaping of every
// text from the files (body, names, decisions, embedded JSON), the data
// attributes the browser test counts, colours for many sources.
#include "agentmerge/review.hpp"

#include <gtest/gtest.h>

#include <set>

namespace agentmerge {
namespace {

std::size_t occurrences(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

SourceBlock sblock(std::size_t source, int line, const std::string& text, BlockFate fate, int output) {
  SourceBlock b;
  b.source = source;
  b.line = line;
  b.end_line = line;
  b.kind = "list-item";
  b.section = "Focus";
  b.text = text;
  b.fate = fate;
  b.output = output;
  b.similarity = fate == BlockFate::Folded ? 0.8 : 1.0;
  if (fate == BlockFate::Dropped) b.policy = "duplicate-document";
  return b;
}

MergeResult sample() {
  MergeResult m;
  m.merged.source_name = "merged";
  m.merged.stem = "api";
  m.text = "---\nname: api\n---\n\n## Focus\n\n- REST APIs\n";
  MergeReport& r = m.report;
  r.sources = {{"a.md", "api", Format::Claude, 1},
               {"b</script><script>document.title='x'</script>.md", "api", Format::Opencode, 1}};
  r.target = Format::Claude;
  OutputBlock h{0, 5, 5, "heading", "Focus", "## Focus", {0, 1}, {}};
  OutputBlock item{1, 7, 7, "list-item", "Focus", "- REST APIs", {0, 1}, {2}};
  OutputBlock evil{2, 8, 8, "html", "Focus", "<script>alert('owned')</script>", {1}, {}};
  OutputBlock link{3, 9, 9, "paragraph", "Focus", "[x](javascript:alert(1))", {0}, {}};
  r.output_blocks = {h, item, evil, link};
  r.source_blocks = {sblock(0, 5, "## Focus", BlockFate::Kept, 0),
                     sblock(0, 7, "- REST APIs", BlockFate::Kept, 1),
                     sblock(1, 3, "- REST <b>API</b>", BlockFate::Folded, 1),
                     sblock(1, 4, "<script>alert('owned')</script>", BlockFate::Kept, 2),
                     sblock(1, 9, "- old duplicate", BlockFate::Dropped, -1)};
  Decision d;
  d.subject = "frontmatter.model";
  d.policy = "primary";
  d.chosen = "<b>opus</b>";
  d.source_values = {"opus", "sonnet"};
  d.message = "the variants disagree on 'model'";
  d.review = Review::Needed;
  r.decisions = {d};
  return m;
}

TEST(Review, AgentTextIsEscapedEverywhere) {
  const std::string html = review_html(sample());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert"), std::string::npos) << "the raw HTML is shown as text";
  EXPECT_EQ(html.find("<b>opus</b>"), std::string::npos);
  EXPECT_EQ(html.find("<b>API</b>"), std::string::npos);
  EXPECT_EQ(html.find("</script><script>document.title"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  // Exactly two script elements: the JSON data and the page's own script.
  EXPECT_EQ(occurrences(html, "<script"), 2U);
  EXPECT_EQ(occurrences(html, "</script>"), 2U);
}

TEST(Review, OwnScriptCarriesTheNonceTheCspAllows) {
  const std::string html = review_html(sample());
  const auto p = html.find("'nonce-");
  ASSERT_NE(p, std::string::npos);
  const std::string nonce = html.substr(p + 7, 16);
  EXPECT_NE(html.find("<script nonce=\"" + nonce + "\">"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
}

TEST(Review, DataAttributesMatchTheReport) {
  const MergeResult m = sample();
  const std::string html = review_html(m);
  EXPECT_EQ(occurrences(html, "data-block-id=\""), m.report.output_blocks.size());
  EXPECT_EQ(occurrences(html, "<details class=\"src\" data-source=\""), m.report.sources.size());
  EXPECT_EQ(occurrences(html, "data-sb=\""), m.report.source_blocks.size());
  EXPECT_EQ(occurrences(html, "data-fate=\"folded\""), 1U);
  EXPECT_EQ(occurrences(html, "data-fate=\"dropped\""), 1U);
  EXPECT_EQ(occurrences(html, "data-decision=\""), 1U);
  EXPECT_EQ(occurrences(html, "data-review=\"needed\""), 1U);
  EXPECT_NE(html.find("data-policy=\"duplicate-document\""), std::string::npos);
  EXPECT_NE(html.find("<span class=\"count\" data-count=\"folded\"><b>1</b>"), std::string::npos);
}

TEST(Review, ADangerIsARedRowOfItsOwn) {
  MergeResult m = sample();
  Decision d;
  d.subject = "frontmatter.tools";
  d.policy = "widened-past-restriction";
  d.message = "grants shell that a.md (read-only) does not";
  d.review = Review::Danger;
  m.report.decisions.push_back(d);
  const std::string html = review_html(m);
  EXPECT_EQ(occurrences(html, "data-review=\"danger\""), 1U);
  EXPECT_EQ(occurrences(html, "data-review=\"needed\""), 1U);
  EXPECT_EQ(occurrences(html, "class=\"needs-review danger\""), 1U);
  EXPECT_NE(html.find("tr.danger td"), std::string::npos) << "the stylesheet styles the row";
}

TEST(Review, SameMergeGivesTheSamePage) {
  EXPECT_EQ(review_html(sample()), review_html(sample()));
}

TEST(Review, ColoursStayDistinctPastTwentySources) {
  std::set<std::string> colours;
  for (std::size_t i = 0; i < 40; ++i) colours.insert(source_color(i));
  EXPECT_EQ(colours.size(), 40U);
}

TEST(Review, HtmlEscapeCoversAttributeQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

}  // namespace
}  // namespace agentmerge

namespace agentmerge {
namespace {

// A decision naming a block links to it, and the block links back.
TEST(Review, DecisionAndItsBlockLinkBothWays) {
  MergeResult m = sample();
  ASSERT_FALSE(m.report.source_blocks.empty());
  Decision d;
  d.subject = "budget";
  d.policy = "least-supported";
  d.chosen = "- REST APIs";
  d.message = "dropped";
  d.block = 0;
  m.report.decisions.push_back(d);
  const std::size_t k = m.report.decisions.size() - 1;
  const std::string html = review_html(m);
  EXPECT_NE(html.find("<tr id=\"dec-" + std::to_string(k) + "\""), std::string::npos);
  EXPECT_NE(html.find("<li id=\"sb-0\""), std::string::npos);
  EXPECT_EQ(occurrences(html, "class=\"to-block\" href=\"#sb-0\""), 1U);
  EXPECT_EQ(occurrences(html, "class=\"to-decision\" href=\"#dec-" + std::to_string(k) + "\""), 1U);
  EXPECT_EQ(occurrences(html, "class=\"to-block\""), 1U) << "only decisions that name a block link";
}

}  // namespace
}  // namespace agentmerge
