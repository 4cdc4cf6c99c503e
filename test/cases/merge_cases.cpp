// Golden merge cases: data/cases/merge/<case>/ holds either inputs/*.md or a
// sources.txt listing input paths relative to the project root, and the
// reviewed expected.md and expected.report.json. An optional options.txt
// sets merge options, one "key value" per line: "budget TOKENS", "to FORMAT",
// "decisions FILE" (a reviewer's decisions file in the case folder).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "agentmerge/merge.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace agentmerge {
namespace {

namespace fs = std::filesystem;

// Input paths relative to the project root, so the report names are stable.
std::vector<std::string> case_inputs(const fs::path& dir) {
  std::vector<std::string> out;
  const fs::path root = test::source_dir();
  if (fs::exists(dir / "sources.txt")) {
    std::istringstream in(test::read_file(dir / "sources.txt"));
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#') out.push_back(line);
  } else {
    for (const auto& p : test::files_below(dir / "inputs", ".md"))
      out.push_back(fs::relative(p, root).generic_string());
  }
  return out;
}

struct CaseOptions {
  MergeOptions merge;
  std::optional<ExternalFormat> external;  // "to codex" / "to kiro"
};

CaseOptions case_options(const fs::path& dir) {
  CaseOptions c;
  MergeOptions& o = c.merge;
  if (!fs::exists(dir / "options.txt")) return c;
  std::istringstream in(test::read_file(dir / "options.txt"));
  std::string key, value;
  while (in >> key >> value) {
    if (key == "budget") {
      o.budget_tokens = std::stoul(value);
    } else if (key == "to") {
      c.external = parse_external_format(value);
      const auto f = c.external ? std::optional<Format>(Format::Claude) : parse_format(value);
      EXPECT_TRUE(f.has_value()) << dir << ": unknown format " << value;
      if (f) o.target = *f;
    } else if (key == "decisions") {
      const fs::path file = dir / value;
      auto choices = parse_review_choices(test::read_file(file), file.string());
      EXPECT_TRUE(choices.ok()) << choices.error().to_string();
      if (choices) o.choices = std::move(*choices);
    } else {
      ADD_FAILURE() << dir << "/options.txt: unknown key " << key;
    }
  }
  return c;
}

fs::path cases_dir() { return test::source_dir() / "data" / "cases" / "merge"; }

// One test per case folder, named after it, so one broken case does not
// hide the rest.
std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(cases_dir()))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class MergeCase : public ::testing::TestWithParam<std::string> {};

TEST_P(MergeCase, MatchesGoldenAndAbsorbsItsSources) {
  const fs::path dir = cases_dir() / GetParam();
  std::vector<AgentFile> variants;
  for (const auto& rel : case_inputs(dir)) {
    auto f = parse_agent(test::read_file(test::source_dir() / rel), rel);
    ASSERT_TRUE(f.ok()) << f.error().to_string();
    variants.push_back(std::move(*f));
  }
  ASSERT_FALSE(variants.empty()) << dir << " has no inputs";
  const CaseOptions opts = case_options(dir);
  const MergeOptions& options = opts.merge;
  auto r = merge(variants, options);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  if (opts.external) {
    // The merge is checked as Markdown (absorption below); the golden is the
    // Codex / Kiro document with the conversion's decisions in the report.
    MergeResult written = *r;
    const auto error = write_merged_as(written, *opts.external);
    ASSERT_FALSE(error.has_value()) << error->to_string();
    const std::string ext = *opts.external == ExternalFormat::Codex ? ".toml" : ".json";
    EXPECT_EQ(test::check_golden(dir / ("expected" + ext), written.text), "") << dir;
    EXPECT_EQ(test::check_golden(dir / "expected.report.json", report_to_json(written.report)), "")
        << dir;
  } else {
    EXPECT_EQ(test::check_golden(dir / "expected.md", r->text), "") << dir;
    EXPECT_EQ(test::check_golden(dir / "expected.report.json", report_to_json(r->report)), "")
        << dir;
  }
  // merge(out, v) == out for every input v. A budget drops content that
  // merging a source again brings back, and a reviewer's choices name
  // blocks of the sources, not of the output, so those cases are exempt.
  if (options.budget_tokens || !options.choices.empty()) return;
  auto out = parse_agent(r->text, "merged.md");
  ASSERT_TRUE(out.ok()) << out.error().to_string();
  for (const AgentFile& v : variants) {
    auto again = merge({*out, v}, options);
    ASSERT_TRUE(again.ok()) << again.error().to_string();
    EXPECT_EQ(again->text, r->text) << "merging the output with " << v.source_name << " changed it";
  }
}

INSTANTIATE_TEST_SUITE_P(Merge, MergeCase, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace agentmerge
