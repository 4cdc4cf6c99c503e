// The subsumption rule on its own (src/subsume.hpp) and on the labelled
// pair set data/fold/pairs.tsv, whose precision and recall it prints.
#include "subsume.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "agentmerge/config.hpp"
#include "agentmerge/normalize.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

using detail::content_words;
using detail::subsumes;

detail::ContentWords words(const std::string& markdown) { return content_words(normalize_text(markdown)); }

detail::SubsumeRule default_rule() {
  const Config c = default_config();
  return {c.thresholds.contain, static_cast<int>(c.thresholds.contain_min_words), c.thresholds.contain_length_ratio};
}

bool folds(const std::string& a, const std::string& b) {
  const auto wa = words(a);
  const auto wb = words(b);
  return subsumes(wa, wb, default_rule()) || subsumes(wb, wa, default_rule());
}

TEST(Subsume, AbbreviationsAndWordFormsMeet) {
  EXPECT_EQ(words("auth configs").stems, words("authentication configuration").stems);
  EXPECT_TRUE(folds("Security documentation with auth flows",
                    "**Security Documentation**: Authentication flows and authorization patterns"));
}

TEST(Subsume, NegationNumbersAndShortTextsNeverFold) {
  EXPECT_FALSE(folds("Use Redis for caching sessions", "Do not use Redis for caching sessions"));
  EXPECT_FALSE(folds("Retry failed requests 5 times", "Retry failed requests 3 times with backoff"));
  EXPECT_FALSE(folds("Limit payloads to 1 MB", "Limit payloads to 10 MB and reject larger ones"));
  EXPECT_TRUE(folds("Retry failed requests 3 times", "Retry failed requests 3 times with backoff"));
  EXPECT_FALSE(folds("Use caching", "Use caching for expensive computations"));  // 2 content words
}

TEST(Subsume, LengthRatioBoundsTheLargerText) {
  const std::string small = "Cache expensive computations";
  std::string large = small;
  for (const char* w : {"queues", "indexes", "schemas", "tokens", "tracing", "metrics", "alerts", "replicas"})
    large += std::string(" and ") + w;
  EXPECT_FALSE(folds(small, large));
  EXPECT_TRUE(folds(small, small + " in Redis"));
}

TEST(Subsume, SentencesSplitAtTheirEnds) {
  const auto s = detail::split_sentences("Think in terms of fault tolerance. Every design decision counts! Use v1.2 here.");
  EXPECT_EQ(s, (std::vector<std::string>{"Think in terms of fault tolerance.", "Every design decision counts!",
                                         "Use v1.2 here."}));
}

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

// Precision and recall of the fold rule on the labelled pairs, per split.
// The holdout rows were never looked at while the thresholds were set; the
// floors below are the measured values less a small margin, so a change
// of the rule that loses precision fails here.
TEST(SubsumePairs, PrecisionAndRecallOnTheLabelledSet) {
  std::istringstream in(test::read_file(test::source_dir() / "data/fold/pairs.tsv"));
  Counts tune, holdout;
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("split\t")) continue;
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) f.push_back(c);
    ASSERT_EQ(f.size(), 4U) << line;
    ASSERT_TRUE(f[1] == "fold" || f[1] == "keep") << line;
    Counts& c = f[0] == "holdout" ? holdout : tune;
    const bool want = f[1] == "fold";
    const bool got = folds(f[2], f[3]);
    if (want && got) ++c.tp;
    if (!want && got) ++c.fp;
    if (want && !got) ++c.fn;
    if (!want && !got) ++c.tn;
    if (want != got) std::printf("  %s %s: '%s' / '%s'\n", f[0].c_str(), want ? "missed" : "false fold", f[2].c_str(), f[3].c_str());
    ++rows;
  }
  ASSERT_GE(rows, 200);
  for (const auto& [name, c] : {std::pair<const char*, const Counts&>{"tune", tune}, {"holdout", holdout}})
    std::printf("fold rule on %s: %d pairs, precision %.3f, recall %.3f (tp %d fp %d fn %d tn %d)\n", name,
                c.tp + c.fp + c.fn + c.tn, c.precision(), c.recall(), c.tp, c.fp, c.fn, c.tn);
  EXPECT_GE(holdout.precision(), 0.95);
  EXPECT_GE(holdout.recall(), 0.50);
}

}  // namespace
}  // namespace agentmerge
