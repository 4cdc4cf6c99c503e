// Tool vocabulary, the four tool-set states, opencode's rules, rendering.
#include <gtest/gtest.h>

#include <set>

#include "agentmerge/parse.hpp"
#include "agentmerge/tools.hpp"

namespace agentmerge {
namespace {

ToolSet tools_of(std::string_view yaml, Format f, std::vector<Diagnostic>* diags = nullptr) {
  ParseOptions o;
  o.format = f;
  auto r = parse_agent("---\n" + std::string(yaml) + "---\n", "a.md", o);
  EXPECT_TRUE(r.ok()) << yaml << ": " << (r.ok() ? "" : r.error().to_string());
  if (!r.ok()) return {};
  if (diags != nullptr) *diags = r->diagnostics;
  return r->tools;
}

TEST(Vocabulary, OneRowPerNeutralIdAndNoDuplicateNamesInAColumnRow) {
  std::set<std::string> ids;
  for (const auto& row : tool_vocabulary()) {
    EXPECT_TRUE(ids.insert(row.id).second) << row.id;
    EXPECT_FALSE(row.description.empty()) << row.id;
  }
  for (const char* id : {"shell", "read", "write", "edit", "multiedit", "patch", "grep", "glob",
                         "list", "webfetch", "websearch", "todoread", "todowrite", "task",
                         "notebookread", "notebookedit", "skill"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
}

TEST(Vocabulary, NamesMapToNeutralIdsPerFormat) {
  EXPECT_EQ(to_neutral(Format::Claude, "Bash"), "shell");
  EXPECT_EQ(to_neutral(Format::Claude, "ls"), "list");  // case-insensitive
  EXPECT_EQ(to_neutral(Format::Opencode, "todowrite"), "todowrite");
  EXPECT_EQ(to_neutral(Format::Gemini, "search_file_content"), "grep");
  EXPECT_EQ(to_neutral(Format::Qwen, "todo_write"), "todowrite");
  EXPECT_EQ(to_neutral(Format::Copilot, "runCommands"), "shell");
  EXPECT_EQ(to_neutral(Format::Copilot, "edit"), "edit");
  EXPECT_EQ(to_neutral_ids(Format::Copilot, "edit"),
            (std::vector<std::string>{"edit", "multiedit", "write"}));
  EXPECT_EQ(to_neutral(Format::Claude, "Frobnicate"), "other:Frobnicate");
  EXPECT_TRUE(is_known_tool("grep"));
  EXPECT_FALSE(is_known_tool("other:Frobnicate"));
}

TEST(Vocabulary, McpNamesInEachSyntax) {
  EXPECT_EQ(to_neutral(Format::Claude, "mcp__context7__get-docs"), "mcp:context7/get-docs");
  EXPECT_EQ(to_neutral(Format::Claude, "mcp__github"), "mcp:github/*");
  EXPECT_EQ(to_neutral(Format::Opencode, "context7_get-docs"), "mcp:context7/get-docs");
  EXPECT_EQ(to_neutral(Format::Copilot, "context7/get-docs"), "mcp:context7/get-docs");
  EXPECT_EQ(to_neutral(Format::Copilot, "read/problems"), "other:read/problems");
  EXPECT_EQ(from_neutral(Format::Claude, "mcp:context7/get-docs"), "mcp__context7__get-docs");
  EXPECT_EQ(from_neutral(Format::Opencode, "mcp:context7/get-docs"), "context7_get-docs");
  EXPECT_EQ(from_neutral(Format::Copilot, "mcp:github/*"), "github/*");
  EXPECT_EQ(from_neutral(Format::Gemini, "mcp:github/*"), std::nullopt);
  EXPECT_EQ(from_neutral(Format::Claude, "patch"), std::nullopt);
}

TEST(ToolSetFromFrontmatter, TheFourStatesStayDistinct) {
  EXPECT_EQ(tools_of("name: a\n", Format::Claude).mode, ToolMode::All);
  EXPECT_EQ(tools_of("tools: []\n", Format::Claude).mode, ToolMode::None);
  EXPECT_EQ(tools_of("tools: ''\n", Format::Claude).mode, ToolMode::None);
  EXPECT_EQ(tools_of("tools: Read, Bash\n", Format::Claude),
            (ToolSet{ToolMode::Allow, {"read", "shell"}}));
  EXPECT_EQ(tools_of("tools: [read, 'github/*']\n", Format::Copilot),
            (ToolSet{ToolMode::Allow, {"mcp:github/*", "read"}}));
  EXPECT_EQ(tools_of("tools: ['*']\n", Format::Copilot).mode, ToolMode::All);
  EXPECT_EQ(tools_of("tools:\n  bash: false\n  read: true\n", Format::Opencode),
            (ToolSet{ToolMode::AllBut, {"shell"}}));
}

TEST(ToolSetFromFrontmatter, OpencodeMapOfOnlyTrueGrantsAllAndWarns) {
  std::vector<Diagnostic> diags;
  EXPECT_EQ(tools_of("tools:\n  bash: true\n  edit: true\n", Format::Opencode, &diags).mode,
            ToolMode::All);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "tools-map-restricts-nothing");
  EXPECT_EQ(diags[0].line, 2);
}

TEST(ToolSetFromFrontmatter, OpencodeStarFalseOrDenyPermissionMakesAnAllowlist) {
  EXPECT_EQ(tools_of("tools:\n  \"*\": false\n  read: true\n  grep: true\n", Format::Opencode),
            (ToolSet{ToolMode::Allow, {"grep", "read"}}));
  EXPECT_EQ(tools_of("tools:\n  \"*\": false\n", Format::Opencode).mode, ToolMode::None);
  EXPECT_EQ(tools_of("permission:\n  \"*\": deny\n  webfetch: allow\n", Format::Opencode),
            (ToolSet{ToolMode::Allow, {"webfetch"}}));
  EXPECT_EQ(tools_of("permission:\n  edit: deny\n", Format::Opencode),
            (ToolSet{ToolMode::AllBut, {"edit", "multiedit", "patch", "write"}}));
}

TEST(RenderTools, ClaudeWritesACommaStringInTableOrder) {
  const ToolSet set{ToolMode::Allow, {"mcp:c7/docs", "read", "shell"}};
  const ToolsRendering r = render_tools(Format::Claude, set);
  ASSERT_TRUE(r.value.has_value());
  EXPECT_EQ(r.value->scalar, "Bash, Read, mcp__c7__docs");
  EXPECT_FALSE(r.widened);
  EXPECT_FALSE(render_tools(Format::Claude, ToolSet{}).value.has_value());
  EXPECT_TRUE(render_tools(Format::Claude, {ToolMode::None, {}}).value->is_list());
}

TEST(RenderTools, ClaudeCannotDenySoAllButIsWidened) {
  const ToolsRendering r = render_tools(Format::Claude, {ToolMode::AllBut, {"shell"}});
  EXPECT_FALSE(r.value.has_value());
  EXPECT_TRUE(r.widened);
}

TEST(RenderTools, OpencodeWritesDenyByDefaultForAnAllowlist) {
  const ToolsRendering r = render_tools(Format::Opencode, {ToolMode::Allow, {"read", "shell"}});
  ASSERT_TRUE(r.value && r.value->is_map());
  EXPECT_EQ(r.value->map_keys, (std::vector<std::string>{"*", "bash", "read"}));
  EXPECT_EQ(r.value->items[0].scalar, "false");
  EXPECT_EQ(r.value->items[1].scalar, "true");
  const ToolsRendering deny = render_tools(Format::Opencode, {ToolMode::AllBut, {"edit"}});
  EXPECT_EQ(deny.value->map_keys, (std::vector<std::string>{"edit"}));
  EXPECT_EQ(deny.value->items[0].scalar, "false");
}

TEST(RenderTools, CopilotAliasesWidenAndAreReported) {
  const ToolsRendering exact =
      render_tools(Format::Copilot, {ToolMode::Allow, {"edit", "multiedit", "write"}});
  ASSERT_TRUE(exact.value && exact.value->is_list());
  ASSERT_EQ(exact.value->items.size(), 1u);
  EXPECT_EQ(exact.value->items[0].scalar, "edit");
  EXPECT_FALSE(exact.widened);
  const ToolsRendering wide = render_tools(Format::Copilot, {ToolMode::Allow, {"multiedit"}});
  EXPECT_TRUE(wide.widened);
  const ToolsRendering single = render_tools(Format::Copilot, {ToolMode::Allow, {"edit"}});
  EXPECT_EQ(single.value->items[0].scalar, "editFiles");
  EXPECT_FALSE(single.widened);
  const ToolsRendering none = render_tools(Format::Copilot, {ToolMode::Allow, {"patch"}});
  EXPECT_EQ(none.inexpressible, (std::vector<std::string>{"patch"}));
}

// Rendering an allowlist and reading it back gives the same set, for every
// format, when nothing was widened or inexpressible.
TEST(RenderTools, RoundTripsThroughEachFormat) {
  const ToolSet set{ToolMode::Allow, {"glob", "grep", "read", "shell", "webfetch"}};
  for (Format f : {Format::Claude, Format::Opencode, Format::Gemini, Format::Qwen}) {
    const ToolsRendering r = render_tools(f, set);
    ASSERT_TRUE(r.value.has_value()) << to_string(f);
    EXPECT_FALSE(r.widened) << to_string(f);
    FrontmatterEntry e{"tools", *r.value, 1, 1, EntryOrigin::Strict};
    std::vector<Diagnostic> diags;
    EXPECT_EQ(tool_set_from_frontmatter(f, &e, nullptr, "a.md", diags), set) << to_string(f);
  }
}

// Cursor's `readonly: true` takes the modifying tools away, whatever the
// tools entry said (before, such a file read as "all tools").
TEST(Readonly, TakesModifyingToolsAway) {
  auto all = parse_agent("---\nname: a\ndescription: d\nreadonly: true\n---\nBody\n",
                         ".cursor/agents/a.md");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->tools.mode, ToolMode::AllBut);
  for (auto id : modifying_tools()) EXPECT_FALSE(all->tools.allows(id)) << id;
  EXPECT_TRUE(all->tools.allows("read"));
  auto listed = parse_agent("---\nname: a\ndescription: d\ntools: Read, Write, Bash\nreadonly: yes\n---\n",
                            "a.md");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->tools, (ToolSet{ToolMode::Allow, {"read"}}));
  auto off = parse_agent("---\nname: a\ndescription: d\nreadonly: false\n---\n", "a.md");
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(off->tools.mode, ToolMode::All);
}

// Claude Code's Task tool is now Agent: both names are one tool.
TEST(Vocabulary, TaskAndAgentAreOneClaudeTool) {
  auto old_name = parse_agent("---\nname: a\ndescription: d\ntools: Read, Task\n---\n", "a.md");
  auto new_name = parse_agent("---\nname: a\ndescription: d\ntools: Read, Agent\n---\n", "a.md");
  ASSERT_TRUE(old_name.ok() && new_name.ok());
  EXPECT_EQ(old_name->tools, new_name->tools);
  EXPECT_TRUE(new_name->tools.allows("task"));
}

}  // namespace
}  // namespace agentmerge
