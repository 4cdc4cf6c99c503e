// Golden cases for scan: every folder data/cases/scan/<case>/ holds an
// `input/` tree of agent files and the expected table (`expected.txt`) and
// JSON (`expected.json`). Paths in the output are relative to `input/`, so
// the goldens do not depend on where the tree is checked out.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agentmerge/cluster.hpp"
#include "agentmerge/config.hpp"
#include "agentmerge/parse.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using agentmerge::test::check_golden;
using agentmerge::test::files_below;
using agentmerge::test::read_file;
using agentmerge::test::source_dir;

std::vector<fs::path> scan_cases() {
  std::vector<fs::path> out;
  const fs::path root = source_dir() / "data" / "cases" / "scan";
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::is_directory(entry.path() / "input")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ScanCases, GoldenTablesAndJson) {
  const auto cases = scan_cases();
  ASSERT_FALSE(cases.empty()) << "no cases under data/cases/scan";
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.string());
    const fs::path input = dir / "input";
    std::vector<agentmerge::AgentFingerprint> fps;
    for (const fs::path& p : files_below(input, ".md")) {
      const std::string rel = fs::relative(p, input).generic_string();
      auto file = agentmerge::parse_agent(read_file(p), rel);
      ASSERT_TRUE(file.ok()) << file.error().to_string();
      fps.push_back(agentmerge::fingerprint(*file, agentmerge::default_config().name_aliases));
    }
    const auto result =
        agentmerge::cluster_fingerprints(fps, agentmerge::default_config().thresholds);
    EXPECT_EQ(check_golden(dir / "expected.txt", agentmerge::clusters_to_table(result, fps)), "");
    EXPECT_EQ(check_golden(dir / "expected.json", agentmerge::clusters_to_json(result, fps)), "");
  }
}

}  // namespace
