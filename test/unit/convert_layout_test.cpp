// Where convert --out puts each file (src/convert_layout.cpp).
#include <gtest/gtest.h>

#include "agentmerge/convert.hpp"

namespace agentmerge {
namespace {

TEST(ConvertLayout, TreeKeepsThePathBelowTheWalkRoot) {
  EXPECT_EQ(output_relative_path("team/.claude/agents/api.md", "api.agent.md", Layout::Tree,
                                 ".github/agents"),
            "team/.claude/agents/api.agent.md");
  EXPECT_EQ(output_relative_path("api.md", "api.toml", Layout::Tree, ".codex/agents"), "api.toml");
}

TEST(ConvertLayout, ToolReplacesAnAgentFolderOrPutsTheTargetsInFront) {
  EXPECT_EQ(output_relative_path("team/.claude/agents/sub/api.md", "api.agent.md", Layout::Tool,
                                 agent_folder(Format::Copilot)),
            "team/.github/agents/sub/api.agent.md");
  EXPECT_EQ(output_relative_path(".opencode/agent/api.md", "api.md", Layout::Tool,
                                 agent_folder(Format::Claude)),
            ".claude/agents/api.md");
  EXPECT_EQ(output_relative_path("team/api.md", "api.json", Layout::Tool,
                                 agent_folder(ExternalFormat::Kiro)),
            ".kiro/agents/team/api.json");
  // A folder that only starts like an agent folder is not one.
  EXPECT_EQ(output_relative_path(".claude/agents-old/api.md", "api.md", Layout::Tool,
                                 agent_folder(Format::Qwen)),
            ".qwen/agents/.claude/agents-old/api.md");
}

TEST(ConvertLayout, FlatIsTheFileName) {
  EXPECT_EQ(output_relative_path("a/b/api.md", "api.md", Layout::Flat, ".claude/agents"), "api.md");
}

TEST(ConvertLayout, EveryFormatHasAnAgentFolderAndLayoutsRoundTrip) {
  for (Format f : {Format::Claude, Format::Opencode, Format::Copilot, Format::Qwen, Format::Gemini})
    EXPECT_FALSE(agent_folder(f).empty()) << to_string(f);
  EXPECT_EQ(agent_folder(Format::Unknown), "");
  for (Layout l : {Layout::Tree, Layout::Tool, Layout::Flat}) EXPECT_EQ(parse_layout(to_string(l)), l);
  EXPECT_EQ(parse_layout("nested"), std::nullopt);
}

}  // namespace
}  // namespace agentmerge
