// Size limits of a merge: --budget TOKENS and Copilot's body limit drop the
// least supported content, each drop a decision; without a limit nothing is
// dropped; what may never be dropped is kept and the miss is reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"

namespace agentmerge {
namespace {

// A made-up word for n: syllables picked by n's digits in base 12.
std::string word(unsigned n) {
  static const char* const syllables[] = {"ka", "lo", "mi", "ra", "te", "vu", "zen", "dor",
                                          "pli", "sto", "gra", "fen"};
  std::string w;
  for (int k = 0; k < 4; ++k, n /= 12) w += syllables[n % 12];
  return w;
}

// A bullet of about 90 bytes whose words belong to (variant, index) alone,
// so no two bullets fold.
std::string bullet(const std::string& who, int i) {
  const unsigned base = static_cast<unsigned>(who.size() * 7919 + static_cast<unsigned char>(who[0]) * 104729 +
                                              static_cast<unsigned>(i) * 11);
  std::string b = "-";
  for (unsigned k = 0; k < 8; ++k) b += " " + word(base * 13 + k * 20731);
  return b + "\n";
}

AgentFile variant(const std::string& who, int own, int shared, const std::string& file) {
  std::string text = "---\nname: ledger-keeper\ndescription: Keeps ledgers.\n---\n\n"
                     "You are a ledger keeper who reconciles every row.\n\n## Checks\n\n";
  for (int i = 0; i < shared; ++i) text += bullet("common", i);
  for (int i = 0; i < own; ++i) text += bullet(who, i);
  auto f = parse_agent(text, file);
  EXPECT_TRUE(f.ok());
  return std::move(*f);
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

int count_policy(const MergeReport& r, const std::string& policy) {
  return static_cast<int>(std::count_if(r.source_blocks.begin(), r.source_blocks.end(),
                                        [&](const SourceBlock& b) { return b.policy == policy; }));
}

bool has_decision(const MergeReport& r, const std::string& policy, Review review) {
  return std::any_of(r.decisions.begin(), r.decisions.end(), [&](const Decision& d) {
    return d.subject == "budget" && d.policy == policy && d.review == review;
  });
}

TEST(MergeBudget, TokensStayWithinTheBudgetAndSharedBulletsStay) {
  const std::vector<AgentFile> v = {variant("north", 30, 10, "a.md"), variant("south", 30, 10, "b.md")};
  MergeOptions o;
  auto full = merge(v, o);
  ASSERT_TRUE(full.ok());
  ASSERT_GT(estimate_tokens(full->text), 1500U);
  o.budget_tokens = 1000;
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_LE(estimate_tokens(r->text), 1000U);
  EXPECT_GT(estimate_tokens(r->text), 800U) << "drops stop near the budget";
  for (int i = 0; i < 10; ++i) EXPECT_NE(r->text.find(bullet("common", i)), std::string::npos) << i;
  EXPECT_NE(r->text.find("You are a ledger keeper"), std::string::npos);
  const int dropped = count_policy(r->report, "budget");
  EXPECT_GT(dropped, 0);
  EXPECT_TRUE(has_decision(r->report, "least-supported", Review::Needed));
  const auto per_drop = std::count_if(r->report.decisions.begin(), r->report.decisions.end(),
                                      [](const Decision& d) { return d.subject == "budget" && d.review == Review::NotNeeded; });
  EXPECT_EQ(per_drop, dropped) << "one decision with its text per dropped block";
  EXPECT_EQ(count_policy(full->report, "budget"), 0) << "no budget, nothing dropped";
}

TEST(MergeBudget, CopilotBodyLimitAppliesWithoutABudget) {
  const std::vector<AgentFile> v = {variant("east", 200, 20, "a.agent.md"),
                                    variant("west", 200, 20, "b.agent.md")};
  MergeOptions o;
  o.target = Format::Copilot;
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  auto back = parse_agent(r->text, "merged.agent.md");
  ASSERT_TRUE(back.ok());
  EXPECT_LE(code_points(back->body.text), body_char_limit(Format::Copilot));
  for (int i = 0; i < 20; ++i) EXPECT_NE(r->text.find(bullet("common", i)), std::string::npos) << i;
  EXPECT_TRUE(has_decision(r->report, "least-supported", Review::Needed));
  o.target = Format::Claude;
  auto claude = merge(v, o);
  ASSERT_TRUE(claude.ok());
  EXPECT_EQ(count_policy(claude->report, "budget"), 0) << "Claude states no body limit";
}

TEST(MergeBudget, AnUnreachableBudgetKeepsTheRoleStatementAndSaysSo) {
  const std::vector<AgentFile> v = {variant("up", 5, 0, "a.md"), variant("down", 5, 0, "b.md")};
  MergeOptions o;
  o.budget_tokens = 10;
  auto r = merge(v, o);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("You are a ledger keeper"), std::string::npos);
  EXPECT_TRUE(has_decision(r->report, "limit-not-met", Review::Needed));
  EXPECT_EQ(r->text.find("ledger row"), std::string::npos) << "every bullet said once was dropped";
}

TEST(MergeBudget, TokenEstimateIsBytesOverFourRoundedUp) {
  EXPECT_EQ(estimate_tokens(""), 0U);
  EXPECT_EQ(estimate_tokens("abcd"), 1U);
  EXPECT_EQ(estimate_tokens("abcde"), 2U);
}

}  // namespace
}  // namespace agentmerge
