// Golden cases for `agentmerge diff`: every folder in data/cases/diff/ holds
// two agent files named "a.*" and "b.*" (the suffix may carry the format,
// e.g. "b.agent.md") and the expected renderings:
//   expected.txt      render_diff_text (no colour), exact comparison
//   expected.json     render_diff_json, exact comparison
//   expected.unified  unified diff of the two canonical forms
//   expected.semantic.txt  (optional) render_diff_text under --semantic
// A mismatch prints a diff and the command that rewrites the golden file.
#include <filesystem>

#include <gtest/gtest.h>

#include "agentmerge/diff.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

fs::path cases_root() { return test::source_dir() / "data" / "cases" / "diff"; }

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  if (!fs::is_directory(cases_root())) return names;
  for (const auto& e : fs::directory_iterator(cases_root()))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

fs::path input_named(const fs::path& dir, const std::string& prefix) {
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(prefix + ".", 0) == 0 && n.find("expected") == std::string::npos) return e.path();
  }
  return {};
}

class DiffCase : public ::testing::TestWithParam<std::string> {};

TEST_P(DiffCase, MatchesGolden) {
  const fs::path dir = cases_root() / GetParam();
  const fs::path pa = input_named(dir, "a");
  const fs::path pb = input_named(dir, "b");
  ASSERT_FALSE(pa.empty()) << dir << " has no a.* input";
  ASSERT_FALSE(pb.empty()) << dir << " has no b.* input";
  const std::string ba = test::read_file(pa);
  const std::string bb = test::read_file(pb);
  // Names relative to the case folder keep the output independent of paths.
  auto a = parse_agent(ba, pa.filename().string());
  auto b = parse_agent(bb, pb.filename().string());
  ASSERT_TRUE(a.ok()) << a.error().to_string();
  ASSERT_TRUE(b.ok()) << b.error().to_string();

  DiffOptions opt;
  opt.a_bytes = ba;
  opt.b_bytes = bb;
  const StructuralDiff d = diff_agents(*a, *b, opt);
  EXPECT_EQ(test::check_golden(dir / "expected.txt", render_diff_text(d, Color::Never)), "");
  EXPECT_EQ(test::check_golden(dir / "expected.json", render_diff_json(d)), "");
  const std::string unified = unified_diff(emit(*a).text, emit(*b).text, pa.filename().string(),
                                           pb.filename().string());
  EXPECT_EQ(test::check_golden(dir / "expected.unified", unified), "");
  if (fs::exists(dir / "expected.semantic.txt")) {
    opt.comparison = Comparison::Semantic;
    const StructuralDiff s = diff_agents(*a, *b, opt);
    EXPECT_EQ(test::check_golden(dir / "expected.semantic.txt", render_diff_text(s, Color::Never)), "");
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, DiffCase, ::testing::ValuesIn(case_names()),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (char& c : n)
                             if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiffCase);

}  // namespace
}  // namespace agentmerge
