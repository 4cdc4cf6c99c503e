// Canonical frontmatter: key order, quoting rules, tools in the native shape
// and the round trip parse(emit(x)) == x.
#include <gtest/gtest.h>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

AgentFile parse(std::string_view text, std::string_view name = "a.md") {
  auto r = parse_agent(text, name);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  return r.ok() ? *r : AgentFile{};
}

std::string emit_fm(const AgentFile& f, Format target = Format::Unknown) {
  std::vector<Diagnostic> notes;
  return emit_frontmatter(f, target, notes);
}

TEST(EmitFrontmatter, ClaudeKeyOrderThenUnknownKeysInSourceOrder) {
  const AgentFile f = parse(
      "---\nzeta: 1\ntools: Read, Bash\ncolor: red\nname: api\nalpha: x\ndescription: d\n---\n");
  EXPECT_EQ(emit_fm(f),
            "---\nname: api\ndescription: d\ntools: Bash, Read\ncolor: red\nzeta: 1\nalpha: x\n---\n");
}

TEST(EmitFrontmatter, LineBreaksBecomeOneDoubleQuotedLine) {
  const AgentFile f =
      parse("---\nname: a\ndescription: Use it: now.\\n\\n<example>\\\"x\\\"</example>\n---\n");
  std::vector<Diagnostic> notes;
  const std::string out = emit_frontmatter(f, Format::Unknown, notes);
  EXPECT_EQ(out,
            "---\nname: a\ndescription: \"Use it: now.\\n\\n<example>\\\"x\\\"</example>\"\n---\n");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code, "lenient-requoted");
  // Strict YAML now reads the text the author meant.
  const AgentFile back = parse(out);
  EXPECT_EQ(back.frontmatter.mode, FrontmatterMode::Strict);
  EXPECT_EQ(back.description(), "Use it: now.\n\n<example>\"x\"</example>");
}

TEST(EmitYamlValue, PlainOnlyWhenAStrictParserReadsItBack) {
  EXPECT_EQ(emit_yaml_value(Value::string("backend architect"), 0), "backend architect");
  EXPECT_EQ(emit_yaml_value(Value::string("a: b"), 0), "'a: b'");
  EXPECT_EQ(emit_yaml_value(Value::string("yes"), 0), "'yes'");
  EXPECT_EQ(emit_yaml_value(Value::string("0.2"), 0), "'0.2'");
  EXPECT_EQ(emit_yaml_value(Value::string("*"), 0), "'*'");
  EXPECT_EQ(emit_yaml_value(Value::string("it's # here"), 0), "'it''s # here'");
  EXPECT_EQ(emit_yaml_value(Value::string("tab\there"), 0), "\"tab\\there\"");
  EXPECT_EQ(emit_yaml_value(Value::string(""), 0), "''");
  EXPECT_EQ(emit_yaml_value(Value::number("0.2"), 0), "0.2");
  EXPECT_EQ(emit_yaml_value(Value::null(), 0), "");
}

TEST(EmitYamlValue, CollectionsInFlowOrBlockStyle) {
  Value flow = Value::list({Value::string("read"), Value::string("a, b")});
  flow.style = ValueStyle::FlowSequence;
  EXPECT_EQ(emit_yaml_value(flow, 2), "[read, 'a, b']");
  const Value block = Value::map({"*", "bash"}, {Value::boolean(false), Value::boolean(true)});
  EXPECT_EQ(emit_yaml_value(block, 2), "\n  '*': false\n  bash: true");
  EXPECT_EQ(emit_yaml_value(Value::list({}), 2), "[]");
}

TEST(EmitFrontmatter, ToolsInTheTargetsNativeShape) {
  const AgentFile f = parse("---\nname: a\ndescription: d\ntools: Read, Bash\n---\n");
  EXPECT_EQ(emit_fm(f, Format::Opencode),
            "---\nname: a\ndescription: d\ntools:\n  '*': false\n  bash: true\n  read: true\n---\n");
  EXPECT_EQ(emit_fm(f, Format::Copilot), "---\nname: a\ndescription: d\ntools: [execute, read]\n---\n");
  EXPECT_EQ(emit_fm(f, Format::Gemini),
            "---\nname: a\ndescription: d\ntools:\n  - run_shell_command\n  - read_file\n---\n");
}

TEST(EmitFrontmatter, AWideningIsReportedWhenConverting) {
  const AgentFile f = parse("---\ndescription: d\nmode: subagent\ntools:\n  bash: false\n---\n");
  ASSERT_EQ(f.tools.mode, ToolMode::AllBut);
  std::vector<Diagnostic> notes;
  const std::string out = emit_frontmatter(f, Format::Claude, notes);
  EXPECT_EQ(out.find("tools"), std::string::npos);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes.back().code, "tools-widened");
}

TEST(EmitFrontmatter, SameFormatKeepsAToolsValueItCannotReproduce) {
  const AgentFile f =
      parse("---\ndescription: d\nmode: subagent\ntools:\n  write: true\n  bash: true\n---\n");
  ASSERT_EQ(f.tools.mode, ToolMode::All);
  EXPECT_EQ(emit_fm(f),
            "---\ndescription: d\nmode: subagent\ntools:\n  write: true\n  bash: true\n---\n");
}

TEST(EmitFrontmatter, NothingForAFileWithoutFrontmatter) {
  EXPECT_EQ(emit_fm(parse("# Title\n")), "");
  EXPECT_EQ(emit_fm(parse("---\n---\nx\n")), "---\n---\n");
}

TEST(EmitFrontmatter, RoundTripKeepsEntriesAndTools) {
  const AgentFile f = parse(
      "---\nname: \"C# Expert\"\ndescription: 'Review: code'\nmodel: GPT-4.1\n"
      "tools: ['codebase', 'edit/editFiles', 'github/*']\nhandoffs:\n  - label: Plan\n"
      "    agent: planner\n    send: false\nx: [1, {a: b}]\n---\n",
      "a.agent.md");
  const AgentFile back = parse(emit_fm(f) + "\n", "a.agent.md");
  EXPECT_EQ(back.frontmatter.mode, FrontmatterMode::Strict);
  EXPECT_EQ(back.tools, f.tools);
  ASSERT_EQ(back.frontmatter.entries.size(), f.frontmatter.entries.size());
  for (const auto& e : f.frontmatter.entries) {
    const FrontmatterEntry* b = back.frontmatter.find(e.key);
    ASSERT_NE(b, nullptr) << e.key;
    if (e.key != "tools") {
      EXPECT_EQ(b->value, e.value) << e.key;
    }
  }
}

}  // namespace
}  // namespace agentmerge
