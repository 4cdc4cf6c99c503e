// Golden fmt cases: data/cases/fmt/<case>/<input> + expected.md, the
// canonical form (`agentmerge fmt`) of the input. The expected output must
// itself be canonical (fmt is idempotent on it).
#include <gtest/gtest.h>

#include <algorithm>

#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "case_inputs.hpp"

namespace agentmerge {
namespace {

class FmtCase : public ::testing::TestWithParam<std::string> {};

std::string format(const std::string& bytes, const std::string& name) {
  auto f = parse_agent(bytes, name);
  if (!f) return "error: " + f.error().to_string() + "\n";
  return emit(*f).text;
}

TEST_P(FmtCase, OutputMatchesGolden) {
  const auto dir = test::source_dir() / "data" / "cases" / "fmt" / GetParam();
  const auto inputs = test::case_inputs(dir);
  ASSERT_EQ(inputs.size(), 1u) << dir << ": a fmt case holds exactly one input file";
  const std::string name = inputs[0].generic_string();
  const std::string actual = format(test::read_file(dir / inputs[0]), name);
  const std::string diff = test::check_golden(dir / "expected.md", actual);
  EXPECT_TRUE(diff.empty()) << diff;
  EXPECT_EQ(format(actual, name), actual) << "fmt is not idempotent on " << dir;
}

std::string case_label(const ::testing::TestParamInfo<std::string>& p) {
  std::string n = p.param;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(Data, FmtCase, ::testing::ValuesIn(test::case_names("fmt")), case_label);

}  // namespace
}  // namespace agentmerge
