// parse_agent's limits on hostile input: YAML aliases that expand to
// millions of values, nesting past --max-nesting, UTF-16 files.
#include <gtest/gtest.h>

#include <string>

#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

// Levels of ten aliases each: "a0" holds ten values, "aN" ten copies of
// a(N-1), so the whole frontmatter stands for 10^(levels) values.
std::string alias_levels(int levels) {
  std::string s = "---\nname: bomb\ndescription: d\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n";
  for (int i = 1; i < levels; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    s.append("a").append(std::to_string(i)).append(": &a").append(std::to_string(i));
    s.append(" [");
    for (int k = 0; k < 10; ++k) s.append(k == 0 ? "" : ",").append(prev);
    s.append("]\n");
  }
  s.append("---\nbody\n");
  return s;
}

TEST(ParseLimits, AnAliasBombIsRefusedAtTheEntryThatExpandsPastTheCap) {
  auto r = parse_agent(alias_levels(9), "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "yaml-too-large");
  // a0..a2 hold 10 + 100 + 1,000 values (+ their lists); a3 holds 10,000.
  EXPECT_EQ(r.error().line, 7);
  EXPECT_EQ(r.error().file, "a.md");
}

TEST(ParseLimits, AliasesWithinTheCapAreExpandedAsBefore) {
  auto r = parse_agent(alias_levels(3), "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const FrontmatterEntry* a2 = r->frontmatter.find("a2");
  ASSERT_NE(a2, nullptr);
  ASSERT_EQ(a2->value.items.size(), 10U);
  EXPECT_EQ(a2->value.items[9].items.size(), 10U);
}

TEST(ParseLimits, TheValueCapIsAnOption) {
  ParseOptions o;
  o.max_yaml_values = 3;
  auto r = parse_agent("---\nname: a\ndescription: d\ntools: [Read, Grep]\n---\nb\n", "a.md", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "yaml-too-large");
  o.max_yaml_values = 5;
  EXPECT_TRUE(parse_agent("---\nname: a\ndescription: d\ntools: [Read, Grep]\n---\nb\n", "a.md", o)
                  .ok());
}

TEST(ParseLimits, DeepFrontmatterValuesAreRefusedWithTheirLine) {
  std::string deep = "---\nname: a\ndescription: d\ntools: ";
  deep.append(100, '[').append("Read").append(100, ']').append("\n---\nb\n");
  auto r = parse_agent(deep, "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "too-deep");
  EXPECT_EQ(r.error().line, 4);
  ParseOptions o;
  o.max_nesting = 200;
  EXPECT_TRUE(parse_agent(deep, "a.md", o).ok());
}

TEST(ParseLimits, DeepListsAreRefusedAtTheFirstItemTooDeep) {
  std::string body = "---\nname: a\ndescription: d\n---\n";
  for (int i = 0; i < 200; ++i) body.append(static_cast<std::size_t>(2 * i), ' ').append("- x\n");
  auto r = parse_agent(body, "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "too-deep");
  // Each level is a list and an item: the 33rd item is the 65th container.
  EXPECT_EQ(r.error().line, 5 + 32);
}

TEST(ParseLimits, OrdinaryNestingIsAccepted) {
  const std::string body =
      "---\nname: a\ndescription: d\npermission:\n  bash:\n    \"git *\": allow\n---\n"
      "- a\n  - b\n    - c\n      > quote\n      > - d\n";
  auto r = parse_agent(body, "a.md");
  EXPECT_TRUE(r.ok()) << r.error().to_string();
}

TEST(ParseLimits, Utf16IsNamedAsSuch) {
  for (std::string_view bom : {std::string_view("\xFF\xFE", 2), std::string_view("\xFE\xFF", 2)}) {
    std::string text(bom);
    text.append(std::string("-\0-\0-\0\n\0", 8));
    auto r = parse_agent(text, "a.md");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "utf16");
    EXPECT_EQ(r.error().line, 1);
  }
}


// ------------------------------------------------------- YAML merge keys --

TEST(YamlMergeKeys, AMergedGrantIsKeptNotDropped) {
  // Dropping "<<" would leave no tools key: the grant would widen from Read
  // to every tool.
  auto r = parse_agent("---\nname: a\ndescription: d\n<<: {tools: Read}\n---\nb\n", "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const FrontmatterEntry* tools = r->frontmatter.find("tools");
  ASSERT_NE(tools, nullptr);
  EXPECT_EQ(tools->value.scalar, "Read");
  EXPECT_EQ(r->frontmatter.find("<<"), nullptr);
}

TEST(YamlMergeKeys, OwnKeysWinThenEarlierMaps) {
  const char* text =
      "---\nbase: &b {tools: Read, model: haiku, color: red}\nmore: &m {model: opus, x: 1}\n"
      "name: a\ndescription: d\nmodel: sonnet\n<<: [*m, *b]\n---\nbody\n";
  auto r = parse_agent(text, "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->frontmatter.find("model")->value.scalar, "sonnet");
  EXPECT_EQ(r->frontmatter.find("tools")->value.scalar, "Read");
  EXPECT_EQ(r->frontmatter.find("x")->value.scalar, "1");
  EXPECT_EQ(r->frontmatter.find("color")->value.scalar, "red");
}

TEST(YamlMergeKeys, NestedMapsMergeToo) {
  auto r = parse_agent(
      "---\nname: a\ndescription: d\nd: &d {bash: deny}\npermission: {<<: *d, edit: deny}\n"
      "---\nb\n",
      "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const Value& p = r->frontmatter.find("permission")->value;
  ASSERT_NE(p.find("bash"), nullptr);
  EXPECT_EQ(p.find("bash")->scalar, "deny");
  EXPECT_EQ(p.find("<<"), nullptr);
}

TEST(YamlMergeKeys, AMergeOfANonMapIsRefused) {
  auto r = parse_agent("---\nname: a\ndescription: d\n<<: Read\n---\nb\n", "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "yaml-merge-key");
  EXPECT_EQ(r.error().line, 4);
}

TEST(YamlMergeKeys, AMergeKeyInLenientYamlIsRefused) {
  auto r = parse_agent(
      "---\nname: a\ndescription: Use when: things break\n<<: {tools: Read}\n---\nb\n", "a.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "yaml-merge-key");
  EXPECT_EQ(r.error().line, 4);
}

TEST(YamlMergeKeys, AQuotedKeyIsAnOrdinaryKey) {
  auto r = parse_agent("---\nname: a\ndescription: d\n\"<<\": x\n---\nb\n", "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_NE(r->frontmatter.find("<<"), nullptr);
}

// ------------------------------------------------------------- YAML tags --

TEST(YamlTags, TagsThatWouldBeLostAreRefusedWithTheirLine) {
  for (const char* tagged : {"!!python/object/apply:os.system [ls]", "!custom x", "!!int \"12\"",
                             "!!binary aGVsbG8=", "!!set {a, b}"}) {
    auto r = parse_agent(std::string("---\nname: a\ndescription: d\ncolor: ") + tagged +
                             "\n---\nb\n",
                         "a.md");
    ASSERT_FALSE(r.ok()) << tagged;
    EXPECT_EQ(r.error().code, "yaml-tag") << tagged;
    EXPECT_EQ(r.error().line, 4) << tagged;
    EXPECT_EQ(r.error().file, "a.md");
  }
}

TEST(YamlTags, StrTagsAreStringsAndKept) {
  auto r = parse_agent("---\nname: a\ndescription: !!str 12\n---\nb\n", "a.md");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const FrontmatterEntry* d = r->frontmatter.find("description");
  EXPECT_TRUE(d->value.is_string());
  EXPECT_EQ(d->value.scalar, "12");
}

}  // namespace
}  // namespace agentmerge
