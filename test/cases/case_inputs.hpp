// Golden-case discovery shared by the case runners (parse, fmt, convert): every
// folder below data/cases/<stage>/ is a case; its input is the one file
// whose name does not start with "expected" (its path relative to the case
// folder is the source name given to the parser, so format detection from
// the path works).
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace agentmerge::test {

inline std::vector<std::string> case_names(const std::string& stage) {
  std::vector<std::string> names;
  const auto dir = source_dir() / "data" / "cases" / stage;
  if (!std::filesystem::is_directory(dir)) return names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The case folders of a stage (full paths), sorted.
inline std::vector<std::filesystem::path> case_dirs(const std::string& stage) {
  std::vector<std::filesystem::path> out;
  for (const auto& name : case_names(stage)) out.push_back(source_dir() / "data" / "cases" / stage / name);
  return out;
}

// `s` without trailing newlines and spaces (one-line control files: "to").
inline std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The input files of one case (relative paths), sorted.
inline std::vector<std::filesystem::path> case_inputs(const std::filesystem::path& case_dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(case_dir)) {
    if (!e.is_regular_file()) continue;
    if (e.path().filename().string().rfind("expected", 0) == 0) continue;
    out.push_back(std::filesystem::relative(e.path(), case_dir));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace agentmerge::test
