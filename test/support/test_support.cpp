#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <dtl/dtl.hpp>

namespace agentmerge::test {
namespace fs = std::filesystem;

fs::path source_dir() { return fs::path(AGENTMERGE_SOURCE_DIR); }

static std::optional<fs::path> shared_sub(const char* name) {
  fs::path p = source_dir().parent_path() / "shared" / name;
  if (fs::is_directory(p)) return p;
  return std::nullopt;
}

std::optional<fs::path> corpus_dir() { return shared_sub("corpus"); }
std::optional<fs::path> seeds_dir() { return shared_sub("seeds"); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_below(const fs::path& dir, const std::string& suffix) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

static std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string check_golden(const fs::path& golden, const std::string& actual) {
  const char* update = std::getenv("AGENTMERGE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return "";
  }
  if (!fs::exists(golden)) {
    return "golden file missing: " + golden.string() +
           "\ncreate it with: AGENTMERGE_UPDATE_GOLDEN=1 ctest --test-dir build -R <this test>\n";
  }
  const std::string expected = read_file(golden);
  if (expected == actual) return "";
  dtl::Diff<std::string> d(split_lines(expected), split_lines(actual));
  d.compose();
  d.composeUnifiedHunks();
  std::ostringstream out;
  out << "golden mismatch: " << golden.string() << "\n--- expected\n+++ actual\n";
  d.printUnifiedFormat(out);
  if (!expected.empty() && !actual.empty() && split_lines(expected) == split_lines(actual))
    out << "(only line endings or the final newline differ)\n";
  out << "review, then update with: AGENTMERGE_UPDATE_GOLDEN=1 ctest --test-dir build -R <this test>\n";
  return out.str();
}

}  // namespace agentmerge::test
