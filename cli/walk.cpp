// Folder walks (see walk.hpp).
//
//   walk_paths({"repo"}) with repo/.gitignore = "build/"
//     repo/build/x.md     -> skipped "git-ignored"
//     repo/README.md      -> skipped "not an agent file"
#include "walk.hpp"

#include <cerrno>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include <git2.h>

#include "agentmerge/parse.hpp"
#include "console.hpp"

namespace agentmerge::cli {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeadBytes = 8192;

std::string head_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string buf(kHeadBytes, '\0');
  in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.resize(static_cast<std::size_t>(in.gcount()));
  return buf;
}

bool has_frontmatter_start(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  return head.starts_with("---");
}

// One repository (non-bare) and its work tree, resolved once.
struct Repo {
  git_repository* repo = nullptr;
  fs::path workdir;  // canonical
};

// Repositories opened once per walk, by the folder that holds their .git.
class Repositories {
 public:
  Repositories() { git_libgit2_init(); }
  ~Repositories() {
    for (auto& [key, r] : repos_)
      if (r.repo != nullptr) git_repository_free(r.repo);
    git_libgit2_shutdown();
  }
  Repositories(const Repositories&) = delete;
  Repositories& operator=(const Repositories&) = delete;

  // The repository `dir` belongs to (searching upward), or nullptr.
  const Repo* open(const fs::path& dir) {
    git_buf root = GIT_BUF_INIT;
    const Repo* found = nullptr;
    if (git_repository_discover(&root, dir.c_str(), 0, nullptr) == 0) {
      const std::string key(root.ptr, root.size);
      auto it = repos_.find(key);
      if (it == repos_.end()) it = repos_.emplace(key, opened(key)).first;
      found = it->second.repo != nullptr ? &it->second : nullptr;
    }
    git_buf_dispose(&root);
    return found;
  }

 private:
  static Repo opened(const std::string& git_dir) {
    Repo r;
    std::error_code ec;
    if (git_repository_open(&r.repo, git_dir.c_str()) != 0) return Repo{};
    const char* workdir = git_repository_workdir(r.repo);
    if (workdir != nullptr) r.workdir = fs::canonical(workdir, ec);
    if (workdir == nullptr || ec) {
      git_repository_free(r.repo);
      return Repo{};
    }
    return r;
  }

  std::map<std::string, Repo> repos_;
};

// `canonical`: the path with its folder resolved (the walk knows it).
bool git_ignored(const Repo* repo, const fs::path& canonical, bool is_dir) {
  if (repo == nullptr) return false;
  const fs::path rel = canonical.lexically_relative(repo->workdir);
  if (rel.empty() || *rel.begin() == "..") return false;
  std::string s = rel.generic_string();
  if (is_dir) s += "/";
  int ignored = 0;
  return git_ignore_path_is_ignored(&ignored, repo->repo, s.c_str()) == 0 && ignored == 1;
}

struct Walker {
  const WalkArgs& args;
  Walk& walk;
  std::vector<Error>& errors;
  Repositories repos;
  std::set<fs::path> seen_dirs;
  std::set<fs::path> files;

  // Why a folder met in a walk is not entered, or "".
  std::string skip_dir(const fs::path& p, const fs::path& canon, const Repo* repo) const {
    const std::string name = p.filename().string();
    if (name == ".git") return "hidden";
    if (!args.hidden && name.starts_with('.') && !is_agent_tool_folder(name)) return "hidden";
    if (!args.hidden && name == "node_modules") return "node_modules";
    if (!args.no_ignore && git_ignored(repo, canon, true)) return "git-ignored";
    return "";
  }

  // Why a file met in a walk is not taken, or "".
  std::string skip_file(const fs::path& p, const fs::path& canon, const Repo* repo) const {
    const std::string ext = p.extension().string();
    if (ext != ".md" && ext != ".txt") return "-";  // not counted: not Markdown
    const std::string head = head_of(p);
    if (ext == ".txt" && !has_frontmatter_start(head)) return "-";
    if (!args.no_ignore && git_ignored(repo, canon, false)) return "git-ignored";
    if (!looks_like_agent(p.generic_string(), head)) return "not an agent file";
    return "";
  }

  // `parent`: the repository of the folder holding `d` (a walk root: none
  // known yet, so it is looked up); a folder with its own .git starts a
  // nested repository.
  void dir(const fs::path& d, const Repo* parent, bool root) {
    std::error_code ec;
    const fs::path canon = fs::canonical(d, ec);
    if (ec || !seen_dirs.insert(canon).second) return;  // unreadable, or a loop
    fs::directory_iterator it(d, ec);
    if (ec) {
      errors.push_back(Error{d.string(), 0, "io", ec.message()});
      return;
    }
    const Repo* repo = parent;
    if (!args.no_ignore && (root || fs::exists(d / ".git", ec))) repo = repos.open(d);
    for (const auto& entry : it) entry_in(entry, canon, repo);
  }

  void entry_in(const fs::directory_entry& entry, const fs::path& canon_dir, const Repo* repo) {
    std::error_code ec;
    const fs::path& p = entry.path();
    const fs::path canon = canon_dir / p.filename();
    if (entry.is_directory(ec)) {
      if (entry.is_symlink(ec) && !args.follow_symlinks) return;
      const std::string why = skip_dir(p, canon, repo);
      if (why.empty()) dir(p, repo, false);
      else walk.skipped.push_back({p, why});
    } else if (entry.is_regular_file(ec)) {
      const std::string why = skip_file(p, canon, repo);
      if (why.empty()) files.insert(p);
      else if (why != "-") walk.skipped.push_back({p, why});
    }
  }
};

}  // namespace

void add_walk_options(CLI::App* sub, WalkArgs& args) {
  sub->add_flag("--follow-symlinks", args.follow_symlinks,
                "Follow symbolic links to folders (loops are never followed)");
  sub->add_flag("--hidden", args.hidden,
                "Also walk hidden folders and node_modules (agent folders such as .claude are always walked)");
  sub->add_flag("--no-ignore", args.no_ignore,
                "Do not apply .gitignore, .git/info/exclude and the global git excludes");
}

Walk walk_paths(const std::vector<std::string>& inputs, const WalkArgs& args,
                std::vector<Error>& errors) {
  Walk walk;
  Walker w{args, walk, errors, {}, {}, {}};
  for (const std::string& in : inputs) {
    const fs::path p(in);
    std::error_code ec;
    if (in == "-") {
      w.files.insert(p);  // standard input
    } else if (fs::is_directory(p, ec)) {
      w.dir(p, nullptr, true);
    } else if (fs::exists(p, ec)) {
      w.files.insert(p);
    } else if (ec && ec.value() == ELOOP) {
      errors.push_back(Error{in, 0, "io", "too many levels of symbolic links"});
    } else if (fs::is_symlink(fs::symlink_status(p, ec))) {
      errors.push_back(Error{in, 0, "io", "a symlink to a missing file"});
    } else {
      errors.push_back(Error{in, 0, "io", "no such file or directory"});
    }
  }
  walk.files.assign(w.files.begin(), w.files.end());
  std::sort(walk.skipped.begin(), walk.skipped.end(),
            [](const SkippedPath& a, const SkippedPath& b) { return a.path < b.path; });
  return walk;
}

void report_skipped(const Walk& walk) {
  if (walk.skipped.empty() || verbosity() == Verbosity::Quiet) return;
  std::map<std::string, std::size_t> counts;
  for (const auto& s : walk.skipped) ++counts[s.why];
  std::string line = "skipped " + std::to_string(walk.skipped.size()) + ":";
  const char* sep = " ";
  for (const auto& [why, n] : counts) {
    line += sep + std::to_string(n) + " " + why;
    sep = ", ";
  }
  clear_progress_line();
  if (verbosity() == Verbosity::Verbose) {
    for (const auto& s : walk.skipped) std::cerr << "skipped " << s.path.string() << " (" << s.why << ")\n";
  } else {
    line += " (-v lists them)";
  }
  std::cerr << "agentmerge: " << line << "\n";
}

}  // namespace agentmerge::cli
