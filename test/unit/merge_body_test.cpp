// Body merge on hand-built ASTs: folding, topic merges, alignment by
// synonyms, document splitting, heading repair, order independence.
#include <gtest/gtest.h>

#include <algorithm>

#include "agentmerge/merge.hpp"
#include "agentmerge/normalize.hpp"

namespace agentmerge {
namespace {

int g_line = 10;  // fake, increasing source lines

ListItem item(const std::string& text, const std::string& lead = "") {
  ListItem it;
  it.line = it.end_line = ++g_line;
  it.source = "- " + text;
  it.normalized = normalize_text(text);
  it.lead = lead;
  return it;
}

Block list(std::vector<ListItem> items) {
  Block b;
  b.kind = BlockKind::List;
  b.line = items.front().line;
  b.end_line = items.back().end_line;
  for (const auto& i : items) b.source += (b.source.empty() ? "" : "\n") + i.source;
  b.normalized = normalize_text(b.source);
  b.items = std::move(items);
  return b;
}

Block paragraph(const std::string& text) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.line = b.end_line = ++g_line;
  b.source = text;
  b.normalized = normalize_text(text);
  return b;
}

Section section(const std::string& title, int level, std::vector<Block> blocks,
                std::vector<Section> children = {}, HeadingKind kind = HeadingKind::Atx) {
  Section s;
  s.heading_kind = kind;
  s.level = level;
  s.title = title;
  s.normalized_title = normalize_title(title);
  s.line = ++g_line;
  s.blocks = std::move(blocks);
  s.children = std::move(children);
  return s;
}

AgentFile agent(const std::string& file, std::vector<Section> sections) {
  AgentFile f;
  f.source_name = file;
  f.format = Format::Claude;
  f.frontmatter.mode = FrontmatterMode::Strict;
  FrontmatterEntry n;
  n.key = "name";
  n.value = Value::string("backend-architect");
  f.frontmatter.entries.push_back(n);
  f.body.root.children = std::move(sections);
  return f;
}

std::vector<std::string> output_texts(const MergeReport& r, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& b : r.output_blocks)
    if (b.kind == kind) out.push_back(b.text);
  return out;
}

TEST(MergeBody, NearDuplicateItemsFoldIntoTheFullerWording) {
  auto a = agent("a.md", {section("Focus Areas", 2, {list({item("REST API design with versioning"),
                                                           item("gRPC services")})})});
  auto b = agent("b.md", {section("Focus Areas", 2, {list({item("REST API design with versioning rules"),
                                                           item("Kafka messaging")})})});
  auto r = merge({a, b}, MergeOptions{});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  auto items = output_texts(r->report, "list-item");
  ASSERT_EQ(items.size(), 3U);
  EXPECT_NE(std::find(items.begin(), items.end(), "- REST API design with versioning rules"), items.end());
  EXPECT_EQ(std::find(items.begin(), items.end(), "- REST API design with versioning"), items.end());
  EXPECT_EQ(output_texts(r->report, "heading").size(), 1U);
  std::size_t folded_items = 0;
  for (const auto& sb : r->report.source_blocks)
    if (sb.kind == "list-item" && sb.fate == BlockFate::Folded) {
      ++folded_items;
      EXPECT_EQ(sb.text, "- REST API design with versioning");
      EXPECT_GE(sb.similarity, r->report.thresholds.fold);
      ASSERT_GE(sb.output, 0);
      EXPECT_EQ(r->report.output_blocks[static_cast<std::size_t>(sb.output)].text,
                "- REST API design with versioning rules");
    }
  EXPECT_EQ(folded_items, 1U);
}

TEST(MergeBody, SynonymHeadingsAlign) {
  auto a = agent("a.md", {section("Focus Areas", 2, {list({item("Schema design")})})});
  auto b = agent("b.md", {section("Core Competencies", 2, {list({item("Message queues")})})});
  auto r = merge({a, b}, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(output_texts(r->report, "heading").size(), 1U);
  EXPECT_EQ(output_texts(r->report, "list-item").size(), 2U);
}

// A label and its list ("**API Design**:" then bullets) say what a bullet
// with nested items says: they nest below the bullet naming that topic.
TEST(MergeBody, LabelAndListNestBelowTheBulletOfTheirTopic) {
  auto a = agent("a.md", {section("Focus Areas", 2,
                                  {list({item("**API Design**: REST, GraphQL", "API Design"),
                                         item("**Storage**: PostgreSQL", "Storage")})})});
  auto pseudo = section("API Design", 3, {list({item("Contract-first OpenAPI schemas")})}, {},
                        HeadingKind::Pseudo);
  auto b = agent("b.md", {section("Focus Areas", 2, {}, {pseudo})});
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge({a, b}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(output_texts(r->report, "heading"), (std::vector<std::string>{"## Focus Areas"}));
  EXPECT_EQ(output_texts(r->report, "list-item"),
            (std::vector<std::string>{"- **API Design**: REST, GraphQL\n  - Contract-first OpenAPI schemas",
                                      "- **Storage**: PostgreSQL"}));
  const auto& d = r->report.decisions;
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const Decision& x) { return x.policy == "section-into-bullet"; }));
}

// A heading with prose is never demoted into the nested bullets of an item:
// the bullet naming its topic moves into the section, its lead-in removed.
TEST(MergeBody, LeadInBulletMovesIntoTheSectionOfItsTopic) {
  auto a = agent("a.md", {section("Focus Areas", 2,
                                  {list({item("**API Design**: REST, GraphQL", "API Design"),
                                         item("**Storage**: PostgreSQL", "Storage")})})});
  auto heading = section("API Design", 3,
                         {paragraph("Every contract is written before its code."),
                          list({item("Contract-first OpenAPI schemas")})});
  auto b = agent("b.md", {section("Focus Areas", 2, {}, {heading})});
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge({a, b}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(output_texts(r->report, "heading"), (std::vector<std::string>{"## Focus Areas", "### API Design"}));
  EXPECT_EQ(output_texts(r->report, "list-item"),
            (std::vector<std::string>{"- **Storage**: PostgreSQL", "- REST, GraphQL",
                                      "- Contract-first OpenAPI schemas"}));
  const auto& d = r->report.decisions;
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const Decision& x) { return x.policy == "bullet-into-section"; }));
}

TEST(MergeBody, LeadInBulletGoesIntoTheMatchingSection) {
  auto pseudo = section("API Design", 3, {list({item("Contract-first OpenAPI schemas")})}, {},
                        HeadingKind::Pseudo);
  auto a = agent("a.md", {section("Focus Areas", 2, {}, {pseudo})});
  auto b = agent("b.md", {section("Focus Areas", 2, {list({item("**API Design**: REST, GraphQL", "API Design")})})});
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge({a, b}, o);
  ASSERT_TRUE(r.ok());
  const auto items = output_texts(r->report, "list-item");
  EXPECT_EQ(items, (std::vector<std::string>{"- Contract-first OpenAPI schemas", "- REST, GraphQL"}));
}

TEST(MergeBody, OrderOfInputsDoesNotMatter) {
  auto a = agent("a.md", {section("Focus Areas", 2, {list({item("Schema design"), item("Caching")})}),
                          section("Approach", 2, {list({item("Measure first")})})});
  auto b = agent("b.md", {section("Triggers", 2, {list({item("New service")})}),
                          section("Focus Areas", 2, {list({item("Message queues")})})});
  auto c = agent("c.md", {section("Deliverables", 2, {list({item("Schemas")})})});
  auto r1 = merge({a, b, c}, MergeOptions{});
  auto r2 = merge({c, a, b}, MergeOptions{});
  auto r3 = merge({b, c, a}, MergeOptions{});
  ASSERT_TRUE(r1.ok() && r2.ok() && r3.ok());
  EXPECT_EQ(r1->text, r2->text);
  EXPECT_EQ(r1->text, r3->text);
  EXPECT_EQ(report_to_json(r1->report), report_to_json(r2->report));
  EXPECT_EQ(report_to_json(r1->report), report_to_json(r3->report));
}

TEST(MergeBody, UnmatchedSectionFollowsItsAlignedPredecessor) {
  auto a = agent("a.md", {section("Triggers", 2, {list({item("New service")})}),
                          section("Focus Areas", 2, {list({item("Schema design")})}),
                          section("Boundaries", 2, {list({item("No UI work")})})});
  auto b = agent("b.md", {section("Focus Areas", 2, {list({item("Schema design")})}),
                          section("Approach", 2, {list({item("Measure first")})})});
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge({a, b}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(output_texts(r->report, "heading"),
            (std::vector<std::string>{"## Triggers", "## Focus Areas", "## Approach", "## Boundaries"}));
}

TEST(MergeBody, HeadingJumpsAreRepairedAndReported) {
  auto deep = section("Deep", 4, {list({item("x")})});
  auto a = agent("a.md", {section("Backend Architect", 1, {}, {deep})});
  auto r = merge({a}, MergeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(output_texts(r->report, "heading"), (std::vector<std::string>{"# Backend Architect", "## Deep"}));
  bool reported = false;
  for (const auto& d : r->report.decisions) reported = reported || d.subject == "headings";
  EXPECT_TRUE(reported);
}

TEST(MergeBody, EveryHeadingIsAccounted) {
  auto a = agent("a.md", {section("Focus Areas", 2, {list({item("Schema design")})})});
  auto b = agent("b.md", {section("Extras", 2, {list({item("Schema design")})})});
  MergeOptions o;
  o.primary = "a.md";
  auto r = merge({a, b}, o);
  ASSERT_TRUE(r.ok());
  // b's only bullet is said already, so its section has nothing left to say.
  EXPECT_EQ(output_texts(r->report, "heading"), (std::vector<std::string>{"## Focus Areas"}));
  for (const auto& sb : r->report.source_blocks) {
    if (sb.fate == BlockFate::Dropped) {
      EXPECT_EQ(sb.policy, "all-content-folded-elsewhere");
    } else {
      EXPECT_GE(sb.output, 0) << sb.text;
    }
  }
}

TEST(SplitDocuments, SecondTitleStartsASecondDocument) {
  auto sec = section("Security", 1, {list({item("Tokens")})}, {}, HeadingKind::Pseudo);
  auto title = section("Backend Architect", 1, {}, {section("Focus Areas", 2, {list({item("x")})})});
  auto f = agent("d.md", {sec, title});
  auto docs = split_documents(f);
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_EQ(docs[0].body.root.children.size(), 1U);
  EXPECT_EQ(docs[1].body.root.children.front().title, "Backend Architect");
  EXPECT_EQ(docs[1].name(), "backend-architect");
}

TEST(SplitDocuments, RepeatedH1SplitsAndOtherH1sDoNot) {
  auto t1 = section("Guide", 1, {list({item("a")})});
  auto t2 = section("Reference", 1, {list({item("b")})});
  auto t3 = section("Guide", 1, {list({item("c")})});
  EXPECT_EQ(split_documents(agent("x.md", {t1, t2})).size(), 1U);
  EXPECT_EQ(split_documents(agent("x.md", {t1, t2, t3})).size(), 2U);
  // A title first in the body is the document's own title.
  EXPECT_EQ(split_documents(agent("x.md", {section("Backend Architect", 1, {})})).size(), 1U);
}

TEST(SplitDocuments, UpToFourDocumentsSplitInOnePass) {
  auto g = [](const char* point) { return section("Guide", 1, {list({item(point)})}); };
  const auto docs = split_documents(agent("x.md", {g("a"), g("b"), g("c"), g("d")}));
  ASSERT_EQ(docs.size(), 4U);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    ASSERT_EQ(docs[i].body.root.children.size(), 1U);
    EXPECT_EQ(docs[i].body.root.children[0].blocks[0].items[0].source,
              std::string("- ") + "abcd"[i]);
  }
}

TEST(SplitDocuments, AFileOfManyRepeatedTitlesIsOneDocument) {
  // "# t" before every section: repeated headings, not five documents.
  std::vector<Section> kids;
  for (const char* point : {"a", "b", "c", "d", "e"}) kids.push_back(section("t", 1, {list({item(point)})}));
  EXPECT_EQ(split_documents(agent("x.md", kids)).size(), 1U);
}

TEST(MergeLimits, TooManyBlocksIsRefusedWithTheCount) {
  std::vector<ListItem> points;
  for (int i = 0; i < 30; ++i) points.push_back(item("point " + std::to_string(i)));
  const std::vector<AgentFile> files{agent("a.md", {section("Focus", 2, {list(points)})})};
  MergeOptions o;
  o.max_blocks = 20;
  auto r = merge(files, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "too-many-blocks");
  EXPECT_NE(r.error().message.find("33 blocks"), std::string::npos) << r.error().message;
  o.max_blocks = 33;
  EXPECT_TRUE(merge(files, o).ok());
}

}  // namespace
}  // namespace agentmerge
