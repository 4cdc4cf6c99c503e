// Shared terminal options and printing (see console.hpp).
//
//   format_diagnostic({Warning, "a.md", 3, "unknown-tool", "unknown tool 'Fly'"}, Stream::Err)
//     -> "a.md:3: \x1b[33mwarning\x1b[0m: unknown tool 'Fly' [unknown-tool]"   (colour on)
#include "console.hpp"

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>

#include <unistd.h>

namespace agentmerge::cli {
namespace {

// One set per process: the options are parsed once, before the command runs.
struct ConsoleState {
  bool quiet = false;
  bool verbose = false;
  ColorChoice color = ColorChoice::Auto;
};

ConsoleState& state() {
  static ConsoleState s;
  return s;
}

std::atomic<bool> g_progress_drawn{false};
std::mutex g_err_mutex;

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

const char* code_for(Paint p) {
  switch (p) {
    case Paint::Error: return "\033[31m";
    case Paint::Warning: return "\033[33m";
    case Paint::Note: return "\033[36m";
    case Paint::Danger: return "\033[1;31m";
    case Paint::Bold: return "\033[1m";
  }
  return "";
}

Paint paint_for(Severity s) {
  switch (s) {
    case Severity::Error: return Paint::Error;
    case Severity::Warning: return Paint::Warning;
    case Severity::Note: return Paint::Note;
  }
  return Paint::Note;
}

}  // namespace

void add_console_options(CLI::App* sub) {
  ConsoleState& s = state();
  sub->add_flag("-q,--quiet", s.quiet, "No progress line and no summary; findings and errors still print");
  sub->add_flag("-v,--verbose", s.verbose, "Also print notes (every repair the reader made)");
  const std::map<std::string, ColorChoice> colors{
      {"auto", ColorChoice::Auto}, {"always", ColorChoice::Always}, {"never", ColorChoice::Never}};
  sub->add_option("--color", s.color,
                  "auto (default: on a terminal, unless NO_COLOR or TERM=dumb; CLICOLOR_FORCE "
                  "forces it), always, never")
      ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case));
}

Verbosity verbosity() {
  const ConsoleState& s = state();
  if (s.quiet) return Verbosity::Quiet;
  return s.verbose ? Verbosity::Verbose : Verbosity::Normal;
}

ColorChoice color_choice() { return state().color; }

bool color_on(Stream stream) {
  switch (state().color) {
    case ColorChoice::Always: return true;
    case ColorChoice::Never: return false;
    case ColorChoice::Auto: break;
  }
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::string_view(force) != "0") return true;
  if (env_set("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(stream == Stream::Out ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

std::string paint(std::string_view text, Paint p, Stream stream) {
  if (!color_on(stream)) return std::string(text);
  return std::string(code_for(p)) + std::string(text) + "\033[0m";
}

std::string format_diagnostic(const Diagnostic& d, Stream stream) {
  std::string s = d.file;
  if (d.line > 0) s += ":" + std::to_string(d.line);
  s += ": " + paint(to_string(d.severity), paint_for(d.severity), stream) + ": " + d.message;
  if (!d.code.empty()) s += " [" + d.code + "]";
  return s;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  const bool notes = verbosity() != Verbosity::Quiet;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Note && !notes) continue;
    clear_progress_line();
    std::cerr << format_diagnostic(d, Stream::Err) << "\n";
  }
}

void print_summary(std::string_view summary) {
  if (verbosity() == Verbosity::Quiet) return;
  clear_progress_line();
  std::size_t pos = 0;
  while (pos < summary.size()) {
    std::size_t end = summary.find('\n', pos);
    if (end == std::string_view::npos) end = summary.size();
    const std::string_view line = summary.substr(pos, end - pos);
    const std::size_t lead = line.find_first_not_of(' ');
    const std::string_view body = lead == std::string_view::npos ? line : line.substr(lead);
    std::string out(line);
    if (body.starts_with("DANGER:"))
      out = std::string(line.substr(0, lead)) + paint(body, Paint::Danger, Stream::Err);
    else if (body.starts_with("review:"))
      out = std::string(line.substr(0, lead)) + paint("review:", Paint::Warning, Stream::Err) +
            std::string(body.substr(7));
    std::cerr << out << (end < summary.size() ? "\n" : "");
    pos = end + 1;
  }
}

void draw_progress_line(const std::string& line) {
  const std::lock_guard<std::mutex> lock(g_err_mutex);
  std::cerr << "\r\033[K" << line << std::flush;
  g_progress_drawn = true;
}

void clear_progress_line() {
  const std::lock_guard<std::mutex> lock(g_err_mutex);
  if (g_progress_drawn.exchange(false)) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace agentmerge::cli
