// Golden merge cases: data/cases/merge/<case>/ holds either inputs/*.md or a
// sources.txt listing input paths relative to the project root, and the
// reviewed expected.md and expected.report.json. An optional options.txt
// sets merge options, one "key value" per line: "budget TOKENS", "to FORMAT".
#include <gtest/gtest.h>

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

MergeOptions case_options(const fs::path& dir) {
  MergeOptions o;
  if (!fs::exists(dir / "options.txt")) return o;
  std::istringstream in(test::read_file(dir / "options.txt"));
  std::string key, value;
  while (in >> key >> value) {
    if (key == "budget") {
      o.budget_tokens = std::stoul(value);
    } else if (key == "to") {
      const auto f = parse_format(value);
      EXPECT_TRUE(f.has_value()) << dir << ": unknown format " << value;
      if (f) o.target = *f;
    } else {
      ADD_FAILURE() << dir << "/options.txt: unknown key " << key;
    }
  }
  return o;
}

TEST(MergeCases, Golden) {
  const fs::path cases = test::source_dir() / "data" / "cases" / "merge";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(cases)) {
    if (!entry.is_directory()) continue;
    std::vector<AgentFile> variants;
    for (const auto& rel : case_inputs(entry.path())) {
      auto f = parse_agent(test::read_file(test::source_dir() / rel), rel);
      ASSERT_TRUE(f.ok()) << f.error().to_string();
      variants.push_back(std::move(*f));
    }
    ASSERT_FALSE(variants.empty()) << entry.path();
    auto r = merge(variants, case_options(entry.path()));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(test::check_golden(entry.path() / "expected.md", r->text), "") << entry.path();
    EXPECT_EQ(test::check_golden(entry.path() / "expected.report.json", report_to_json(r->report)), "")
        << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

}  // namespace
}  // namespace agentmerge
