// merge --explain on a hand-built MergeResult: per source, the counts, the
// blocks only it contributed, what was folded (into which wording, with the
// similarity), what was dropped (with the policy), and frontmatter changes.
#include <gtest/gtest.h>

#include "agentmerge/review.hpp"

namespace agentmerge {
namespace {

FrontmatterEntry entry(const std::string& key, const std::string& value) {
  FrontmatterEntry e;
  e.key = key;
  e.value = Value::string(value);
  return e;
}

TEST(Explain, AccountsForEverySourceBlock) {
  MergeResult m;
  m.merged.source_name = "merged";
  m.merged.frontmatter.entries = {entry("name", "api"), entry("model", "opus")};
  m.report.sources = {{"a.md", "api", Format::Claude, 1}, {"b.md", "api", Format::Claude, 2}};
  m.report.primary = 0;
  m.report.output_blocks = {{0, 1, 1, "list-item", "Focus", "- RESTful API design", {0, 1}, {2}},
                            {1, 2, 2, "list-item", "Focus", "- gRPC", {1}, {}}};
  SourceBlock kept{0, 3, 3, "list-item", "Focus", "- RESTful API design", BlockFate::Kept, 0, 1.0, "", ""};
  SourceBlock only{1, 4, 4, "list-item", "Focus", "- gRPC", BlockFate::Kept, 1, 1.0, "", ""};
  SourceBlock folded{1, 5, 5, "list-item", "Focus", "- REST APIs", BlockFate::Folded, 0, 0.81, "", ""};
  SourceBlock dropped{1, 9, 9, "paragraph", "", "Same intro again", BlockFate::Dropped, -1, 1.0,
                      "duplicate-document", ""};
  SourceBlock same{0, 1, 1, "list-item", "", "- gRPC", BlockFate::Folded, 1, 1.0, "", ""};
  m.report.source_blocks = {kept, only, folded, dropped, same};

  AgentFile a;
  a.source_name = "a.md";
  a.frontmatter.entries = {entry("name", "api"), entry("model", "opus")};
  AgentFile b;
  b.source_name = "b.md";
  b.frontmatter.entries = {entry("name", "api"), entry("model", "sonnet")};

  const std::string text = explain_merge(m, {a, b});
  EXPECT_NE(text.find("a.md (claude, primary): 2 blocks: 1 kept (0 only from here), 1 folded (1 same wording), 0 dropped"),
            std::string::npos) << text;
  EXPECT_NE(text.find("b.md (claude, 2 documents): 3 blocks: 1 kept (1 only from here), 1 folded (0 same wording), 1 dropped"),
            std::string::npos) << text;
  EXPECT_NE(text.find("contributed: b.md:4 list-item \"- gRPC\" -> #1"), std::string::npos) << text;
  EXPECT_NE(text.find("folded: b.md:5 list-item \"- REST APIs\" -> #0 \"- RESTful API design\" (0.81)"),
            std::string::npos) << text;
  EXPECT_NE(text.find("dropped: b.md:9 paragraph \"Same intro again\" (policy: duplicate-document)"),
            std::string::npos) << text;
  EXPECT_NE(text.find("frontmatter: ~ model: \"sonnet\" -> \"opus\""), std::string::npos) << text;
  EXPECT_EQ(text.find("folded: a.md:1"), std::string::npos) << "same wording is counted, not listed";
  // The primary already has the merged frontmatter: no frontmatter line for it.
  EXPECT_EQ(text.find("frontmatter:"), text.rfind("frontmatter:")) << text;
}

}  // namespace
}  // namespace agentmerge
