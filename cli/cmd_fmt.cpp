// `agentmerge fmt FILE... [-o OUT] [--in-place] [--check] [--max-bytes N]`
//
// Writes each file in the canonical form of its own format (emit(file)):
// to stdout (one file), to OUT (-o, one file), over the file itself
// (--in-place, atomic: temp file + rename, permissions kept, a file already
// canonical is not rewritten), or only reports which files would change
// (--check, paths on stdout). Parse diagnostics and emit notes go to stderr.
// Exit codes: 0 ok, 1 --check found files to change, 2 usage, 3 an input
// could not be read or parsed (the other files are still processed).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agentmerge/emit.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "config_file.hpp"
#include "io.hpp"
#include "limits.hpp"

namespace agentmerge::cli {

namespace {

namespace fs = std::filesystem;

struct FmtOptions {
  std::vector<std::string> files;
  std::string output;
  bool in_place = false;
  bool check = false;
  bool textconv = false;  // git diff.<driver>.textconv: quiet, raw bytes on failure
  std::optional<std::string> config;
  ParseOptions parse;
};

enum class Mode { Stdout, Output, InPlace, Check };

// Usage problems are reported before any file is touched.
std::optional<std::string> usage_error(const FmtOptions& o) {
  const int modes = (o.output.empty() ? 0 : 1) + (o.in_place ? 1 : 0) + (o.check ? 1 : 0);
  if (modes > 1) return "-o, --in-place and --check exclude each other";
  if (o.textconv && (modes > 0 || o.files.size() != 1)) return "--textconv takes one file and no other mode";
  if (!o.output.empty() && o.files.size() != 1) return "-o takes exactly one input file";
  if (o.in_place && std::find(o.files.begin(), o.files.end(), "-") != o.files.end())
    return "--in-place cannot rewrite standard input ('-'); use -o FILE or stdout";
  if (modes == 0 && o.files.size() != 1)
    return "several files need --in-place or --check (stdout takes one file)";
  return std::nullopt;
}

Mode mode_of(const FmtOptions& o) {
  if (!o.output.empty()) return Mode::Output;
  if (o.in_place) return Mode::InPlace;
  if (o.check) return Mode::Check;
  return Mode::Stdout;
}

struct Outcome {
  bool unreadable = false;
  bool changed = false;
};

// Formats one file; errors are printed here with file:line.
Outcome format_one(const fs::path& path, const FmtOptions& o, const ParseOptions& popts) {
  Outcome out;
  auto bytes = read_file(path, popts.max_bytes);
  if (!bytes) {
    std::cerr << bytes.error().to_string() << "\n";
    return {true, false};
  }
  auto file = parse_agent(*bytes, display_name(path), popts);
  if (o.textconv) {
    // git shows whatever this prints; a file that is not an agent file is
    // shown as it is, never hidden or failed.
    std::cout << (file ? emit(*file).text : *bytes);
    return out;
  }
  if (!file) {
    std::cerr << file.error().to_string() << "\n";
    return {true, false};
  }
  print_diagnostics(file->diagnostics);
  const EmitResult r = emit(*file);
  print_diagnostics(r.notes);
  out.changed = r.text != *bytes;
  switch (mode_of(o)) {
    case Mode::Stdout: std::cout << r.text; break;
    case Mode::Check:
      if (out.changed) std::cout << path.string() << "\n";
      break;
    case Mode::InPlace:
    case Mode::Output: {
      const fs::path target = mode_of(o) == Mode::Output ? fs::path(o.output) : path;
      if (mode_of(o) == Mode::InPlace && !out.changed) break;
      if (auto w = write_atomic(target, r.text); !w) {
        std::cerr << w.error().to_string() << "\n";
        out.unreadable = true;
      }
      break;
    }
  }
  return out;
}

ExitCode run(const FmtOptions& o) {
  if (auto err = usage_error(o)) {
    std::cerr << "agentmerge fmt: " << *err << "\n";
    return ExitCode::Usage;
  }
  if (auto config = load_config(o.config, o.files); !config) {
    std::cerr << config.error().to_string() << "\n";
    return ExitCode::Usage;
  }
  const ParseOptions& popts = o.parse;
  bool unreadable = false;
  bool changed = false;
  for (const std::string& f : o.files) {
    const Outcome r = format_one(fs::path(f), o, popts);
    unreadable = unreadable || r.unreadable;
    changed = changed || r.changed;
  }
  if (unreadable) return ExitCode::Unreadable;
  return o.check && changed ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_fmt(CLI::App& app, Action& action) {
  auto opts = std::make_shared<FmtOptions>();
  auto* sub = app.add_subcommand(
      "fmt", "Write agent files in canonical form (ATX headings, '-' bullets, one blank line "
             "between blocks, canonical frontmatter)");
  sub->add_option("files", opts->files, "Agent files")->required();
  sub->add_option("-o,--output", opts->output, "Write the result here (one input file)");
  sub->add_flag("--in-place", opts->in_place,
                "Rewrite the files atomically (permissions kept; unchanged files untouched)");
  sub->add_flag("--check", opts->check,
                "Write nothing; list the files that would change and exit 1 if any");
  sub->add_flag("--textconv", opts->textconv,
                "For git's diff.<driver>.textconv: print the canonical form with no notes; a file "
                "that cannot be read as an agent is printed as it is");
  sub->add_option("--config", opts->config,
                  "Config file (default: agentmerge.yaml upward); checked, fmt has no settings");
  add_limit_options(sub, opts->parse);
  sub->footer(
      "Exit codes: 0 ok, 1 --check found files that would change, 2 usage,\n"
      "3 an input could not be read or parsed (the other files are still processed).");
  sub->callback([&action, opts] { action = [opts] { return run(*opts); }; });
}

}  // namespace agentmerge::cli
