// Golden cases for convert to and from Codex (TOML) and Kiro (JSON): every
// folder data/cases/convert-external/<case>/ holds `input/` with one agent
// file (a Markdown agent, or a *.toml / *.json agent that is read back with
// read_external), `to` with the target word (a Markdown format, codex or
// kiro), the expected text (`expected.toml`, `expected.json` or
// `expected.md`) and `expected.notes`: "file: NAME", then the reading notes
// of a Codex / Kiro input, then the conversion's notes.
//
// These cases are kept apart from data/cases/convert/ because that runner
// reads every `to` as a Markdown format.
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

// The one expected.* file that is not the notes.
fs::path expected_text_file(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with("expected.") && n != "expected.notes") return e.path();
  }
  return dir / "expected.md";
}

agentmerge::Result<agentmerge::AgentFile> read_input(const fs::path& path, const std::string& rel) {
  if (auto f = agentmerge::external_format_from_path(rel))
    return agentmerge::read_external(read_file(path), rel, *f);
  return agentmerge::parse_agent(read_file(path), rel);
}

agentmerge::Result<agentmerge::ConvertResult> convert_to(const agentmerge::AgentFile& file,
                                                         const std::string& word) {
  if (auto f = agentmerge::parse_external_format(word)) return agentmerge::convert(file, *f);
  const auto f = agentmerge::parse_format(word);
  if (!f) return agentmerge::Error{"to", 1, "bad-target", "unknown target '" + word + "'"};
  return agentmerge::convert(file, *f);
}

TEST(ConvertExternalCases, GoldenOutputsAndNotes) {
  const auto cases = case_dirs("convert-external");
  ASSERT_FALSE(cases.empty()) << "no cases under data/cases/convert-external";
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.string());
    const auto inputs = files_below(dir / "input", "");
    ASSERT_EQ(inputs.size(), 1u) << "a case has exactly one input file";
    const std::string rel = fs::relative(inputs[0], dir / "input").generic_string();
    auto file = read_input(inputs[0], rel);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    auto converted = convert_to(*file, trimmed(read_file(dir / "to")));
    ASSERT_TRUE(converted.ok()) << converted.error().to_string();
    std::string notes = "file: " + converted->file_name + "\n";
    if (agentmerge::external_format_from_path(rel))
      for (const auto& d : file->diagnostics) notes += d.to_string() + "\n";
    for (const auto& d : converted->notes) notes += d.to_string() + "\n";
    EXPECT_EQ(check_golden(expected_text_file(dir), converted->text), "");
    EXPECT_EQ(check_golden(dir / "expected.notes", notes), "");
  }
}

}  // namespace
