// Format detection: path rules first, then the content signal table.
#include <gtest/gtest.h>

#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

Format detect(std::string_view yaml) {
  auto r = parse_agent("---\n" + std::string(yaml) + "---\n", "plain.txt");
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->format : Format::Unknown;
}

TEST(FormatFromPath, KnowsEachToolsFolderAndSuffix) {
  EXPECT_EQ(format_from_path("repo/.claude/agents/a.md"), Format::Claude);
  EXPECT_EQ(format_from_path(".opencode/agent/a.md"), Format::Opencode);
  EXPECT_EQ(format_from_path("x/.opencode/agents/a.md"), Format::Opencode);
  EXPECT_EQ(format_from_path("a.agent.md"), Format::Copilot);
  EXPECT_EQ(format_from_path("a.chatmode.md"), Format::Copilot);
  EXPECT_EQ(format_from_path(".github/agents/a.md"), Format::Copilot);
  EXPECT_EQ(format_from_path("r\\.qwen\\agents\\a.md"), Format::Qwen);
  EXPECT_EQ(format_from_path(".gemini/agents/a.md"), Format::Gemini);
  // Antigravity reads Gemini's files; Cursor's share Claude's keys.
  EXPECT_EQ(format_from_path("repo/.agents/agents/a.md"), Format::Gemini);
  EXPECT_EQ(format_from_path(".cursor/agents/a.md"), Format::Claude);
  EXPECT_EQ(format_from_path("agents/a.md"), std::nullopt);
  EXPECT_EQ(format_from_path("seed.txt"), std::nullopt);
}

TEST(DetectFormat, OpencodeByModeTemperatureAndABooleanToolsMap) {
  EXPECT_EQ(detect("description: d\nmode: subagent\n"), Format::Opencode);
  EXPECT_EQ(detect("name: a\ndescription: d\ntemperature: 0.1\ntools:\n  bash: true\n"),
            Format::Opencode);
  EXPECT_EQ(detect("description: d\nmodel: anthropic/claude-sonnet-4\n"), Format::Opencode);
}

TEST(DetectFormat, ClaudeByCommaToolsColorAndModelAlias) {
  EXPECT_EQ(detect("name: a\ntools: Read, Grep\n"), Format::Claude);
  EXPECT_EQ(detect("description: d\ncolor: blue\n"), Format::Claude);
  EXPECT_EQ(detect("description: d\nmodel: sonnet\n"), Format::Claude);
}

TEST(DetectFormat, CopilotByToolListHandoffsAndDisplayModel) {
  EXPECT_EQ(detect("description: d\ntools: ['read', 'edit', 'search']\n"), Format::Copilot);
  EXPECT_EQ(detect("description: d\nhandoffs: []\n"), Format::Copilot);
  EXPECT_EQ(detect("description: d\nmodel: GPT-4.1\n"), Format::Copilot);
}

TEST(DetectFormat, GeminiAndQwenByTheirToolNamesAndKeys) {
  EXPECT_EQ(detect("name: a\nkind: local\ntools: [read_file]\n"), Format::Gemini);
  EXPECT_EQ(detect("name: a\ntools:\n  - google_web_search\n"), Format::Gemini);
  EXPECT_EQ(detect("name: a\ntools:\n  - todo_write\n"), Format::Qwen);
}

TEST(DetectFormat, UnknownWhenNothingDecidesOrFormatsTie) {
  EXPECT_EQ(detect("description: d\n"), Format::Unknown);
  // read_file is both Gemini's and Qwen's: a tie, not a guess.
  EXPECT_EQ(detect("description: d\ntools: [read_file]\n"), Format::Unknown);
}

}  // namespace
}  // namespace agentmerge

namespace agentmerge {
namespace {

TEST(LooksLikeAgent, KnownFoldersAndNamesAreAgents) {
  EXPECT_TRUE(looks_like_agent("repo/.claude/agents/api.md", ""));
  EXPECT_TRUE(looks_like_agent("repo/.github/agents/api.agent.md", "# no frontmatter"));
  EXPECT_TRUE(looks_like_agent("anywhere/api.chatmode.md", ""));
}

TEST(LooksLikeAgent, AFrontmatterWithNameOrDescriptionMakesAnAgent) {
  EXPECT_TRUE(looks_like_agent("agents/api.md", "---\nname: api\n---\nBody\n"));
  EXPECT_TRUE(looks_like_agent("agents/api.md", "\xEF\xBB\xBF---\r\ntools: Read\r\ndescription : x\r\n---\r\n"));
  EXPECT_TRUE(looks_like_agent("agents/api.md", "---\nname: api"));  // head cut mid-frontmatter
}

TEST(LooksLikeAgent, ReadmesDocsAndOtherFrontmattersAreNot) {
  EXPECT_FALSE(looks_like_agent("repo/README.md", "# Project\n\nname: not a key\n"));
  EXPECT_FALSE(looks_like_agent("docs/post.md", "---\ntitle: Post\nlayout: page\n---\nname: x\n"));
  EXPECT_FALSE(looks_like_agent("docs/post.md", "---\nnamespace: x\n---\n"));
  EXPECT_FALSE(looks_like_agent("docs/empty.md", ""));
  EXPECT_FALSE(looks_like_agent("docs/rule.md", "----\nname: x\n"));
}

TEST(IsAgentToolFolder, TheFirstFolderOfEveryKnownAgentFolder) {
  EXPECT_TRUE(is_agent_tool_folder(".claude"));
  EXPECT_TRUE(is_agent_tool_folder(".github"));
  EXPECT_TRUE(is_agent_tool_folder(".opencode"));
  EXPECT_TRUE(is_agent_tool_folder(".config"));
  EXPECT_FALSE(is_agent_tool_folder(".git"));
  EXPECT_FALSE(is_agent_tool_folder(".venv"));
  EXPECT_FALSE(is_agent_tool_folder("agents"));
}

}  // namespace
}  // namespace agentmerge
