// What each target accepts for merged values, the target's spelling of a
// name, and renaming the variants' names in a description.
#include "target_values.hpp"

#include <gtest/gtest.h>

namespace agentmerge::detail {
namespace {

TEST(TargetValues, ClaudeColoursAreAClosedList) {
  EXPECT_TRUE(target_accepts(Format::Claude, "color", Value::string("blue")));
  EXPECT_FALSE(target_accepts(Format::Claude, "color", Value::string("Automatic Color")));
  EXPECT_TRUE(target_accepts(Format::Opencode, "color", Value::string("Automatic Color")))
      << "only Claude documents its colours";
}

TEST(TargetValues, ModelsFollowEachFormat) {
  EXPECT_TRUE(target_accepts(Format::Claude, "model", Value::string("sonnet")));
  EXPECT_FALSE(target_accepts(Format::Claude, "model", Value::string("openrouter/horizon-beta")));
  EXPECT_TRUE(target_accepts(Format::Opencode, "model", Value::string("openrouter/horizon-beta")));
  EXPECT_TRUE(target_accepts(Format::Claude, "temperature", Value::string("hot")))
      << "keys without a rule are accepted";
}

TEST(TargetValues, SpellingIsLowercaseHyphensWhereTheFormatAsks) {
  EXPECT_EQ(target_spelling(Format::Claude, "Python_Pro"), "python-pro");
  EXPECT_EQ(target_spelling(Format::Qwen, "api designer"), "api-designer");
  EXPECT_EQ(target_spelling(Format::Copilot, "Python_Pro"), "Python_Pro");
}

TEST(TargetValues, RenamesWholeWordsOnly) {
  int n = 0;
  const std::string out = rename_mentions(
      "Use python_pro. Not python_pro_v2 or my-python_pro. (python_pro)", {"python_pro"},
      "python-pro", n);
  EXPECT_EQ(out, "Use python-pro. Not python_pro_v2 or my-python_pro. (python-pro)");
  EXPECT_EQ(n, 2);
  n = 0;
  EXPECT_EQ(rename_mentions("a b", {"a", ""}, "a", n), "a b");
  EXPECT_EQ(n, 0);
}

}  // namespace
}  // namespace agentmerge::detail
