#include "io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace agentmerge::cli {
namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Error{path.string(), 0, "io", "is a directory"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{path.string(), 0, "io", std::string("cannot open: ") + std::strerror(errno)};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{path.string(), 0, "io", "read error"};
  return ss.str();
}

Result<AgentFile> load_agent(const fs::path& path, const ParseOptions& options) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  return parse_agent(*bytes, path.string(), options);
}

namespace {

std::string temp_name(const fs::path& target) {
  std::random_device rd;
  std::ostringstream ss;
  ss << "." << target.filename().string() << ".tmp-" << ::getpid() << "-" << std::hex << rd();
  return (target.parent_path() / ss.str()).string();
}

bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

Result<bool> write_atomic(const fs::path& path, std::string_view content) {
  const fs::path target = path.has_parent_path() ? path : fs::path(".") / path;
  const std::string tmp = temp_name(target);
  mode_t mode = 0644;
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{path.string(), 0, "io", std::string("cannot create temporary file: ") +
                                             std::strerror(errno)};
  }
  const bool ok = write_all(fd, content) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = ok ? errno : saved;
    ::unlink(tmp.c_str());
    return Error{path.string(), 0, "io", std::string("cannot write: ") + std::strerror(err)};
  }
  return true;
}

namespace {

bool has_frontmatter_start(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char buf[8] = {};
  in.read(buf, sizeof buf);
  std::string_view s(buf, static_cast<std::size_t>(in.gcount()));
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s.substr(0, 3) == "---";
}

bool is_agent_candidate(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".md") return true;
  return ext == ".txt" && has_frontmatter_start(p);
}

void walk_dir(const fs::path& dir, FollowSymlinks follow, std::set<fs::path>& seen_dirs,
              std::set<fs::path>& out, std::vector<Error>& errors) {
  std::error_code ec;
  const fs::path canon = fs::canonical(dir, ec);
  if (ec || !seen_dirs.insert(canon).second) return;  // unreadable, or a loop
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back(Error{dir.string(), 0, "io", ec.message()});
    return;
  }
  for (const auto& entry : it) {
    const fs::path& p = entry.path();
    if (entry.is_symlink(ec) && entry.is_directory(ec)) {
      if (follow == FollowSymlinks::Yes) walk_dir(p, follow, seen_dirs, out, errors);
      continue;
    }
    if (entry.is_directory(ec)) {
      walk_dir(p, follow, seen_dirs, out, errors);
    } else if (entry.is_regular_file(ec) && is_agent_candidate(p)) {
      out.insert(p);
    }
  }
}

}  // namespace

std::vector<fs::path> expand_paths(const std::vector<std::string>& inputs, FollowSymlinks follow,
                                   std::vector<Error>& errors) {
  std::set<fs::path> out;
  std::set<fs::path> seen_dirs;
  for (const std::string& in : inputs) {
    const fs::path p(in);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      walk_dir(p, follow, seen_dirs, out, errors);
    } else if (fs::exists(p, ec)) {
      out.insert(p);
    } else {
      errors.push_back(Error{in, 0, "io", "no such file or directory"});
    }
  }
  return {out.begin(), out.end()};
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::cerr << d.to_string() << "\n";
}

}  // namespace agentmerge::cli
