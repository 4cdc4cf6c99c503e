// Golden cases for convert: every folder data/cases/convert/<case>/ holds
// `input/` with one agent file (its path inside input/ may carry the format,
// e.g. input/.opencode/agent/x.md), `to` with the target format word, and the
// expected converted text (`expected.md`), output file name and notes
// (`expected.notes`, one "file:line: severity: message [code]" per line,
// after a first line "file: NAME").
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agentmerge/convert.hpp"
#include "agentmerge/parse.hpp"
#include "case_inputs.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using agentmerge::test::case_dirs;
using agentmerge::test::check_golden;
using agentmerge::test::files_below;
using agentmerge::test::read_file;
using agentmerge::test::trimmed;

TEST(ConvertCases, GoldenOutputsAndNotes) {
  const auto cases = case_dirs("convert");
  ASSERT_FALSE(cases.empty()) << "no cases under data/cases/convert";
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.string());
    const auto inputs = files_below(dir / "input", "");
    ASSERT_EQ(inputs.size(), 1u) << "a case has exactly one input file";
    const auto target = agentmerge::parse_format(trimmed(read_file(dir / "to")));
    ASSERT_TRUE(target.has_value()) << "bad target word in " << (dir / "to").string();
    const std::string rel = fs::relative(inputs[0], dir / "input").generic_string();
    auto file = agentmerge::parse_agent(read_file(inputs[0]), rel);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    auto converted = agentmerge::convert(*file, *target);
    ASSERT_TRUE(converted.ok()) << converted.error().to_string();
    std::string notes = "file: " + converted->file_name + "\n";
    for (const auto& d : converted->notes) notes += d.to_string() + "\n";
    EXPECT_EQ(check_golden(dir / "expected.md", converted->text), "");
    EXPECT_EQ(check_golden(dir / "expected.notes", notes), "");
  }
}

}  // namespace
