// Golden parse cases: data/cases/parse/<case>/<input> + expected.json, the
// `agentmerge dump --json` of the input. A mismatch prints a diff and the
// command that rewrites the golden file (after review).
#include <gtest/gtest.h>

#include <algorithm>

#include "agentmerge/dump.hpp"
#include "agentmerge/parse.hpp"
#include "case_inputs.hpp"

namespace agentmerge {
namespace {

class ParseCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ParseCase, DumpMatchesGolden) {
  const auto dir = test::source_dir() / "data" / "cases" / "parse" / GetParam();
  const auto inputs = test::case_inputs(dir);
  ASSERT_EQ(inputs.size(), 1u) << dir << ": a parse case holds exactly one input file";
  const std::string bytes = test::read_file(dir / inputs[0]);
  std::string actual;
  if (auto f = parse_agent(bytes, inputs[0].generic_string())) {
    actual = dump_json(*f);
  } else {
    actual = "error: " + f.error().to_string() + "\n";
  }
  const std::string diff = test::check_golden(dir / "expected.json", actual);
  EXPECT_TRUE(diff.empty()) << diff;
}

std::string case_label(const ::testing::TestParamInfo<std::string>& p) {
  std::string n = p.param;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(Data, ParseCase, ::testing::ValuesIn(test::case_names("parse")), case_label);

}  // namespace
}  // namespace agentmerge
