// normalize_text against its reference (test/support/normalize_reference.hpp,
// the same steps one pass each) on every text the parser normalizes: each
// block, list item and nested block, each heading title, each body line and
// the whole body, over data/, ../shared/corpus and ../shared/seeds (each
// skipped with a message when absent). Prints how many texts were compared.
#include <gtest/gtest.h>

#include <iostream>

#include "agentmerge/normalize.hpp"
#include "agentmerge/parse.hpp"
#include "normalize_reference.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

struct Tally {
  int compared = 0;
  std::vector<std::string> failures;

  void check(const fs::path& file, std::string_view text) {
    ++compared;
    const std::string got = normalize_text(text);
    const std::string want = test::normalize_text_reference(text);
    if (got != want && failures.size() < 5)
      failures.push_back(file.string() + ": text '" + std::string(text.substr(0, 80)) +
                         "'\n    normalize_text: '" + got.substr(0, 80) + "'\n    reference:      '" +
                         want.substr(0, 80) + "'");
  }
};

void check_block(const fs::path& file, const Block& b, Tally& t) {
  t.check(file, b.source);
  for (const ListItem& item : b.items) {
    t.check(file, item.source);
    for (const Block& c : item.children) check_block(file, c, t);
  }
}

void check_section(const fs::path& file, const Section& s, Tally& t) {
  t.check(file, s.title);
  for (const Block& b : s.blocks) check_block(file, b, t);
  for (const Section& c : s.children) check_section(file, c, t);
}

void check_files(const std::vector<fs::path>& files, const std::string& label) {
  Tally t;
  for (const fs::path& p : files) {
    const std::string bytes = test::read_file(p);
    t.check(p, bytes);
    auto f = parse_agent(bytes, p.string());
    if (!f) continue;
    std::size_t start = 0;
    while (start < f->body.text.size()) {
      std::size_t end = f->body.text.find('\n', start);
      if (end == std::string::npos) end = f->body.text.size();
      t.check(p, std::string_view(f->body.text).substr(start, end - start));
      start = end + 1;
    }
    check_section(p, f->body.root, t);
  }
  std::cout << "[normalize-reference] " << label << ": " << t.compared << " texts of "
            << files.size() << " files compared\n";
  EXPECT_GT(t.compared, 0);
  std::string msg;
  for (const std::string& f : t.failures) msg += "  " + f + "\n";
  EXPECT_TRUE(t.failures.empty()) << "normalize_text differs from the reference:\n" << msg;
}

TEST(NormalizeReference, EdgeCases) {
  Tally t;
  for (const char* s : {"", " ", "\n\n", "- **API** [docs](http://x/y) c++ C# f# x++y", "[a](b c)",
                        "a](b)c++", "x](u)++", "ÉCOLE e\xCC\x81t\xC3\xA9 \xFF\xFE ok", "1. # > - item",
                        "caf\xC3", "\xE2\x80\x94" "dash\xE2\x80\x94", "Straße ΣΑΣ", "tab\there\r\nCRLF"})
    t.check("edge", s);
  EXPECT_EQ(t.compared, 13);
  std::string msg;
  for (const std::string& f : t.failures) msg += "  " + f + "\n";
  EXPECT_TRUE(t.failures.empty()) << msg;
}

TEST(NormalizeReference, DataFiles) {
  const auto files = test::files_below(test::source_dir() / "data", ".md");
  ASSERT_FALSE(files.empty());
  check_files(files, "data");
}

TEST(NormalizeReference, SharedCorpus) {
  const auto dir = test::corpus_dir();
  if (!dir) GTEST_SKIP() << "../shared/corpus is absent: normalization not compared on it";
  check_files(test::files_below(*dir, ".md"), "corpus");
}

TEST(NormalizeReference, SharedSeeds) {
  const auto dir = test::seeds_dir();
  if (!dir) GTEST_SKIP() << "../shared/seeds is absent: normalization not compared on them";
  check_files(test::files_below(*dir, ".txt"), "seeds");
}

}  // namespace
}  // namespace agentmerge
