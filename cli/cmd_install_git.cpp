// `agentmerge install-git [--global]`: git configuration for agent files.
//
//   agentmerge install-git   ->  .git/config:  [diff "agentmerge"]
//                                                 textconv = agentmerge fmt --textconv
//                                                 cachetextconv = true
//                                              [merge "agentmerge"]
//                                                 driver = agentmerge git-merge-driver %O %A %B %L %P
//                                prints the .gitattributes lines that select it
//
// Written with libgit2 into the repository of the current folder (or the
// user's ~/.gitconfig with --global); nothing else is changed, and running
// it again writes the same values.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include <git2.h>

#include "commands.hpp"

namespace agentmerge::cli {
namespace {

struct InstallGitArgs {
  bool global = false;
};

constexpr const char* kAttributes =
    "# .gitattributes: agent files diff and merge through agentmerge\n"
    ".claude/agents/*.md diff=agentmerge merge=agentmerge\n"
    ".opencode/agent/*.md diff=agentmerge merge=agentmerge\n"
    ".opencode/agents/*.md diff=agentmerge merge=agentmerge\n"
    ".github/agents/*.md diff=agentmerge merge=agentmerge\n"
    "*.agent.md diff=agentmerge merge=agentmerge\n"
    "*.chatmode.md diff=agentmerge merge=agentmerge\n"
    ".qwen/agents/*.md diff=agentmerge merge=agentmerge\n"
    ".gemini/agents/*.md diff=agentmerge merge=agentmerge\n";

constexpr const char* kMergeName = "agentmerge: three-way merge of agent files";
constexpr const char* kMergeDriver = "agentmerge git-merge-driver %O %A %B %L %P";

std::string last_git_error() {
  const ::git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

// The config file to write: the repository's own, or the user's global one.
git_config* open_config(bool global) {
  git_config* config = nullptr;
  if (global) {
    git_config* all = nullptr;
    if (git_config_open_default(&all) != 0) return nullptr;
    const int rc = git_config_open_level(&config, all, GIT_CONFIG_LEVEL_GLOBAL);
    git_config_free(all);
    if (rc != 0) {
      // No ~/.gitconfig yet: create it.
      git_buf path = GIT_BUF_INIT;
      if (git_config_find_global(&path) != 0) {
        const char* home = std::getenv("HOME");
        if (home == nullptr) return nullptr;
        const std::string p = std::string(home) + "/.gitconfig";
        git_config_open_ondisk(&config, p.c_str());
      } else {
        git_config_open_ondisk(&config, path.ptr);
      }
      git_buf_dispose(&path);
    }
    return config;
  }
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, ".", 0, nullptr) != 0) return nullptr;
  git_config* all = nullptr;
  if (git_repository_config(&all, repo) == 0) {
    git_config_open_level(&config, all, GIT_CONFIG_LEVEL_LOCAL);
    git_config_free(all);
  }
  git_repository_free(repo);
  return config;
}

ExitCode run_install_git(const InstallGitArgs& args) {
  git_libgit2_init();
  git_config* config = open_config(args.global);
  ExitCode code = ExitCode::Ok;
  if (config == nullptr) {
    std::cerr << "agentmerge install-git: "
              << (args.global ? "cannot open the global git config: "
                              : "not in a git repository (or its config cannot be opened): ")
              << last_git_error() << "\n";
    code = ExitCode::Unreadable;
  } else if (git_config_set_string(config, "diff.agentmerge.textconv", "agentmerge fmt --textconv") != 0 ||
             git_config_set_bool(config, "diff.agentmerge.cachetextconv", 1) != 0 ||
             git_config_set_string(config, "merge.agentmerge.name", kMergeName) != 0 ||
             git_config_set_string(config, "merge.agentmerge.driver", kMergeDriver) != 0) {
    std::cerr << "agentmerge install-git: cannot write the git config: " << last_git_error() << "\n";
    code = ExitCode::Unreadable;
  } else {
    std::cout << "wrote diff.agentmerge.textconv = agentmerge fmt --textconv and "
                 "merge.agentmerge.driver = "
              << kMergeDriver << " (" << (args.global ? "global" : "this repository") << ")\n"
              << kAttributes;
  }
  if (config != nullptr) git_config_free(config);
  git_libgit2_shutdown();
  return code;
}

}  // namespace

void add_install_git(CLI::App& app, Action& action) {
  auto args = std::make_shared<InstallGitArgs>();
  auto* sub = app.add_subcommand(
      "install-git", "Configure git to diff and merge agent files through agentmerge");
  sub->add_flag("--global", args->global, "Write ~/.gitconfig instead of this repository's config");
  sub->footer(
      "Examples:\n"
      "  agentmerge install-git >> .gitattributes   # then keep the printed lines you want\n"
      "  agentmerge install-git --global\n\n"
      "Exit codes: 0 written, 2 usage, 3 not in a repository or the config cannot be written.");
  sub->callback([&action, args] { action = [args] { return run_install_git(*args); }; });
}

}  // namespace agentmerge::cli
