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
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace agentmerge::cli {
namespace fs = std::filesystem;

namespace {

// The OS's reason, in words; a symlink loop says so.
std::string os_reason(int err) {
  if (err == ELOOP) return "a symlink loop (too many levels of symbolic links)";
  return std::strerror(err);
}

Error too_large(const fs::path& path, std::size_t max_bytes) {
  return Error{path.string(), 0, "too-large",
               "file is larger than the limit of " + std::to_string(max_bytes) +
                   " bytes (--max-bytes)"};
}

}  // namespace

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

namespace {

std::string& stdin_name_slot() {
  static std::string name = "<stdin>";
  return name;
}

// Standard input, at most max_bytes + 1 bytes, once per process.
Result<std::string> read_stdin(std::size_t max_bytes) {
  static bool read_before = false;
  const std::string name = stdin_name_slot();
  if (read_before) return Error{name, 0, "io", "standard input ('-') can be read only once"};
  read_before = true;
  std::string out;
  char buf[65536];
  while (out.size() <= max_bytes) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{name, 0, "io", "read error: " + os_reason(errno)};
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (out.size() > max_bytes) return too_large(name, max_bytes);
  return out;
}

}  // namespace

void set_stdin_name(std::string name) { stdin_name_slot() = std::move(name); }

std::string display_name(const fs::path& path) {
  return path == "-" ? stdin_name_slot() : path.string();
}

void add_stdin_option(CLI::App* sub) {
  sub->add_option_function<std::string>(
      "--stdin-filename", [](const std::string& name) { set_stdin_name(name); },
      "Name standard input ('-') by this path: in messages, and for the format detected from it");
}

Result<std::string> read_file(const fs::path& path, std::size_t max_bytes) {
  if (path == "-") return read_stdin(max_bytes);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
  // below like every file that is not a regular one.
  const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    return Error{path.string(), 0, "io", "cannot open: " + os_reason(errno)};
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Error{path.string(), 0, "io", "cannot stat: " + os_reason(errno)};
  }
  if (S_ISDIR(st.st_mode)) return Error{path.string(), 0, "io", "is a directory"};
  if (!S_ISREG(st.st_mode)) {
    return Error{path.string(), 0, "not-a-file",
                 "not a regular file (a FIFO, socket or device); refused"};
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return too_large(path, max_bytes);
  // Read at most the cap plus one byte: a file that grows while read (or
  // lies about its size) still cannot cost more than the cap.
  std::string out;
  out.resize(std::min<std::size_t>(static_cast<std::size_t>(st.st_size), max_bytes) + 1);
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd.get(), out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error{path.string(), 0, "io", "read error: " + os_reason(errno)};
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == out.size() && got <= max_bytes) out.resize(std::min(out.size() * 2, max_bytes + 1));
  }
  if (got > max_bytes) return too_large(path, max_bytes);
  out.resize(got);
  return out;
}

Result<AgentFile> load_agent(const fs::path& path, const ParseOptions& options) {
  auto bytes = read_file(path, options.max_bytes);
  if (!bytes) return bytes.error();
  return parse_agent(*bytes, display_name(path), options);
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

namespace {

// Flushes a folder's entries, so a rename inside it survives a crash.
void sync_folder(const fs::path& folder) {
  const Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

// Where a write to `path` lands: a symbolic link is followed to its file, so
// formatting a link formats the file and keeps the link. An existing target
// that is read-only or has other hard links is refused: renaming over it
// would bypass its permissions or split it from its other names.
Result<fs::path> write_target(const fs::path& path, struct stat& st, bool& exists) {
  fs::path target = path.has_parent_path() ? path : fs::path(".") / path;
  std::error_code ec;
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) return Error{path.string(), 0, "io", "cannot follow the link: " + ec.message()};
  }
  exists = ::stat(target.c_str(), &st) == 0;
  if (!exists) return target;
  if (!S_ISREG(st.st_mode)) return Error{path.string(), 0, "not-a-file", "not a regular file; not replaced"};
  if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0) {
    return Error{path.string(), 0, "read-only", "the file is read-only; not replaced"};
  }
  if (st.st_nlink > 1) {
    return Error{path.string(), 0, "hard-link",
                 "the file has " + std::to_string(st.st_nlink) +
                     " hard links; replacing it would split them, so it is left as it is"};
  }
  return target;
}

}  // namespace

Result<bool> write_atomic(const fs::path& path, std::string_view content) {
  struct stat st {};
  bool exists = false;
  auto where = write_target(path, st, exists);
  if (!where) return where.error();
  const fs::path& target = *where;
  const std::string tmp = temp_name(target);
  const mode_t mode = exists ? (st.st_mode & 07777) : 0644;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{path.string(), 0, "io", std::string("cannot create temporary file: ") +
                                             std::strerror(errno)};
  }
  // The owner is kept when the process may (root, or the same user).
  if (exists && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()))
    static_cast<void>(::fchown(fd, st.st_uid, st.st_gid));
  const bool ok = write_all(fd, content) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = ok ? errno : saved;
    ::unlink(tmp.c_str());
    const std::string why = err == EFBIG ? "file size limit exceeded (ulimit -f)" : std::strerror(err);
    return Error{path.string(), 0, "io", "cannot write: " + why};
  }
  sync_folder(target.parent_path());
  return true;
}

namespace {

Error unsafe(const fs::path& path, const std::string& why) {
  return Error{path.string(), 0, "unsafe-path", why + "; agentmerge never reads, writes or "
                                                      "removes through it (remove it or choose "
                                                      "another --out)"};
}

}  // namespace

Result<bool> check_inside(const fs::path& dir, const std::string& rel) {
  fs::path at = dir;
  std::size_t start = 0;
  while (start <= rel.size()) {
    const auto slash = rel.find('/', start);
    const bool last = slash == std::string::npos;
    at /= rel.substr(start, last ? std::string::npos : slash - start);
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0) {
      if (errno == ENOENT) return false;
      return Error{at.string(), 0, "io", std::string("cannot stat: ") + std::strerror(errno)};
    }
    if (S_ISLNK(st.st_mode)) return unsafe(at, "is a symbolic link inside the output folder");
    if (!last && !S_ISDIR(st.st_mode)) return unsafe(at, "is not a folder");
    if (last && !S_ISREG(st.st_mode)) return unsafe(at, "is not a regular file");
    if (last) return true;
    start = slash + 1;
  }
  return false;
}

}  // namespace agentmerge::cli
