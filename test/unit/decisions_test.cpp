// The decisions file reader and writer (merge --decisions, the review
// page's export), and the merge applying choices to parsed agents.
#include <gtest/gtest.h>

#include <string>

#include "agentmerge/decisions.hpp"
#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

TEST(Decisions, ReadsValuesAndBlocks) {
  const auto r = parse_review_choices(R"({"agentmerge-decisions": 1,
    "values": [{"key": "model", "source": "b.md"}],
    "blocks": [{"source": "a.md", "line": 12, "hash": "00ff", "action": "keep"},
               {"source": "b.md", "line": 3, "hash": "11aa", "action": "wording"}]})",
                                      "d.json");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->values.size(), 1U);
  EXPECT_EQ(r->values[0].key, "model");
  EXPECT_EQ(r->values[0].source, "b.md");
  ASSERT_EQ(r->blocks.size(), 2U);
  EXPECT_EQ(r->blocks[0].line, 12);
  EXPECT_EQ(r->blocks[0].action, BlockAction::Keep);
  EXPECT_EQ(r->blocks[1].hash, "11aa");
  EXPECT_EQ(r->blocks[1].action, BlockAction::Wording);
}

TEST(Decisions, WrittenFileReadsBackSorted) {
  ReviewChoices c;
  c.blocks = {{"b.md", 9, "aa", BlockAction::Wording}, {"a.md", 30, "bb", BlockAction::Keep},
              {"a.md", 4, "cc", BlockAction::Keep}};
  c.values = {{"model", "b.md"}, {"color", "a.md"}};
  const std::string text = review_choices_to_json(c);
  const auto back = parse_review_choices(text, "d.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  ASSERT_EQ(back->blocks.size(), 3U);
  EXPECT_EQ(back->blocks[0].source + ":" + std::to_string(back->blocks[0].line), "a.md:4");
  EXPECT_EQ(back->blocks[1].line, 30);
  EXPECT_EQ(back->blocks[2].action, BlockAction::Wording);
  EXPECT_EQ(back->values[0].key, "color");
  EXPECT_EQ(review_choices_to_json(*back), text);  // a fixed point
}

// Each malformed file: the error names the file and the line it is on.
struct BadCase {
  const char* text;
  int line;
  const char* says;
};

TEST(Decisions, MalformedFilesGiveTheirLine) {
  const BadCase cases[] = {
      {"{\"values\": []}", 1, "agentmerge-decisions: 1"},
      {"{\"agentmerge-decisions\": 2}", 1, "agentmerge-decisions: 1"},
      {"{\"agentmerge-decisions\": 1,\n \"value\": []}", 2, "unknown key 'value'"},
      {"{\"agentmerge-decisions\": 1,\n \"blocks\": [\n {\"source\": \"a.md\", \"line\": 3, \"hash\": \"x\",\n"
       "  \"action\": \"drop\"}]}",
       4, "unknown action 'drop'"},
      {"{\"agentmerge-decisions\": 1,\n \"blocks\": [{\"source\": \"a.md\", \"line\": 0, \"hash\": \"x\", "
       "\"action\": \"keep\"}]}",
       2, "positive"},
      {"{\"agentmerge-decisions\": 1, \"values\": [{\"key\": \"model\"}]}", 1, "needs a 'source'"},
      {"{\"agentmerge-decisions\": 1,\n \"blocks\": {}}", 2, "must be a list"},
      {"{\"agentmerge-decisions\": 1,\n \"blocks\": [", 2, "not valid"},  // the unclosed list
      {"[1, 2]", 1, "a map"},
  };
  for (const BadCase& c : cases) {
    const auto r = parse_review_choices(c.text, "d.json");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().file, "d.json");
    EXPECT_EQ(r.error().code, "bad-decisions");
    EXPECT_EQ(r.error().line, c.line) << c.text << " -> " << r.error().to_string();
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().to_string();
  }
}

AgentFile parsed(const std::string& text, const std::string& name) {
  auto f = parse_agent(text, name);
  EXPECT_TRUE(f.ok());
  return *f;
}

const char* const kA =
    "---\nname: x\ndescription: d\nmodel: sonnet\n---\n\n## Focus Areas\n\n"
    "- REST API design with clear resource names and plural nouns\n";
const char* const kB =
    "---\nname: x\ndescription: d\nmodel: opus\n---\n\n## Focus Areas\n\n"
    "- REST API design with clear resource names\n";

TEST(Decisions, KeepUndoesAFoldAndWordingPicksTheShorterText) {
  const std::vector<AgentFile> v = {parsed(kA, "a.md"), parsed(kB, "b.md")};
  MergeOptions o;
  o.primary = "a.md";
  auto plain = merge(v, o);
  ASSERT_TRUE(plain.ok());
  const std::string shorter = "- REST API design with clear resource names\n";
  const std::string fuller = "- REST API design with clear resource names and plural nouns\n";
  ASSERT_NE(plain->text.find(fuller), std::string::npos) << plain->text;
  ASSERT_EQ(plain->text.find(shorter), std::string::npos) << "the shorter bullet should fold";
  const std::string hash = block_hash("- REST API design with clear resource names");

  o.choices.blocks = {{"b.md", 9, hash, BlockAction::Keep}};
  auto kept = merge(v, o);
  ASSERT_TRUE(kept.ok());
  EXPECT_NE(kept->text.find(fuller), std::string::npos) << kept->text;
  EXPECT_NE(kept->text.find(shorter), std::string::npos) << kept->text;

  o.choices.blocks = {{"b.md", 9, hash, BlockAction::Wording}};
  auto worded = merge(v, o);
  ASSERT_TRUE(worded.ok());
  EXPECT_NE(worded->text.find(shorter), std::string::npos) << worded->text;
  EXPECT_EQ(worded->text.find(fuller), std::string::npos) << worded->text;
}

TEST(Decisions, ValueChoiceAndStaleChoicesAreDecisions) {
  const std::vector<AgentFile> v = {parsed(kA, "a.md"), parsed(kB, "b.md")};
  MergeOptions o;
  o.primary = "a.md";
  o.choices.values = {{"model", "b.md"}, {"color", "c.md"}};
  o.choices.blocks = {{"b.md", 9, "0000000000000000", BlockAction::Keep}};
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("model: opus"), std::string::npos) << r->text;
  int stale = 0;
  bool reviewer = false;
  for (const Decision& d : r->report.decisions) {
    if (d.policy == "stale-choice") {
      ++stale;
      EXPECT_TRUE(needs_review(d.review));
    }
    reviewer = reviewer || (d.subject == "frontmatter.model" && d.policy == "reviewer");
  }
  EXPECT_TRUE(reviewer);
  EXPECT_EQ(stale, 2) << "the block with a wrong hash and the value choice for a key no "
                         "source has are both reported";
}

}  // namespace
}  // namespace agentmerge

namespace agentmerge {
namespace {

TEST(Decisions, SourcesMatchByPathOrUniqueSuffix) {
  const std::vector<std::string> names = {"agents/a.md", "other/b.md", "x/b.md", "./c.md"};
  EXPECT_EQ(match_source(names, "agents/a.md"), 0U);
  EXPECT_EQ(match_source(names, "a.md"), 0U);          // exported from another folder
  EXPECT_EQ(match_source(names, "repo/agents/a.md"), 0U);
  EXPECT_EQ(match_source(names, "c.md"), 3U);          // "./c.md" is "c.md"
  EXPECT_EQ(match_source(names, "b.md"), std::nullopt);  // two suffixes: ambiguous
  EXPECT_EQ(match_source(names, "x/b.md"), 2U);
  EXPECT_EQ(match_source(names, "gents/a.md"), std::nullopt);  // not at a '/'
}

TEST(Decisions, ChoicesApplyToSourcesNamedFromAnotherFolder) {
  const std::vector<AgentFile> v = {parsed(kA, "team/a.md"), parsed(kB, "team/b.md")};
  MergeOptions o;
  o.primary = "team/a.md";
  o.choices.values = {{"model", "b.md"}};
  o.choices.blocks = {{"./b.md", 9, block_hash("- REST API design with clear resource names"),
                       BlockAction::Wording}};
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("model: opus"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("- REST API design with clear resource names\n"), std::string::npos)
      << r->text;
  for (const Decision& d : r->report.decisions) EXPECT_NE(d.policy, "stale-choice") << d.message;
}

}  // namespace
}  // namespace agentmerge
