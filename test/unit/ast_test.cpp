#include <gtest/gtest.h>

#include "agentmerge/ast.hpp"

namespace agentmerge {
namespace {

TEST(Format, NamesRoundTrip) {
  for (Format f : {Format::Claude, Format::Opencode, Format::Copilot, Format::Qwen,
                   Format::Gemini, Format::Unknown}) {
    auto back = parse_format(to_string(f));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, f);
  }
  EXPECT_FALSE(parse_format("yaml").has_value());
}

TEST(ToolSet, ModesAreDistinct) {
  ToolSet all;
  ToolSet none{ToolMode::None, {}};
  ToolSet allow{ToolMode::Allow, {"read", "shell"}};
  ToolSet all_but{ToolMode::AllBut, {"shell"}};
  EXPECT_TRUE(all.allows("shell"));
  EXPECT_FALSE(none.allows("read"));
  EXPECT_TRUE(allow.allows("read"));
  EXPECT_FALSE(allow.allows("edit"));
  EXPECT_FALSE(all_but.allows("shell"));
  EXPECT_TRUE(all_but.allows("edit"));
  EXPECT_NE(all, none);
}

TEST(Value, MapLookupAndEqualityIgnoreStyle) {
  Value m = Value::map({"a", "b"}, {Value::boolean(true), Value::string("x")});
  ASSERT_NE(m.find("b"), nullptr);
  EXPECT_EQ(m.find("b")->scalar, "x");
  EXPECT_EQ(m.find("c"), nullptr);
  Value q = Value::string("x", ValueStyle::DoubleQuoted);
  EXPECT_EQ(q, Value::string("x"));
}

TEST(AgentFile, NameFallsBackToStem) {
  AgentFile f;
  f.stem = "backend-architect";
  EXPECT_EQ(f.name(), "backend-architect");
  f.frontmatter.entries.push_back({"name", Value::string("api"), 2, 2, EntryOrigin::Strict});
  EXPECT_EQ(f.name(), "api");
}

}  // namespace
}  // namespace agentmerge
