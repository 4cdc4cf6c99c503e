// Golden cases for lint: data/cases/lint/<case>/input.md is linted as a file
// named "input.md" and its findings, one per line as printed by
// `agentmerge lint`, must equal expected.txt.
#include <gtest/gtest.h>

#include "agentmerge/lint.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

std::string lint_text(const std::filesystem::path& input) {
  auto file = parse_agent(test::read_file(input), "input.md");
  if (!file) return file.error().to_string() + "\n";
  std::string out;
  for (const auto& d : lint(*file)) out += d.to_string() + "\n";
  return out;
}

class LintCase : public ::testing::TestWithParam<std::string> {};

TEST_P(LintCase, MatchesGolden) {
  const auto dir = test::source_dir() / "data/cases/lint" / GetParam();
  const std::string diff = test::check_golden(dir / "expected.txt", lint_text(dir / "input.md"));
  EXPECT_TRUE(diff.empty()) << diff;
}

std::vector<std::string> cases() {
  std::vector<std::string> out;
  const auto root = test::source_dir() / "data/cases/lint";
  if (!std::filesystem::exists(root)) return out;
  for (const auto& e : std::filesystem::directory_iterator(root))
    if (std::filesystem::exists(e.path() / "input.md")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Data, LintCase, ::testing::ValuesIn(cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LintCase);

}  // namespace
}  // namespace agentmerge
