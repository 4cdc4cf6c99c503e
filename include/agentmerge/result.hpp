// Diagnostics, recoverable errors and exit codes shared by every stage.
//
// Contract: a stage that can fail on bad input returns Result<T>; it throws
// only for bugs (broken invariants), which the CLI catches once in main and
// reports with ExitCode::Internal.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace agentmerge {

// Exit codes of the `agentmerge` command. Listed in `--help` and docs/cli.md.
enum class ExitCode : int {
  Ok = 0,          // success; for --check / diff / lint: nothing to report
  Findings = 1,    // lint findings, fmt --check differences, diff differences,
                   // merge decisions that need review
  Usage = 2,       // bad command line
  Unreadable = 3,  // an input could not be read or parsed
  Internal = 70,   // a bug: an unexpected exception reached main
};

enum class Severity { Note, Warning, Error };

std::string_view to_string(Severity s);

// One finding about one source location. `line` is 1-based; 0 means "the file
// as a whole". `code` is a stable kebab-case identifier (e.g.
// "lenient-description") that scripts may match on; `message` is for people.
struct Diagnostic {
  Severity severity = Severity::Note;
  std::string file;
  int line = 0;
  std::string code;
  std::string message;

  // "file:line: severity: message [code]" (line omitted when 0).
  std::string to_string() const;
};

// A recoverable failure: what went wrong and where.
struct Error {
  std::string file;
  int line = 0;
  std::string code;
  std::string message;

  std::string to_string() const;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}    // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace agentmerge
