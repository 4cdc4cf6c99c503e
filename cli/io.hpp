// Filesystem access for the subcommands (the library never touches files).
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

// An open file descriptor, closed when it goes out of scope (or is
// replaced). -1 holds none.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd();
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Default cap of read_file: the agent-file limit (ParseOptions::max_bytes).
inline constexpr std::size_t kDefaultMaxBytes = ParseOptions{}.max_bytes;

// Whole file as bytes. Refused without reading: a folder ("io"), a FIFO,
// socket or device ("not-a-file"), a file above `max_bytes` ("too-large";
// at most max_bytes + 1 bytes are ever read). Error "io" with the OS
// message on other failures.
// "-" is standard input (any kind of stream; once per process).
Result<std::string> read_file(const std::filesystem::path& path,
                              std::size_t max_bytes = kDefaultMaxBytes);

// The name "-" goes by in messages and format detection: "<stdin>", or the
// --stdin-filename given (ruff and clang-format style).
void set_stdin_name(std::string name);
// `path`, or the standard input's name for "-".
std::string display_name(const std::filesystem::path& path);
// --stdin-filename NAME on `sub`.
void add_stdin_option(CLI::App* sub);

// Reads and parses one agent file.
Result<AgentFile> load_agent(const std::filesystem::path& path, const ParseOptions& options);

// Writes `content` to `path` atomically: a temporary file in the same folder,
// flushed, renamed over the target, then the folder flushed. A symbolic link
// is followed (the file it names is replaced, the link stays). Keeps the
// target's permissions and, when allowed, its owner. Refuses a read-only
// target ("read-only") and one with several hard links ("hard-link"). Never
// leaves a half-written file; a size limit (ulimit -f) is an error, not a
// signal, since main ignores SIGXFSZ.
Result<bool> write_atomic(const std::filesystem::path& path, std::string_view content);

// Every existing component of dir/rel below dir must be a real folder (not
// a link) and the last one a regular file: a cloned output folder can plant
// a symbolic link at .agentmerge, at a subfolder or at an output to make a
// write or a removal land outside the folder. `dir` itself is the user's
// choice and may be a link. Returns whether the file exists. Errors:
// "unsafe-path", "io".
Result<bool> check_inside(const std::filesystem::path& dir, const std::string& rel);




}  // namespace agentmerge::cli
