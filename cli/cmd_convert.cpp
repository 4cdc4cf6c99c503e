// `agentmerge convert PATH... --to FORMAT [-o OUT | --out DIR]`
//
// 1:1 conversion between formats, no merging. One input without -o/--out
// prints to stdout; -o writes one file; --out DIR writes each input at its
// path below the folder named (--layout tree), in the target's agent folder
// (--layout tool) or flat, as <name>.md (<name>.agent.md for copilot,
// <name>.toml for codex, <name>.json for kiro). Two files one tool would
// see as the same agent are a warning naming both. Codex (*.toml) and Kiro (*.json) agents given by
// name are read back as inputs. Everything the target cannot express is
// printed per file to stderr (and in --json).
// Exit codes: 0 converted faithfully; 1 converted, but something could not be
// expressed (see the notes); 2 usage; 3 some input unreadable or some output
// refused (the others are still converted).
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "agentmerge/convert.hpp"
#include "agentmerge/normalize.hpp"
#include "agentmerge/parse.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "config_file.hpp"
#include "io.hpp"
#include "walk.hpp"
#include "limits.hpp"
#include "parallel.hpp"
#include "progress.hpp"

namespace agentmerge::cli {
namespace {
namespace fs = std::filesystem;

struct ConvertArgs {
  std::vector<std::string> paths;
  std::string to;
  std::optional<std::string> from;
  std::optional<std::string> output;   // -o
  std::optional<std::string> out_dir;  // --out
  std::string layout = "tree";         // --layout
  bool force = false;
  bool json = false;
  WalkArgs walk;
  std::optional<std::string> config;
  unsigned jobs = 0;
  ParseOptions parse;
};

// A Markdown format or Codex / Kiro.
using Target = std::variant<Format, ExternalFormat>;

std::optional<Target> parse_target(std::string_view word) {
  if (auto f = parse_format(word); f && *f != Format::Unknown) return Target{*f};
  if (auto f = parse_external_format(word)) return Target{*f};
  return std::nullopt;
}

std::string target_word(const Target& t) {
  return std::visit([](auto f) { return std::string(to_string(f)); }, t);
}

// Reads one input: a Codex or Kiro agent (by --from, else by its extension)
// is read as a Claude agent; anything else as a Markdown agent.
Result<AgentFile> load_input(const fs::path& path, const ParseOptions& options,
                             const std::optional<ExternalFormat>& from) {
  const auto external = from ? from : (options.format ? std::nullopt
                                                      : external_format_from_path(path.string()));
  if (!external) return load_agent(path, options);
  auto bytes = read_file(path, options.max_bytes);
  if (!bytes) return bytes.error();
  return read_external(*bytes, path.string(), *external);
}

// What happened to one input.
struct FileOutcome {
  std::string source;
  std::string output;          // path written (or that would be), "" for stdout
  std::string status;          // "written", "unchanged", "stdout", "error"
  std::vector<Diagnostic> notes;
  std::optional<Error> error;
};

nlohmann::json to_json(const FileOutcome& o) {
  nlohmann::json notes = nlohmann::json::array();
  for (const Diagnostic& d : o.notes) {
    notes.push_back({{"severity", std::string(to_string(d.severity))},
                     {"line", d.line},
                     {"code", d.code},
                     {"message", d.message}});
  }
  nlohmann::json j = {{"source", o.source}, {"output", o.output}, {"status", o.status},
                      {"notes", notes}};
  if (o.error) j["error"] = {{"code", o.error->code}, {"message", o.error->to_string()}};
  return j;
}

bool has_loss(const std::vector<Diagnostic>& notes) {
  for (const Diagnostic& d : notes)
    if (d.severity != Severity::Note) return true;
  return false;
}

// Writes one converted file; refuses to replace different content unless
// --force (an input converted into its own folder is never clobbered).
void write_output(const fs::path& path, const ConvertResult& r, const ConvertArgs& args,
                  FileOutcome& o) {
  o.output = path.string();
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (fs::exists(path, ec)) {
    auto current = read_file(path);
    if (current && *current == r.text) {
      o.status = "unchanged";
      return;
    }
    if (!args.force) {
      o.status = "error";
      o.error = Error{path.string(), 0, "exists",
                      "exists with other content; not overwritten (use --force)"};
      return;
    }
  }
  auto written = write_atomic(path, r.text);
  if (!written) {
    o.status = "error";
    o.error = written.error();
    return;
  }
  o.status = "written";
}

// The name opencode reads from the file name must match the agent's name.
void check_name_by_file(const fs::path& out, const Target& t, const ConvertResult& r,
                        FileOutcome& o) {
  const Format* target = std::get_if<Format>(&t);
  if (target == nullptr || map_key(Format::Claude, *target, "name")) return;
  const std::string stem = file_stem(out.string());
  if (stem != r.converted.stem) {
    o.notes.push_back(Diagnostic{Severity::Warning, o.source, 0, "name-by-file-name",
                                 std::string(to_string(*target)) +
                                     " takes the agent name from the file name: " + out.string() +
                                     " names it '" + stem + "', not '" + r.converted.stem + "'"});
  }
}

// The input's path below the folder named on the command line it was found
// in (the deepest such folder); a file named directly: its file name.
std::string relative_to_inputs(const fs::path& file, const std::vector<std::string>& inputs) {
  std::string best = file.filename().string();
  std::size_t best_root = 0;
  const fs::path normal = file.lexically_normal();
  for (const auto& input : inputs) {
    const fs::path root = fs::path(input).lexically_normal();
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    const fs::path rel = normal.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") continue;
    if (root.string().size() + 1 > best_root) {
      best = rel.generic_string();
      best_root = root.string().size() + 1;
    }
  }
  return best;
}

// Agents a tool would see under one name: a warning on each later file.
// `results` and `outcomes` are parallel (one per input file).
void warn_identity_collisions(const std::vector<Result<ConvertResult>>& results,
                              std::vector<FileOutcome>& outcomes, const std::string& target) {
  std::map<std::string, std::size_t> first;  // identity -> outcome index
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i].ok() || outcomes[i].status == "error") continue;
    const std::string id = normalize_name(results[i]->converted.name());
    const auto [it, fresh] = first.emplace(id, i);
    if (fresh) continue;
    const FileOutcome& other = outcomes[it->second];
    outcomes[i].notes.push_back(
        {Severity::Warning, outcomes[i].source, 0, "identity-collision",
         target + " sees one agent '" + id + "' in two files: " + outcomes[i].output + " (from " +
             outcomes[i].source + ") and " + other.output + " (from " + other.source + ")"});
  }
}

ExitCode run_convert(const ConvertArgs& args) {
  auto config = load_config(args.config, args.paths);
  if (!config) {
    std::cerr << config.error().to_string() << "\n";
    return ExitCode::Usage;
  }
  std::string to = args.to;
  if (to.empty() && config->target) to = std::string(to_string(*config->target));
  if (to.empty()) {
    std::cerr << "agentmerge convert: --to FORMAT is required (or target: in agentmerge.yaml)\n";
    return ExitCode::Usage;
  }
  const auto target = parse_target(to);
  if (!target) {
    std::cerr << "agentmerge convert: unknown --to format '" << to
              << "' (claude, opencode, copilot, qwen, gemini, codex, kiro)\n";
    return ExitCode::Usage;
  }
  ParseOptions options = args.parse;
  std::optional<ExternalFormat> from_external;
  if (args.from) {
    options.format = parse_format(*args.from);
    from_external = parse_external_format(*args.from);
    if (from_external) options.format.reset();
    if (!from_external && (!options.format || *options.format == Format::Unknown)) {
      std::cerr << "agentmerge convert: unknown --from format '" << *args.from
                << "' (claude, opencode, copilot, qwen, gemini, codex, kiro)\n";
      return ExitCode::Usage;
    }
  }
  std::vector<Error> errors;
  const Walk walk = walk_paths(args.paths, args.walk, errors);
  report_skipped(walk);
  const auto& paths = walk.files;
  if (!args.out_dir && paths.size() + errors.size() > 1) {
    std::cerr << "agentmerge convert: several inputs need --out DIR\n";
    return ExitCode::Usage;
  }
  if (args.json && !args.out_dir && !args.output) {
    std::cerr << "agentmerge convert: --json needs -o or --out (stdout holds the agent)\n";
    return ExitCode::Usage;
  }
  if (args.out_dir) {
    std::error_code ec;
    fs::create_directories(*args.out_dir, ec);
    if (ec) {
      std::cerr << "agentmerge convert: " << *args.out_dir << ": " << ec.message() << "\n";
      return ExitCode::Unreadable;
    }
  }
  Progress progress("files", paths.size(),
                    args.json ? Verbosity::Quiet : verbosity());
  const unsigned jobs = args.jobs == 0 ? default_jobs() : args.jobs;
  auto results = parallel_map<Result<ConvertResult>>(paths.size(), jobs, [&](std::size_t i) {
    Result<AgentFile> file = load_input(paths[i], options, from_external);
    progress.advance();
    if (!file) return Result<ConvertResult>(file.error());
    return std::visit([&](auto f) { return convert(*file, f); }, *target);
  });
  progress.finish();

  const Layout layout = parse_layout(args.layout).value_or(Layout::Tree);
  const std::string_view folder =
      std::visit([](auto f) { return agent_folder(f); }, *target);
  std::vector<FileOutcome> outcomes;
  std::map<std::string, std::string> claimed;  // output path -> source
  for (std::size_t i = 0; i < paths.size(); ++i) {
    FileOutcome o{paths[i].string(), "", "", {}, std::nullopt};
    if (!results[i]) {
      o.status = "error";
      o.error = results[i].error();
      outcomes.push_back(std::move(o));
      continue;
    }
    const ConvertResult& r = *results[i];
    o.notes = r.notes;
    if (args.out_dir || args.output) {
      const std::string rel =
          args.out_dir ? output_relative_path(relative_to_inputs(paths[i], args.paths),
                                              r.file_name, layout, folder)
                       : "";
      const fs::path out = args.output ? fs::path(*args.output) : fs::path(*args.out_dir) / rel;
      check_name_by_file(out, *target, r, o);
      const auto [it, fresh] = claimed.emplace(out.string(), o.source);
      // No link or non-folder below --out may send the write elsewhere.
      const auto inside = args.out_dir ? check_inside(*args.out_dir, rel) : Result<bool>(false);
      if (!fresh) {
        o.status = "error";
        o.error = Error{o.source, 0, "output-collision",
                        "converts to " + out.string() + ", already written from " + it->second};
      } else if (!inside) {
        o.status = "error";
        o.error = inside.error();
      } else {
        write_output(out, r, args, o);
      }
    } else {
      std::cout << r.text;
      o.status = "stdout";
    }
    outcomes.push_back(std::move(o));
  }

  warn_identity_collisions(results, outcomes, target_word(*target));
  for (const Error& e : errors) outcomes.push_back({e.file, "", "error", {}, e});
  bool lossy = false;
  bool failed = false;
  nlohmann::json files = nlohmann::json::array();
  for (const FileOutcome& o : outcomes) {
    lossy = lossy || has_loss(o.notes);
    failed = failed || o.error.has_value();
    if (args.json) {
      files.push_back(to_json(o));
      continue;
    }
    print_diagnostics(o.notes);
    if (o.error) std::cerr << "agentmerge convert: " << o.error->to_string() << "\n";
  }
  if (args.json) {
    // Envelope agentmerge-convert/1 (docs/schema/convert.schema.json).
    const nlohmann::json doc{{"schema", "agentmerge-convert/1"}, {"files", std::move(files)}};
    std::cout << doc.dump(2) << "\n";
  }
  if (verbosity() != Verbosity::Quiet && !args.json && args.out_dir) {
    std::size_t written = 0, unchanged = 0;
    for (const FileOutcome& o : outcomes) {
      written += o.status == "written" ? 1 : 0;
      unchanged += o.status == "unchanged" ? 1 : 0;
    }
    std::cerr << "converted to " << target_word(*target) << ": " << written << " written, "
              << unchanged << " unchanged, " << (outcomes.size() - written - unchanged)
              << " failed\n";
  }
  if (failed) return ExitCode::Unreadable;
  return lossy ? ExitCode::Findings : ExitCode::Ok;
}

}  // namespace

void add_convert(CLI::App& app, Action& action) {
  auto args = std::make_shared<ConvertArgs>();
  auto* sub = app.add_subcommand("convert", "Convert agent files 1:1 into another format");
  sub->add_option("paths", args->paths, "Agent files or folders (walked recursively)")
      ->required();
  sub->add_option("--to", args->to,
                  "Target format: claude, opencode, copilot, qwen, gemini, codex, kiro "
                  "(default: target: in agentmerge.yaml)");
  sub->add_option("--config", args->config, "Config file (default: agentmerge.yaml upward)");
  sub->add_option("--from", args->from,
                  "Read every input as this format (default: detected; *.toml and *.json "
                  "files given by name are read as codex and kiro)");
  add_limit_options(sub, args->parse);
  auto* single = sub->add_option("-o,--output", args->output, "Output file (one input only)");
  sub->add_option("--out", args->out_dir, "Output folder: one file per input, named by the target's "
                                          "convention")
      ->excludes(single);
  sub->add_option("--layout", args->layout,
                  "With --out: tree (default) keeps each input's path below the folder named, "
                  "tool puts it in the target's agent folder (.github/agents/...), flat writes "
                  "file names only")
      ->check(CLI::IsMember({"tree", "tool", "flat"}));
  sub->add_flag("--force", args->force, "Overwrite an existing output file with other content");
  add_walk_options(sub, args->walk);
  sub->add_flag("--json", args->json, "Print per-file results and notes as JSON");
  sub->add_option("-j,--jobs", args->jobs, "Files converted in parallel (default: core count)")
      ->check(CLI::Range(1U, 1024U));
  sub->footer(
      "Exit codes: 0 converted faithfully, 1 something could not be expressed in the\n"
      "target (see the notes), 2 usage, 3 some input unreadable or output refused.");
  sub->callback([&action, args] { action = [args] { return run_convert(*args); }; });
}

}  // namespace agentmerge::cli
