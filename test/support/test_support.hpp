// Helpers shared by the tests: paths to the source tree and ../shared, file
// reading, and golden-file comparison that prints a diff and the command that
// updates the golden file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace agentmerge::test {

std::filesystem::path source_dir();
// ../shared/corpus and ../shared/seeds beside the project; nullopt (and the
// test should GTEST_SKIP with a clear message) when absent.
std::optional<std::filesystem::path> corpus_dir();
std::optional<std::filesystem::path> seeds_dir();

std::string read_file(const std::filesystem::path& p);
// Every regular file below `dir` whose name ends in `suffix`, sorted.
std::vector<std::filesystem::path> files_below(const std::filesystem::path& dir,
                                               const std::string& suffix);

// Compares `actual` with the golden file. When AGENTMERGE_UPDATE_GOLDEN=1 is
// set in the environment, rewrites the golden file instead. On mismatch the
// returned string holds a unified diff and the update command; empty = equal.
std::string check_golden(const std::filesystem::path& golden, const std::string& actual);

}  // namespace agentmerge::test
