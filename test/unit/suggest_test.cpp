#include <gtest/gtest.h>

#include "agentmerge/suggest.hpp"

namespace agentmerge {
namespace {

const std::vector<std::string> kCommands{"dump", "fmt", "lint", "merge", "diff",
                                         "review", "scan", "convert", "migrate"};

TEST(EditDistance, CountsInsertDeleteSubstituteAndSwap) {
  EXPECT_EQ(edit_distance("merge", "merge"), 0U);
  EXPECT_EQ(edit_distance("merg", "merge"), 1U);     // insert
  EXPECT_EQ(edit_distance("mergee", "merge"), 1U);   // delete
  EXPECT_EQ(edit_distance("marge", "merge"), 1U);    // substitute
  EXPECT_EQ(edit_distance("mrege", "merge"), 1U);    // swap
  EXPECT_EQ(edit_distance("MERGE", "merge"), 0U);    // case
  EXPECT_EQ(edit_distance("", "abc"), 3U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
}

TEST(ClosestWord, SuggestsTheNearestCommand) {
  EXPECT_EQ(closest_word("merg", kCommands), "merge");
  EXPECT_EQ(closest_word("sacn", kCommands), "scan");
  EXPECT_EQ(closest_word("convrt", kCommands), "convert");
  EXPECT_EQ(closest_word("mig", kCommands), "migrate");  // the only command it begins
}

TEST(ClosestWord, SuggestsToolsAndModelsWithoutCase) {
  EXPECT_EQ(closest_word("Bsh", {"Read", "Bash", "Grep"}), "Bash");
  EXPECT_EQ(closest_word("sonet", {"sonnet", "opus", "haiku"}), "sonnet");
  EXPECT_EQ(closest_word("--chek", {"--check", "--json"}), "--check");
}

TEST(ClosestWord, StaysSilentWhenNothingIsClose) {
  EXPECT_EQ(closest_word("frobnicate", kCommands), std::nullopt);
  EXPECT_EQ(closest_word("xy", kCommands), std::nullopt);
  EXPECT_EQ(closest_word("", kCommands), std::nullopt);
  EXPECT_EQ(closest_word("merge", kCommands), std::nullopt);  // already a command
  EXPECT_EQ(closest_word("m", kCommands), std::nullopt);      // too short for a prefix
  EXPECT_EQ(closest_word("di", kCommands), std::nullopt);     // two characters: no prefix rule
}

TEST(ClosestWord, AmbiguousPrefixSuggestsNothing) {
  EXPECT_EQ(closest_word("conf", {"config", "confirm"}), std::nullopt);
}

TEST(ClosestWord, TiesGoToTheEarlierCandidate) {
  EXPECT_EQ(closest_word("bat", {"bar", "baz"}), "bar");
}

}  // namespace
}  // namespace agentmerge
