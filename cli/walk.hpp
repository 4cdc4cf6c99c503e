// Finding agent files in folders the way repositories expect (ripgrep and
// fd conventions), for every command that walks folders (lint, scan,
// convert, migrate).
//
//   repo/                               walk {"repo"} ->
//     .git/  node_modules/  .venv/        skipped (hidden, node_modules)
//     .claude/agents/api.md               api.md        (known agent folder)
//     agents/reviewer.md                  reviewer.md   (frontmatter with name)
//     README.md  docs/guide.md            skipped (not agent files)
//     build/  (in .gitignore)             skipped (git-ignored)
//
// A path named on the command line is always taken (a file as given, a
// folder walked); the rules apply to what a walk meets. Git ignore rules
// (.gitignore at every level, .git/info/exclude, core.excludesFile) come
// from libgit2 for the repository each folder belongs to. Symlinked folders
// are followed only with --follow-symlinks, loops never; an unreadable
// folder is an error of the batch, not fatal.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "agentmerge/result.hpp"

namespace agentmerge::cli {

enum class FollowSymlinks { No, Yes };

struct WalkArgs {
  bool follow_symlinks = false;
  bool hidden = false;     // --hidden: also hidden folders and node_modules
  bool no_ignore = false;  // --no-ignore: git ignore rules not applied
};

// --follow-symlinks, --hidden and --no-ignore on `sub`.
void add_walk_options(CLI::App* sub, WalkArgs& args);

struct SkippedPath {
  std::filesystem::path path;
  std::string why;  // "hidden", "node_modules", "git-ignored", "not an agent file"
};

struct Walk {
  std::vector<std::filesystem::path> files;  // sorted, unique
  std::vector<SkippedPath> skipped;
};

// Expands files and folders into agent files (*.md, and *.txt opening with
// a frontmatter). Missing paths and unreadable folders become `errors`.
Walk walk_paths(const std::vector<std::string>& inputs, const WalkArgs& args,
                std::vector<Error>& errors);

// One line on stderr counting what was skipped ("skipped 17: 15 not agent
// files, 2 git-ignored; -v lists them"), each path with --verbose; nothing
// with --quiet or when nothing was skipped.
void report_skipped(const Walk& walk);

}  // namespace agentmerge::cli
