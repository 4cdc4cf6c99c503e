// Lint rules one by one (the golden cases in data/cases/lint cover whole files).
#include <gtest/gtest.h>

#include <algorithm>

#include "agentmerge/lint.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

std::vector<std::string> codes(std::string_view text, std::string_view name = "a.md") {
  auto r = parse_agent(text, name);
  EXPECT_TRUE(r.ok());
  std::vector<std::string> out;
  if (r.ok())
    for (const auto& d : lint(*r)) out.push_back(d.code);
  return out;
}

TEST(Lint, CleanFileHasNoFindings) {
  EXPECT_TRUE(codes("---\nname: a\ndescription: d\ntools: Read\nmodel: inherit\n---\nDo it.\n").empty());
}

TEST(Lint, RequiredKeysDependOnTheFormat) {
  EXPECT_EQ(codes("---\nname: a\ncolor: red\n---\nx\n"), std::vector<std::string>{"missing-key"});
  // Copilot needs only a description.
  EXPECT_TRUE(codes("---\ndescription: d\n---\nx\n", "a.agent.md").empty());
  EXPECT_EQ(codes("---\nname: a\n---\nx\n", "a.agent.md"), std::vector<std::string>{"missing-key"});
}

TEST(Lint, DeprecatedKeysNameTheirReplacement) {
  EXPECT_EQ(codes("---\ndescription: d\nmaxSteps: 5\n---\nx\n", ".opencode/agents/a.md"),
            std::vector<std::string>{"deprecated-key"});
  EXPECT_TRUE(codes("---\ndescription: d\nsteps: 5\n---\nx\n", ".opencode/agents/a.md").empty());
  EXPECT_EQ(codes("---\ndescription: d\ninfer: true\n---\nx\n", "a.agent.md"),
            std::vector<std::string>{"deprecated-key"});
  // Deprecated per format: maxSteps means nothing special to Claude.
  EXPECT_TRUE(codes("---\nname: a\ndescription: d\nmaxSteps: 5\n---\nx\n").empty());
}

TEST(Lint, ACopilotBodyLongerThanCopilotReadsIsReported) {
  const std::string head = "---\ndescription: d\n---\n";
  const std::string at_limit(30000 - 1, 'x');  // plus the final newline: 30,000
  EXPECT_TRUE(codes(head + at_limit + "\n", "a.agent.md").empty());
  EXPECT_EQ(codes(head + at_limit + "xx\n", "a.agent.md"), std::vector<std::string>{"body-too-long"});
  // Characters, not bytes: 20,000 two-byte letters are within the limit.
  std::string accented;
  for (int i = 0; i < 20000; ++i) accented += "\xC3\xA9";
  EXPECT_TRUE(codes(head + accented + "\n", "a.agent.md").empty());
  // Claude states no limit.
  EXPECT_TRUE(codes("---\nname: a\ndescription: d\n---\n" + at_limit + "xx\n").empty());
}

TEST(Lint, NoFrontmatterIsReportedOnce) {
  EXPECT_EQ(codes("# A\n\ntext\n"), std::vector<std::string>{"no-frontmatter"});
}

TEST(Lint, FindingsAreSortedByLine) {
  auto r = parse_agent("---\nname: a\ndescription: d\ntools: Fly\nmodel: x1\n---\n", "a.md");
  ASSERT_TRUE(r.ok());
  const auto found = lint(*r);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].line, 4);
  EXPECT_EQ(found[1].line, 5);
  EXPECT_EQ(found[2].code, "empty-body");
  EXPECT_EQ(found[2].line, 7);
}

TEST(Lint, UnknownToolsPerFormat) {
  // mcp names and opencode keys with a server prefix are known.
  EXPECT_TRUE(codes("---\nname: a\ndescription: d\ntools: Read, mcp__gh__search\n---\nx\n").empty());
  EXPECT_EQ(codes("---\ndescription: d\nmode: subagent\ntools:\n  \"*\": false\n  fly: true\n---\nx\n"),
            std::vector<std::string>{"unknown-tool"});
}

TEST(KnownModel, TablesPerFormat) {
  EXPECT_TRUE(is_known_model(Format::Claude, "opus"));
  EXPECT_TRUE(is_known_model(Format::Claude, "claude-sonnet-4-20250514"));
  EXPECT_FALSE(is_known_model(Format::Claude, "gpt-4"));
  EXPECT_TRUE(is_known_model(Format::Opencode, "anthropic/claude-sonnet-4"));
  EXPECT_FALSE(is_known_model(Format::Opencode, "sonnet"));
  EXPECT_TRUE(is_known_model(Format::Copilot, "Claude Sonnet 4.5 (copilot)"));
  EXPECT_TRUE(is_known_model(Format::Copilot, "GPT-4.1"));
  EXPECT_FALSE(is_known_model(Format::Copilot, "GPT-4.1 | 'gpt-5'"));
  EXPECT_TRUE(is_known_model(Format::Gemini, "gemini-2.5-pro"));
}

// A model id of 60,000 letters once overflowed the stack inside std::regex:
// it is simply not a known model.
TEST(Lint, AHugeModelValueIsUnknownNotACrash) {
  std::string model = "claude-";
  model.append(60000, 'a');
  std::string text = "---\nname: a\ndescription: d\nmodel: ";
  text += model;
  text += "\n---\nYou review code.\n";
  auto f = parse_agent(text, "huge.md");
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(is_known_model(Format::Claude, model));
  const auto findings = lint(*f);
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(),
                          [](const Diagnostic& d) { return d.code == "unknown-model"; }));
}

}  // namespace
}  // namespace agentmerge
