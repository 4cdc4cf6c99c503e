// Codex (TOML) and Kiro (JSON) targets: the documents parse back with toml++
// and nlohmann-json and keep every character of the strings (quotes,
// backslashes, newlines, `"""`); tool grants are never widened without a
// warning; read_external brings name, description, body and tools back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "agentmerge/convert.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

AgentFile parsed(const std::string& text, const std::string& name) {
  auto r = parse_agent(text, name);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : AgentFile{};
}

ConvertResult converted(const AgentFile& f, ExternalFormat to) {
  auto r = convert(f, to);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : ConvertResult{};
}

AgentFile read_back(const ConvertResult& r, ExternalFormat f) {
  auto back = read_external(r.text, r.file_name, f);
  EXPECT_TRUE(back) << back.error().to_string();
  return back ? *back : AgentFile{};
}

bool has_note(const std::vector<Diagnostic>& notes, const std::string& code) {
  return std::any_of(notes.begin(), notes.end(), [&](const Diagnostic& d) { return d.code == code; });
}

// Every character a TOML or JSON string must escape, in the description
// (one line) and in the body (many lines, with `"""` and a code block).
const char* kTricky =
    "---\n"
    "name: tricky\n"
    "description: 'He said \"hi\" \\ and left: C:\\temp\\new'\n"
    "tools: Read, Grep\n"
    "---\n"
    "\n"
    "# Quotes\n"
    "\n"
    "Say \"hi\", then '''single''' and \"\"\"triple\"\"\" and \"\"\"\"\" five.\n"
    "\n"
    "```python\n"
    "s = \"\"\"doc \\\"\"\" \\\\ end\"\"\"\n"
    "path = 'C:\\\\new\\\\table'\n"
    "```\n"
    "\n"
    "A trailing backslash \\\n"
    "and a\ttab.\n";

const std::string kTrickyDescription = "He said \"hi\" \\ and left: C:\\temp\\new";

TEST(ConvertExternal, CodexTomlParsesBackWithEveryCharacter) {
  const AgentFile src = parsed(kTricky, ".claude/agents/tricky.md");
  ASSERT_EQ(src.description(), kTrickyDescription);
  const ConvertResult r = converted(src, ExternalFormat::Codex);
  EXPECT_EQ(r.file_name, "tricky.toml");
  toml::table t;
  ASSERT_NO_THROW(t = toml::parse(r.text)) << r.text;
  EXPECT_EQ(t["name"].value<std::string>(), "tricky");
  EXPECT_EQ(t["description"].value<std::string>(), kTrickyDescription);
  EXPECT_EQ(t["developer_instructions"].value<std::string>(), emit_body(src.body));
  EXPECT_EQ(t["sandbox_mode"].value<std::string>(), "read-only");
  EXPECT_NE(r.text.find("developer_instructions = \"\"\""), std::string::npos)
      << "the body is a multi-line string:\n" << r.text;
}

TEST(ConvertExternal, KiroJsonParsesBackWithEveryCharacter) {
  const AgentFile src = parsed(kTricky, ".claude/agents/tricky.md");
  const ConvertResult r = converted(src, ExternalFormat::Kiro);
  EXPECT_EQ(r.file_name, "tricky.json");
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(r.text)) << r.text;
  EXPECT_EQ(j["name"], "tricky");
  EXPECT_EQ(j["description"], kTrickyDescription);
  EXPECT_EQ(j["prompt"], emit_body(src.body));
  EXPECT_EQ(j["tools"], nlohmann::json::array({"read", "grep"}));
}

TEST(ConvertExternal, ReadBackKeepsNameDescriptionBodyAndTools) {
  const AgentFile src = parsed(kTricky, ".claude/agents/tricky.md");
  const AgentFile kiro = read_back(converted(src, ExternalFormat::Kiro), ExternalFormat::Kiro);
  EXPECT_EQ(kiro.format, Format::Claude);
  EXPECT_EQ(kiro.name(), "tricky");
  EXPECT_EQ(kiro.description(), kTrickyDescription);
  EXPECT_EQ(emit_body(kiro.body), emit_body(src.body));
  EXPECT_EQ(kiro.tools, src.tools);
  const AgentFile codex = read_back(converted(src, ExternalFormat::Codex), ExternalFormat::Codex);
  EXPECT_EQ(codex.name(), "tricky");
  EXPECT_EQ(codex.description(), kTrickyDescription);
  EXPECT_EQ(emit_body(codex.body), emit_body(src.body));
}

TEST(ConvertExternal, KiroNeverWidensACoarseName) {
  // Kiro's "write" both creates and edits files: an agent that may only edit
  // does not get it.
  const AgentFile src =
      parsed("---\nname: e\ndescription: d\ntools: Read, Edit\n---\nx\n", ".claude/agents/e.md");
  const ConvertResult r = converted(src, ExternalFormat::Kiro);
  EXPECT_EQ(nlohmann::json::parse(r.text)["tools"], nlohmann::json::array({"read"}));
  EXPECT_TRUE(has_note(r.notes, "tool-would-widen"));
  EXPECT_EQ(r.converted.tools, (ToolSet{ToolMode::Allow, {"read"}}));
  // Edit and Write together are exactly "write".
  const AgentFile both = parsed("---\nname: e\ndescription: d\ntools: Edit, Write\n---\nx\n",
                                ".claude/agents/e.md");
  const ConvertResult w = converted(both, ExternalFormat::Kiro);
  EXPECT_EQ(nlohmann::json::parse(w.text)["tools"], nlohmann::json::array({"write"}));
  EXPECT_FALSE(w.lossy());
}

TEST(ConvertExternal, KiroAllButBecomesANarrowerAllowlist) {
  const AgentFile src = parsed("---\ndescription: d\ntools:\n  bash: false\n---\nx\n",
                               ".opencode/agent/no-shell.md");
  ASSERT_EQ(src.tools.mode, ToolMode::AllBut);
  const ConvertResult r = converted(src, ExternalFormat::Kiro);
  EXPECT_TRUE(has_note(r.notes, "tools-narrowed"));
  EXPECT_FALSE(r.converted.tools.allows("shell"));
  EXPECT_TRUE(r.converted.tools.allows("read"));
  const auto tools = nlohmann::json::parse(r.text)["tools"];
  EXPECT_EQ(std::count(tools.begin(), tools.end(), "shell"), 0);
}

TEST(ConvertExternal, CodexReportsTheShellItCannotTakeAway) {
  const AgentFile src =
      parsed("---\nname: r\ndescription: d\ntools: Read\n---\nx\n", ".claude/agents/r.md");
  const ConvertResult r = converted(src, ExternalFormat::Codex);
  EXPECT_TRUE(has_note(r.notes, "tools-widened"));
  EXPECT_TRUE(r.lossy());
  // Read back, the read-only shell is not granted: Claude cannot limit Bash.
  const AgentFile back = read_back(r, ExternalFormat::Codex);
  EXPECT_FALSE(back.tools.allows("shell"));
  EXPECT_TRUE(has_note(back.diagnostics, "sandbox-inexpressible"));
}

TEST(ConvertExternal, CodexWithoutToolsKeyInheritsTheSandbox) {
  const AgentFile src = parsed("---\nname: a\ndescription: d\n---\nx\n", ".claude/agents/a.md");
  const ConvertResult r = converted(src, ExternalFormat::Codex);
  EXPECT_EQ(r.text.find("sandbox_mode"), std::string::npos);
  EXPECT_FALSE(r.lossy());
  EXPECT_EQ(read_back(r, ExternalFormat::Codex).tools.mode, ToolMode::All);
}

TEST(ConvertExternal, ModelsMapBothWays) {
  const AgentFile src = parsed("---\nname: m\ndescription: d\nmodel: sonnet\n---\nx\n",
                               ".claude/agents/m.md");
  const ConvertResult kiro = converted(src, ExternalFormat::Kiro);
  EXPECT_EQ(nlohmann::json::parse(kiro.text)["model"], "claude-sonnet-4.5");
  EXPECT_EQ(read_back(kiro, ExternalFormat::Kiro).frontmatter.get_string("model"), "sonnet");
  const ConvertResult codex = converted(src, ExternalFormat::Codex);
  EXPECT_TRUE(has_note(codex.notes, "model-unmapped"));
  EXPECT_EQ(codex.text.find("model"), std::string::npos);
}

AgentFile read_kiro_text(const std::string& json) {
  auto r = read_external(json, ".kiro/agents/k.json", ExternalFormat::Kiro);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : AgentFile{};
}

TEST(ConvertExternal, KiroToolListStates) {
  EXPECT_EQ(read_kiro_text(R"({"name": "k", "tools": ["*"]})").tools.mode, ToolMode::All);
  EXPECT_EQ(read_kiro_text(R"({"name": "k", "tools": []})").tools.mode, ToolMode::None);
  const AgentFile absent = read_kiro_text(R"({"name": "k"})");
  EXPECT_EQ(absent.tools.mode, ToolMode::None);
  EXPECT_TRUE(has_note(absent.diagnostics, "tools-absent"));
  // @builtin: every tool of the Kiro column that Claude can name.
  const AgentFile builtin = read_kiro_text(R"({"name": "k", "tools": ["@builtin"]})");
  EXPECT_EQ(builtin.tools.mode, ToolMode::Allow);
  EXPECT_TRUE(builtin.tools.allows("shell"));
  EXPECT_TRUE(builtin.tools.allows("write"));
  EXPECT_FALSE(builtin.tools.allows("mcp:github/*"));
  // Older spellings and MCP names.
  const AgentFile old = read_kiro_text(R"({"name": "k", "tools": ["fs_read", "@github/get_issue"]})");
  EXPECT_EQ(old.tools, (ToolSet{ToolMode::Allow, {"mcp:github/get_issue", "read"}}));
  EXPECT_EQ(old.frontmatter.get_string("tools"), "Read, mcp__github__get_issue");
}

TEST(ConvertExternal, ANameKiroDoesNotKnowIsNotGrantedAsAClaudeTool) {
  // "websearch" is no Kiro tool (Kiro's is web_search), but Claude would read
  // it as WebSearch: not granted, reported.
  const AgentFile f = read_kiro_text(R"({"name": "k", "tools": ["read", "websearch"]})");
  EXPECT_EQ(f.tools, (ToolSet{ToolMode::Allow, {"read"}}));
  EXPECT_TRUE(has_note(f.diagnostics, "tool-would-widen"));
}

TEST(ConvertExternal, BadDocumentsAreErrorsWithALine) {
  auto json = read_external("{\n  \"name\": \"a\",\n  oops\n}\n", "a.json", ExternalFormat::Kiro);
  ASSERT_FALSE(json);
  EXPECT_EQ(json.error().code, "bad-json");
  EXPECT_EQ(json.error().line, 3);
  auto array = read_external("[1, 2]", "a.json", ExternalFormat::Kiro);
  ASSERT_FALSE(array);
  EXPECT_EQ(array.error().code, "not-an-agent");
  auto toml = read_external("name = \"a\"\ndescription = \n", "a.toml", ExternalFormat::Codex);
  ASSERT_FALSE(toml);
  EXPECT_EQ(toml.error().code, "bad-toml");
  EXPECT_EQ(toml.error().line, 2);
}

TEST(ConvertExternal, NonAsciiOutsideTomlStringsIsRefusedBeforeTheParser) {
  // toml++ 3.3 hits an unreachable branch on such code points in token
  // positions (fuzz_readers crash-d18ba67a...); TOML allows them only in
  // strings and comments.
  for (const char* bad : {"\xef\xbb\xbe= \"x\"\n", "name = \"a\"\n\xc3\xa9 = 1\n"}) {
    auto r = read_external(bad, "a.toml", ExternalFormat::Codex);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, "bad-toml");
    EXPECT_NE(r.error().message.find("non-ASCII"), std::string::npos);
  }
  auto ok = read_external(
      "name = \"caf\xc3\xa9\" # caf\xc3\xa9\ndescription = '\xc3\xa9'\n"
      "developer_instructions = \"\"\"\n\xc3\xa9 \\\" \xc3\xa9\n\"\"\"\n",
      "a.toml", ExternalFormat::Codex);
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(ok->name(), "caf\xc3\xa9");
}

TEST(ConvertExternal, AJsonNumberOutOfRangeIsBadJsonWithItsLine) {
  // nlohmann throws out_of_range, not parse_error, here (fuzz_readers
  // crash-4f6252e9...): it must be an error value, not an exception.
  auto r = read_external("{\"name\": \"a\",\n\"x\": 2e324}", "a.json", ExternalFormat::Kiro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "bad-json");
  EXPECT_EQ(r.error().line, 2);
  EXPECT_NE(r.error().message.find("2e324"), std::string::npos);
}

TEST(ConvertExternal, FormatWordsAndPaths) {
  EXPECT_EQ(to_string(ExternalFormat::Codex), "codex");
  EXPECT_EQ(parse_external_format("kiro"), ExternalFormat::Kiro);
  EXPECT_EQ(parse_external_format("claude"), std::nullopt);
  EXPECT_EQ(external_format_from_path(".codex/agents/a.toml"), ExternalFormat::Codex);
  EXPECT_EQ(external_format_from_path(".kiro/agents/a.json"), ExternalFormat::Kiro);
  EXPECT_EQ(external_format_from_path(".claude/agents/a.md"), std::nullopt);
}

}  // namespace
}  // namespace agentmerge
