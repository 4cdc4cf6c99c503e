// Conversion: key, model and tool mapping; never widening a tool grant;
// reporting what the target cannot express; claude -> opencode -> claude.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "agentmerge/convert.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/tools.hpp"

namespace agentmerge {
namespace {

AgentFile parsed(const std::string& text, const std::string& name, Format format) {
  ParseOptions o;
  o.format = format;
  auto r = parse_agent(text, name, o);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : AgentFile{};
}

ConvertResult converted(const AgentFile& f, Format to) {
  auto r = convert(f, to);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : ConvertResult{};
}

// The tool set the converted text grants when read back as the target.
ToolSet read_back(const ConvertResult& r, Format format) {
  return parsed(r.text, r.file_name, format).tools;
}

bool has_note(const ConvertResult& r, const std::string& code) {
  return std::any_of(r.notes.begin(), r.notes.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

const char* kReadOnly =
    "---\nname: reader\ndescription: Reads.\ntools: Read\nmodel: sonnet\ncolor: blue\n---\n\n"
    "You read.\n";

// ---------------------------------------------------------------- models --

TEST(MapModel, TableAndPrefixRules) {
  EXPECT_EQ(map_model(Format::Claude, Format::Opencode, "sonnet"),
            std::optional<std::string>("anthropic/claude-sonnet-4-5"));
  EXPECT_EQ(map_model(Format::Opencode, Format::Claude, "anthropic/claude-sonnet-4-5"),
            std::optional<std::string>("sonnet"));
  EXPECT_EQ(map_model(Format::Claude, Format::Opencode, "claude-3-7-sonnet-20250219"),
            std::optional<std::string>("anthropic/claude-3-7-sonnet-20250219"));
  EXPECT_EQ(map_model(Format::Opencode, Format::Claude, "anthropic/claude-3-7-sonnet-20250219"),
            std::optional<std::string>("claude-3-7-sonnet-20250219"));
  EXPECT_EQ(map_model(Format::Copilot, Format::Opencode, "'gpt-4.1'"),
            std::optional<std::string>("openai/gpt-4.1"));
  EXPECT_EQ(map_model(Format::Copilot, Format::Claude, "Claude Sonnet 4.5 (copilot)"),
            std::optional<std::string>("sonnet"));
  EXPECT_EQ(map_model(Format::Gemini, Format::Opencode, "gemini-2.5-flash"),
            std::optional<std::string>("google/gemini-2.5-flash"));
  EXPECT_EQ(map_model(Format::Claude, Format::Claude, "whatever"),
            std::optional<std::string>("whatever"));
}

TEST(MapModel, UnknownEquivalentsAreNotGuessed) {
  EXPECT_FALSE(map_model(Format::Copilot, Format::Claude, "GPT-4.1"));
  EXPECT_FALSE(map_model(Format::Claude, Format::Gemini, "sonnet"));
  EXPECT_FALSE(map_model(Format::Opencode, Format::Claude, "openai/gpt-5"));
  EXPECT_FALSE(map_model(Format::Claude, Format::Qwen, "opus"));
}

// ------------------------------------------------------------------ keys --

TEST(MapKey, FormatOwnKeysHaveNoPlaceElsewhere) {
  EXPECT_FALSE(map_key(Format::Claude, Format::Opencode, "color"));
  EXPECT_FALSE(map_key(Format::Opencode, Format::Claude, "mode"));
  EXPECT_FALSE(map_key(Format::Opencode, Format::Claude, "temperature"));
  EXPECT_EQ(map_key(Format::Opencode, Format::Gemini, "temperature"),
            std::optional<std::string>("temperature"));
  EXPECT_EQ(map_key(Format::Opencode, Format::Gemini, "temperature"),
            std::optional<std::string>("temperature"));
  EXPECT_FALSE(map_key(Format::Copilot, Format::Claude, "argument-hint"));
  EXPECT_FALSE(map_key(Format::Claude, Format::Opencode, "name"));
}

TEST(MapKey, KeysNoFormatClaimsAreKept) {
  EXPECT_EQ(map_key(Format::Claude, Format::Opencode, "category"),
            std::optional<std::string>("category"));
}

TEST(Convert, ReportsEveryDroppedKeyWithItsLine) {
  const auto r = converted(parsed(kReadOnly, "reader.md", Format::Claude), Format::Opencode);
  const auto it = std::find_if(r.notes.begin(), r.notes.end(),
                               [](const Diagnostic& d) { return d.code == "key-dropped"; });
  ASSERT_NE(it, r.notes.end());
  EXPECT_EQ(it->line, 6);
  EXPECT_EQ(it->severity, Severity::Warning);
  EXPECT_NE(it->message.find("color"), std::string::npos);
  EXPECT_TRUE(r.lossy());
  EXPECT_EQ(r.text.find("color"), std::string::npos);
}

// ----------------------------------------------------------------- tools --

TEST(Convert, ReadOnlyClaudeStaysReadOnlyInOpencode) {
  const auto r = converted(parsed(kReadOnly, "reader.md", Format::Claude), Format::Opencode);
  // Deny by default, then the one allowed tool: never all tools.
  EXPECT_NE(r.text.find("'*': false"), std::string::npos) << r.text;
  EXPECT_EQ(read_back(r, Format::Opencode), (ToolSet{ToolMode::Allow, {"read"}}));
  EXPECT_FALSE(has_note(r, "tools-widened"));
}

TEST(Convert, ToolSetsMapAcrossFormats) {
  const AgentFile src = parsed(
      "---\nname: dev\ndescription: Builds.\ntools: Read, Write, Bash\n---\n\nBody.\n", "dev.md",
      Format::Claude);
  const ToolSet want{ToolMode::Allow, {"read", "shell", "write"}};
  ASSERT_EQ(src.tools, want);
  for (Format to : {Format::Opencode, Format::Gemini, Format::Qwen}) {
    SCOPED_TRACE(std::string(to_string(to)));
    const auto r = converted(src, to);
    EXPECT_EQ(read_back(r, to), want) << r.text;
  }
  const auto gem = converted(src, Format::Gemini);
  for (const char* name : {"read_file", "write_file", "run_shell_command"})
    EXPECT_NE(gem.text.find(name), std::string::npos) << gem.text;
}

TEST(Convert, CopilotCoarseAliasIsNotWidenedWhenMappedBack) {
  // Copilot `edit` grants several neutral tools; whatever the target writes
  // must not grant more than that.
  const AgentFile src = parsed("---\nname: ed\ndescription: Edits.\ntools: ['read', 'edit']\n---\n\nB.\n",
                               "ed.agent.md", Format::Copilot);
  for (Format to : {Format::Claude, Format::Opencode, Format::Gemini}) {
    SCOPED_TRACE(std::string(to_string(to)));
    const auto r = converted(src, to);
    const ToolSet back = read_back(r, to);
    EXPECT_EQ(back.mode, ToolMode::Allow);
    for (const std::string& id : back.tools) EXPECT_TRUE(src.tools.allows(id)) << id;
    EXPECT_FALSE(has_note(r, "tools-widened"));
  }
}

TEST(Convert, NoToolsStaysNoTools) {
  const AgentFile src = parsed("---\ndescription: Talks.\ntools:\n  \"*\": false\n---\n\nB.\n",
                               "talker.md", Format::Opencode);
  ASSERT_EQ(src.tools.mode, ToolMode::None);
  for (Format to : {Format::Claude, Format::Copilot, Format::Gemini}) {
    SCOPED_TRACE(std::string(to_string(to)));
    const auto r = converted(src, to);
    EXPECT_EQ(read_back(r, to).mode, ToolMode::None) << r.text;
  }
}

TEST(Convert, InexpressibleToolIsReportedAndNotGranted) {
  // MultiEdit has no opencode name: the allowlist loses it, with a note.
  const AgentFile src = parsed(
      "---\nname: m\ndescription: D.\ntools: Read, MultiEdit\n---\n\nB.\n", "m.md", Format::Claude);
  const auto r = converted(src, Format::Opencode);
  ASSERT_TRUE(has_note(r, "tool-inexpressible"));
  EXPECT_EQ(read_back(r, Format::Opencode), (ToolSet{ToolMode::Allow, {"read"}}));
}

TEST(Convert, UnknownNameThatMeansARealToolElsewhereIsNotGranted) {
  // 'websearch' is no Copilot tool (it grants nothing there) but is a real
  // opencode tool: writing it as is would widen the grant.
  const AgentFile src = parsed(
      "---\nname: w\ndescription: D.\ntools: ['read', 'websearch']\n---\n\nB.\n", "w.agent.md",
      Format::Copilot);
  ASSERT_FALSE(src.tools.allows("websearch"));
  const auto r = converted(src, Format::Opencode);
  EXPECT_FALSE(read_back(r, Format::Opencode).allows("websearch")) << r.text;
  EXPECT_TRUE(has_note(r, "tool-would-widen"));
}

TEST(Convert, AllButForAFormatThatCannotDenyBecomesNarrower) {
  const AgentFile src = parsed("---\ndescription: Reviews.\ntools:\n  bash: false\n---\n\nB.\n",
                               "rev.md", Format::Opencode);
  ASSERT_EQ(src.tools, (ToolSet{ToolMode::AllBut, {"shell"}}));
  const auto r = converted(src, Format::Claude);
  const ToolSet back = read_back(r, Format::Claude);
  EXPECT_FALSE(back.allows("shell")) << r.text;
  EXPECT_TRUE(back.allows("read")) << r.text;
  EXPECT_FALSE(has_note(r, "tools-widened"));
}

TEST(Convert, PermissionPatternsNarrowInsteadOfWiden) {
  const AgentFile src = parsed(
      "---\ndescription: Git helper.\ntools:\n  \"*\": false\n  read: true\n"
      "permission:\n  bash:\n    \"git log*\": allow\n---\n\nB.\n",
      "git.md", Format::Opencode);
  ASSERT_TRUE(src.tools.allows("shell"));
  const auto r = converted(src, Format::Claude);
  EXPECT_TRUE(has_note(r, "tool-limit-inexpressible"));
  EXPECT_FALSE(read_back(r, Format::Claude).allows("shell")) << r.text;
}

// ------------------------------------------------------- names and files --

TEST(Convert, FileNamesFollowTheTargetConvention) {
  const AgentFile src = parsed(kReadOnly, "x/reader.md", Format::Claude);
  EXPECT_EQ(converted(src, Format::Copilot).file_name, "reader.agent.md");
  EXPECT_EQ(converted(src, Format::Opencode).file_name, "reader.md");
  EXPECT_EQ(converted(src, Format::Gemini).file_name, "reader.md");
}

TEST(Convert, UnsafeNameIsAnErrorNotAPath) {
  const AgentFile src = parsed("---\nname: ../..\ndescription: D.\n---\n\nB.\n", "x.md",
                               Format::Claude);
  auto r = convert(src, Format::Copilot);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "unsafe-name");
  const AgentFile evil = parsed("---\nname: ../evil\ndescription: D.\n---\n\nB.\n", "x.md",
                                Format::Claude);
  EXPECT_EQ(converted(evil, Format::Copilot).file_name, "evil.agent.md");
}

TEST(Convert, UnknownTargetIsRefused) {
  auto r = convert(parsed(kReadOnly, "r.md", Format::Claude), Format::Unknown);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "bad-target");
}

// ------------------------------------------------------------ round trip --

TEST(Convert, ClaudeOpencodeClaudeKeepsNameDescriptionBodyAndTools) {
  const std::string text =
      "---\nname: api-designer\ndescription: Designs HTTP APIs. Use for endpoint reviews.\n"
      "tools: Read, Grep, Glob, WebFetch\nmodel: opus\n---\n\n# API Designer\n\n"
      "## Focus\n\n- **REST**: resources, verbs\n- Pagination\n\n```json\n{\"a\": 1}\n```\n";
  const AgentFile a = parsed(text, "api-designer.md", Format::Claude);
  const auto oc = converted(a, Format::Opencode);
  const AgentFile mid = parsed(oc.text, oc.file_name, Format::Opencode);
  const auto back = converted(mid, Format::Claude);
  const AgentFile b = parsed(back.text, back.file_name, Format::Claude);
  EXPECT_EQ(b.name(), a.name());
  EXPECT_EQ(b.description(), a.description());
  EXPECT_EQ(emit_body(b.body), emit_body(a.body));
  EXPECT_EQ(b.tools, a.tools);
  EXPECT_EQ(b.frontmatter.get_string("model"), a.frontmatter.get_string("model"));
}

}  // namespace
}  // namespace agentmerge
