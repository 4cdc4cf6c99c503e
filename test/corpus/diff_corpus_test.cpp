// Properties of the structural diff over ../shared/corpus and ../shared/seeds
// (skipped when absent):
//   * a file against itself is the same under both comparisons;
//   * a file against its canonical form (fmt) is the same under --semantic:
//     fmt only changes what the semantic comparison ignores;
//   * the unified diff of A's and B's canonical forms is empty exactly when
//     the canonical forms are equal.
// Counts are printed; failures name the file and show the diff.
#include <gtest/gtest.h>

#include <iostream>

#include "agentmerge/diff.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

std::vector<std::filesystem::path> agent_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& suffix : {".md", ".txt"})
    for (auto& p : test::files_below(dir, suffix))
      if (p.filename() != "LICENSE.md" && p.filename() != "README.md") out.push_back(p);
  return out;
}

void check_dir(const std::filesystem::path& dir) {
  DiffOptions semantic;
  semantic.comparison = Comparison::Semantic;
  int files = 0;
  int refused = 0;
  int layout_only = 0;
  for (const auto& p : agent_files(dir)) {
    const std::string bytes = test::read_file(p);
    auto a = parse_agent(bytes, p.string());
    if (!a) {
      ++refused;  // the parser's own corpus test accounts for these
      continue;
    }
    ++files;
    EXPECT_TRUE(diff_agents(*a, *a).same()) << p;
    const std::string canonical = emit(*a).text;
    auto b = parse_agent(canonical, p.string());
    ASSERT_TRUE(b.ok()) << p << ": canonical form does not parse: " << b.error().to_string();
    const StructuralDiff d = diff_agents(*a, *b, semantic);
    EXPECT_TRUE(d.same()) << p << "\n" << render_diff_text(d, Color::Never);
    DiffOptions exact;
    exact.a_bytes = bytes;
    exact.b_bytes = canonical;
    layout_only += diff_agents(*a, *b, exact).same() ? 0 : 1;
    EXPECT_EQ(unified_diff(canonical, emit(*b).text, "a", "b").empty(), canonical == emit(*b).text);
  }
  std::cout << dir << ": " << files << " files compared with their canonical form, "
            << layout_only << " differ only in layout, " << refused << " refused by the parser\n";
  EXPECT_GT(files, 0);
}

TEST(DiffCorpus, SeedsEqualTheirCanonicalFormSemantically) {
  const auto dir = test::seeds_dir();
  if (!dir) GTEST_SKIP() << "../shared/seeds is absent: nothing to check";
  check_dir(*dir);
}

TEST(DiffCorpus, CorpusEqualsItsCanonicalFormSemantically) {
  const auto dir = test::corpus_dir();
  if (!dir) GTEST_SKIP() << "../shared/corpus is absent: nothing to check";
  check_dir(*dir);
}

}  // namespace
}  // namespace agentmerge
