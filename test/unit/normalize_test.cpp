#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "agentmerge/normalize.hpp"

namespace agentmerge {
namespace {

TEST(NormalizeText, StripsMarkupMarkersAndPunctuation) {
  EXPECT_EQ(normalize_text("- **API Design**: RESTful  services"), "api design restful services");
  EXPECT_EQ(normalize_text("* Use `std::span` and _views_"), "use std span and views");
  EXPECT_EQ(normalize_text("1. See [the guide](https://example.com/a_b) now."),
            "see the guide now");
  EXPECT_EQ(normalize_text("> quoted\n> text"), "quoted text");
  EXPECT_EQ(normalize_text("## Heading ##"), "heading");
  EXPECT_EQ(normalize_text("  \n\t "), "");
}

TEST(NormalizeText, UnicodeCaseFoldAndSymbols) {
  EXPECT_EQ(normalize_text("Ünïcode STRASSE"), "ünïcode strasse");
  EXPECT_EQ(normalize_text("Straße"), "strasse");  // full case folding
  EXPECT_EQ(normalize_text("## 🎯 Core Mission — Überblick"), "core mission überblick");
  EXPECT_EQ(normalize_text("日本語のテキスト"), "日本語のテキスト");
}

TEST(NormalizeText, KeepsLanguageNamesEndingInSymbols) {
  EXPECT_EQ(normalize_text("C++, C#, F# and Node.js"), "c++ c# f# and node js");
  EXPECT_EQ(normalize_text("a + b # c"), "a b c");
}

TEST(NormalizeText, InvalidUtf8DoesNotFail) {
  const std::string bad = std::string("Abc ") + '\xff' + " Def";
  EXPECT_EQ(normalize_text(bad), "abc def");
}

TEST(NormalizeTitle, DropsNumberingAndColon) {
  EXPECT_EQ(normalize_title("Core Competencies:"), "core competencies");
  EXPECT_EQ(normalize_title("1. Core Competencies"), "core competencies");
  EXPECT_EQ(normalize_title("2.3 API **Design**"), "api design");
  EXPECT_EQ(normalize_title("3) Output"), "output");
  EXPECT_EQ(normalize_title("404 Handling"), "404 handling");
  EXPECT_EQ(normalize_title("3D Rendering"), "3d rendering");
}

TEST(NormalizeName, FoldsSeparatorsAndSuffixes) {
  EXPECT_EQ(normalize_name("Backend_Architect"), "backend-architect");
  EXPECT_EQ(normalize_name("backend architect.agent.md"), "backend-architect");
  EXPECT_EQ(normalize_name("backend--architect.chatmode.md"), "backend-architect");
  EXPECT_EQ(normalize_name("backend-architect.md"), "backend-architect");
  EXPECT_EQ(normalize_name("api-"), "api");
}

TEST(Tokens, SplitsOnWhitespace) {
  EXPECT_EQ(tokens("api design  restful"), (std::vector<std::string>{"api", "design", "restful"}));
  EXPECT_TRUE(tokens("").empty());
}

TEST(TokenSimilarity, EqualAndEmpty) {
  EXPECT_DOUBLE_EQ(token_similarity("api design", "api design"), 1.0);
  EXPECT_DOUBLE_EQ(token_similarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(token_similarity("api", ""), 0.0);
}

TEST(TokenSimilarity, ReorderedWordingIsEqual) {
  EXPECT_DOUBLE_EQ(token_similarity("restful api design", "api design restful"), 1.0);
}

TEST(TokenSimilarity, IsSymmetric) {
  const char* a = "database schema design normalization indexes sharding";
  const char* b = "schema design for relational databases";
  EXPECT_DOUBLE_EQ(token_similarity(a, b), token_similarity(b, a));
}

// Realistic bullet pairs from backend-architect style prompts: a reworded
// bullet must score clearly above any unrelated pair.
TEST(TokenSimilarity, RewordedBulletsBeatUnrelatedOnes) {
  auto sim = [](const char* x, const char* y) {
    return token_similarity(normalize_text(x), normalize_text(y));
  };
  const double reworded = sim("- Caching strategies (Redis, Memcached)",
                              "- Implementing caching layers (Redis, Memcached)");
  const double reworded2 = sim("- RESTful API design with proper versioning and error handling",
                               "- Design RESTful APIs with versioning and consistent error handling");
  const double unrelated = sim("- Caching strategies (Redis, Memcached)",
                               "- Write clear documentation for every endpoint");
  const double unrelated2 = sim("- RESTful API design with proper versioning and error handling",
                                "- Monitor the cluster with Prometheus and Grafana dashboards");
  EXPECT_GT(reworded, 0.6);
  EXPECT_GT(reworded2, 0.6);
  EXPECT_LT(unrelated, 0.25);
  EXPECT_LT(unrelated2, 0.25);
  EXPECT_GT(reworded - unrelated, 0.4);
}

TEST(TokenSimilarity, StopwordsAloneDoNotMakeTextsSimilar) {
  const double s = token_similarity("use the cache for the reads", "write the tests for the api");
  EXPECT_LT(s, 0.3);
}

TEST(TokenSimilarity, WordFormsGetCredit) {
  EXPECT_GT(token_similarity("microservices architecture", "microservice architectures"), 0.9);
  EXPECT_GT(token_similarity("caching strategy", "cache strategies"), 0.9);
}

// The cached features give the same scores as the text form, and the
// thresholded form agrees with it on which side of the floor a pair falls.
TEST(TextSignature, AgreesWithTokenSimilarity) {
  const std::vector<std::string> texts = {
      "", "api", "caching strategies redis memcached", "implementing caching layers redis memcached",
      "restful api design with proper versioning", "design restful apis with versioning",
      "monitor the cluster with prometheus", "use the cache for the reads", "a an the"};
  for (const auto& a : texts)
    for (const auto& b : texts) {
      if (a == b) continue;
      const double expected = token_similarity(a, b);
      const TextSignature sa = text_signature(a);
      const TextSignature sb = text_signature(b);
      EXPECT_DOUBLE_EQ(similarity(sa, sb), expected) << a << " | " << b;
      for (double floor : {0.0, 0.25, 0.5, 0.72, 0.9, 1.0}) {
        const double cut = similarity_at_least(sa, sb, floor);
        if (expected >= floor) {
          EXPECT_DOUBLE_EQ(cut, expected) << a << " | " << b << " floor " << floor;
        } else {
          EXPECT_EQ(cut, 0.0) << a << " | " << b << " floor " << floor;
        }
      }
    }
}

// Trigrams are the padded three-byte windows of each stemmed content word,
// sorted: short texts by std::sort, long ones (256 keys and more) by radix
// passes; both must give the same ascending multiset.
TEST(TextSignature, TrigramsOfShortAndLongTexts) {
  const TextSignature api = text_signature("api");
  const std::vector<std::uint32_t> expected = {(' ' << 16) | ('a' << 8) | 'p',
                                               ('a' << 16) | ('p' << 8) | 'i',
                                               ('p' << 16) | ('i' << 8) | ' '};
  std::vector<std::uint32_t> sorted_expected = expected;
  std::sort(sorted_expected.begin(), sorted_expected.end());
  EXPECT_EQ(api.grams, sorted_expected);
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "word" + std::to_string(i * 7919 % 1000) + " zebra ";
  const TextSignature sig = text_signature(long_text);
  ASSERT_GE(sig.grams.size(), 256U);
  EXPECT_TRUE(std::is_sorted(sig.grams.begin(), sig.grams.end()));
  // The multiset is the union of each word's own trigrams.
  std::vector<std::uint32_t> pieced;
  for (const std::string& w : tokens(long_text)) {
    const TextSignature one = text_signature(w);
    pieced.insert(pieced.end(), one.grams.begin(), one.grams.end());
  }
  std::sort(pieced.begin(), pieced.end());
  EXPECT_EQ(sig.grams, pieced);
}

TEST(NormalizeText, AsciiAndUnicodePathsAgreeOnAscii) {
  // "K" (Kelvin sign, U+212A) folds to "k" through utf8proc; the same words
  // in plain ASCII take the fast path and must come out the same.
  EXPECT_EQ(normalize_text("\u212A8s Rollout PLAN"), normalize_text("K8s Rollout PLAN"));
  EXPECT_EQ(normalize_text("MiXeD Case: Words"), "mixed case words");
}

}  // namespace
}  // namespace agentmerge
