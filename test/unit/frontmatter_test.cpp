// Frontmatter fences, strict reading with styles and lines, lenient recovery,
// escape repair and duplicate keys.
#include <gtest/gtest.h>

#include "frontmatter.hpp"

namespace agentmerge::detail {
namespace {

Frontmatter read(std::string_view yaml, std::vector<Diagnostic>& diags) {
  return read_frontmatter(yaml, 2, 1, 0, "a.md", diags).value();
}

bool has_code(const std::vector<Diagnostic>& diags, std::string_view code) {
  for (const auto& d : diags)
    if (d.code == code) return true;
  return false;
}

TEST(SplitFrontmatter, AbsentWhenTheFirstLineIsNoFence) {
  auto s = split_frontmatter("# Title\n---\n", "a.md");
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->present);
  EXPECT_EQ(s->body, "# Title\n---\n");
  EXPECT_EQ(s->body_first_line, 1);
}

TEST(SplitFrontmatter, FindsBothFencesAndTheBodyLine) {
  auto s = split_frontmatter("---  \nname: a\nx: 1\n---\n\nBody\n", "a.md");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->present);
  EXPECT_EQ(s->yaml, "name: a\nx: 1\n");
  EXPECT_EQ(s->yaml_first_line, 2);
  EXPECT_EQ(s->close_line, 4);
  EXPECT_EQ(s->body, "\nBody\n");
  EXPECT_EQ(s->body_first_line, 5);
}

TEST(SplitFrontmatter, DotsCloseAndAFileMayEndAtTheFence) {
  auto s = split_frontmatter("---\nname: a\n...", "a.md");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->close_line, 3);
  EXPECT_EQ(s->body, "");
}

TEST(SplitFrontmatter, UnterminatedIsAnErrorAtTheOpeningLine) {
  for (std::string_view text : {"---\nname: a\n# Body\n", "---"}) {
    auto s = split_frontmatter(text, "a.md");
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_EQ(s.error().code, "unterminated-frontmatter");
    EXPECT_EQ(s.error().line, 1);
  }
}

TEST(ReadFrontmatter, StrictKeepsTypesStylesAndFileLines) {
  std::vector<Diagnostic> diags;
  const Frontmatter fm = read(
      "a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\nf: [x, y]\n"
      "g:\n  - z\nh:\n  k: true\nn: 0.5\no: ~\np: \"12\"\n",
      diags);
  EXPECT_EQ(fm.mode, FrontmatterMode::Strict);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(fm.entries.size(), 11u);
  const auto style = [&](const char* k) { return fm.find(k)->value.style; };
  EXPECT_EQ(style("a"), ValueStyle::Plain);
  EXPECT_EQ(style("b"), ValueStyle::SingleQuoted);
  EXPECT_EQ(style("c"), ValueStyle::DoubleQuoted);
  EXPECT_EQ(style("d"), ValueStyle::Literal);
  EXPECT_EQ(fm.find("d")->value.scalar, "lit\n");
  EXPECT_EQ(style("e"), ValueStyle::Folded);
  EXPECT_EQ(style("f"), ValueStyle::FlowSequence);
  EXPECT_EQ(style("g"), ValueStyle::BlockSequence);
  EXPECT_EQ(style("h"), ValueStyle::BlockMap);
  EXPECT_EQ(fm.find("h")->value.find("k")->kind, Value::Kind::Bool);
  EXPECT_EQ(fm.find("n")->value.kind, Value::Kind::Number);
  EXPECT_EQ(fm.find("o")->value.kind, Value::Kind::Null);
  EXPECT_EQ(fm.find("p")->value.kind, Value::Kind::String);  // quoted: not a number
  // Lines are file lines: the YAML starts on line 2.
  EXPECT_EQ(fm.find("a")->line, 2);
  EXPECT_EQ(fm.find("d")->line, 5);
  EXPECT_EQ(fm.find("d")->end_line, 6);
  EXPECT_EQ(fm.find("g")->value.items[0].line, 11);
}

TEST(ReadFrontmatter, LenientRecoversAnUnquotedColonAndRepairsEscapes) {
  std::vector<Diagnostic> diags;
  const Frontmatter fm =
      read("name: api\ndescription: Use it: for APIs.\\n\\nExample: \\\"x\\\"\nmodel: opus\n",
           diags);
  EXPECT_EQ(fm.mode, FrontmatterMode::Lenient);
  ASSERT_EQ(fm.entries.size(), 3u);
  const FrontmatterEntry* d = fm.find("description");
  EXPECT_EQ(d->origin, EntryOrigin::Lenient);
  EXPECT_EQ(d->value.style, ValueStyle::Lenient);
  EXPECT_EQ(d->value.scalar, "Use it: for APIs.\n\nExample: \"x\"");
  EXPECT_EQ(d->line, 3);
  EXPECT_EQ(fm.find("name")->origin, EntryOrigin::Strict);
  EXPECT_EQ(fm.find("model")->value.scalar, "opus");
  bool warned = false;
  for (const auto& diag : diags) {
    if (diag.code == "lenient-yaml") {
      warned = true;
      EXPECT_EQ(diag.line, 3);
      EXPECT_EQ(diag.severity, Severity::Warning);
      EXPECT_NE(diag.message.find("unquoted ': '"), std::string::npos);
    }
  }
  EXPECT_TRUE(warned);
  EXPECT_TRUE(has_code(diags, "escapes-repaired"));
}

TEST(ReadFrontmatter, LenientStillParsesNestedEntriesStrictly) {
  std::vector<Diagnostic> diags;
  const Frontmatter fm =
      read("description: a: b\n  continued here\ntools:\n  bash: false\n  read: true\n", diags);
  EXPECT_EQ(fm.mode, FrontmatterMode::Lenient);
  EXPECT_EQ(fm.find("description")->value.scalar, "a: b continued here");
  EXPECT_EQ(fm.find("description")->end_line, 3);
  const FrontmatterEntry* tools = fm.find("tools");
  ASSERT_NE(tools, nullptr);
  EXPECT_EQ(tools->origin, EntryOrigin::Strict);
  ASSERT_TRUE(tools->value.is_map());
  EXPECT_EQ(tools->value.find("bash")->scalar, "false");
  EXPECT_EQ(tools->value.find("read")->line, 6);
  EXPECT_FALSE(has_code(diags, "escapes-repaired"));
}

TEST(ReadFrontmatter, DuplicateKeysLaterWinsWithAWarning) {
  for (std::string_view yaml : {"name: a\nmodel: x\nname: b\n", "name: a\nd: x: y\nname: b\n"}) {
    std::vector<Diagnostic> diags;
    const Frontmatter fm = read(yaml, diags);
    ASSERT_EQ(fm.entries.size(), 2u) << yaml;
    EXPECT_EQ(fm.find("name")->value.scalar, "b");
    EXPECT_EQ(fm.find("name")->line, 4);
    EXPECT_EQ(fm.entries.back().key, "name");
    EXPECT_TRUE(has_code(diags, "duplicate-key"));
  }
}

TEST(ReadFrontmatter, EmptyFrontmatterIsStrictWithNoEntries) {
  std::vector<Diagnostic> diags;
  const Frontmatter fm = read("", diags);
  EXPECT_EQ(fm.mode, FrontmatterMode::Strict);
  EXPECT_TRUE(fm.entries.empty());
}

TEST(ReadFrontmatter, AScalarDocumentIsReadLeniently) {
  std::vector<Diagnostic> diags;
  const Frontmatter fm = read("just some text\n", diags);
  EXPECT_EQ(fm.mode, FrontmatterMode::Lenient);
  EXPECT_TRUE(fm.entries.empty());
  EXPECT_TRUE(has_code(diags, "strict-yaml-failed"));
}

TEST(ResolvePlain, FollowsTheCoreSchema) {
  EXPECT_EQ(resolve_plain("null"), PlainKind::Null);
  EXPECT_EQ(resolve_plain("~"), PlainKind::Null);
  EXPECT_EQ(resolve_plain("True"), PlainKind::Bool);
  EXPECT_EQ(resolve_plain("yes"), PlainKind::String);
  EXPECT_EQ(resolve_plain("0.2"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("-3"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("1e5"), PlainKind::Number);
  EXPECT_EQ(resolve_plain(".inf"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("4.1.2"), PlainKind::String);
  EXPECT_EQ(resolve_plain("GPT-4.1"), PlainKind::String);
  EXPECT_EQ(resolve_plain(""), PlainKind::Null);
  EXPECT_EQ(resolve_plain("0x1F"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("0o17"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("0o19"), PlainKind::String);
  EXPECT_EQ(resolve_plain("+.5"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("3."), PlainKind::Number);
  EXPECT_EQ(resolve_plain("."), PlainKind::String);
  EXPECT_EQ(resolve_plain("-.INF"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("1e"), PlainKind::String);
  EXPECT_EQ(resolve_plain("1E-3"), PlainKind::Number);
  EXPECT_EQ(resolve_plain("-"), PlainKind::String);
}

// A value of tens of thousands of digits once overflowed the stack inside
// std::regex: it resolves in one linear scan now.
TEST(ResolvePlain, HugeNumbersResolveWithoutRecursion) {
  std::string digits(30000, '1');
  EXPECT_EQ(resolve_plain(digits), PlainKind::Number);
  digits.front() = '-';
  EXPECT_EQ(resolve_plain(digits), PlainKind::Number);
  digits.back() = 'x';
  EXPECT_EQ(resolve_plain(digits), PlainKind::String);
}

TEST(RepairEscapes, OnlyWhenTheTextHoldsALineBreakEscape) {
  std::string path = "C:\\temp\\table";  // \t alone: a path, left as written
  EXPECT_FALSE(repair_escapes(path));
  EXPECT_EQ(path, "C:\\temp\\table");
  std::string text = "a\\nb\\tc \\\"q\\\" \\\\ \\d";
  EXPECT_TRUE(repair_escapes(text));
  EXPECT_EQ(text, "a\nb\tc \"q\" \\ \\d");
}

}  // namespace
}  // namespace agentmerge::detail
