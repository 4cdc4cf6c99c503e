#include "merge_options.hpp"

#include <filesystem>
#include <iostream>
#include <system_error>

#include "config_file.hpp"
#include "console.hpp"
#include "io.hpp"
#include "limits.hpp"

namespace agentmerge::cli {

namespace {

namespace fs = std::filesystem;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec1;
  std::error_code ec2;
  const auto ca = fs::weakly_canonical(a, ec1);
  const auto cb = fs::weakly_canonical(b, ec2);
  return a == b || (!ec1 && !ec2 && ca == cb);
}

ExitCode usage(std::string_view command, const std::string& message) {
  std::cerr << "agentmerge " << command << ": " << message << "\n";
  return ExitCode::Usage;
}

}  // namespace

std::optional<ExternalFormat> external_target(const MergePolicyArgs& a) {
  return parse_external_format(a.to);
}

void add_merge_policy_options(CLI::App* sub, MergePolicyArgs& args) {
  sub->add_option("--name", args.name, "Name of the merged agent");
  sub->add_option("--to", args.to, "Target format: claude, opencode, copilot, qwen, gemini, codex (TOML), kiro (JSON)");
  sub->add_option("--primary", args.primary, "Variant whose order and wording win ties");
  sub->add_option("--tools", args.tools, "Tools policy: union (of the sources that state tools), intersection, primary, all-sources");
  sub->add_option("--model", args.model, "Model policy: primary, most-common");
  sub->add_option("--config", args.config, "Config file (default: agentmerge.yaml upward)");
  sub->add_option("--budget", args.budget,
                  "Keep the merged file within TOKENS (estimated as bytes / 4) by dropping the "
                  "content the fewest variants say; every drop is in the report")
      ->type_name("TOKENS")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  sub->add_option("--decisions", args.decisions,
                  "Apply a reviewer's decisions file (exported by the review page): kept blocks, "
                  "chosen wordings and values")
      ->type_name("FILE");
  add_limit_options(sub, args.parse);
  add_max_blocks_option(sub, args.max_blocks);
}

std::optional<ExitCode> build_merge_options(const MergePolicyArgs& a,
                                            const std::vector<std::string>& sources,
                                            std::string_view command, MergeOptions& opts) {
  auto config = load_config(a.config.empty() ? std::nullopt : std::optional<std::string>(a.config),
                            sources);
  if (!config) {
    std::cerr << config.error().to_string() << "\n";
    return a.config.empty() ? ExitCode::Unreadable : ExitCode::Usage;
  }
  opts.config = *config;
  opts.max_blocks = a.max_blocks;
  opts.budget_tokens = a.budget;
  if (!a.name.empty()) opts.name = a.name;
  if (!a.to.empty()) {
    auto f = parse_format(a.to);
    if (external_target(a)) {
      f = Format::Claude;  // merged as Markdown, then written as TOML / JSON
    } else if (!f || *f == Format::Unknown) {
      return usage(command, "--to must be claude, opencode, copilot, qwen, gemini, codex or kiro");
    }
    opts.target = *f;
  }
  if (!a.tools.empty()) {
    auto p = parse_tool_policy(a.tools);
    if (!p) return usage(command, "--tools must be union, intersection, primary or all-sources");
    opts.config.tools = *p;
  }
  if (!a.model.empty()) {
    auto p = parse_value_policy(a.model);
    if (!p) return usage(command, "--model must be primary or most-common");
    opts.config.key_policies["model"] = *p;
  }
  if (!a.decisions.empty()) {
    auto choices = read_decisions_file(a.decisions);
    if (!choices) return usage(command, choices.error().to_string());
    opts.choices = std::move(*choices);
  }
  if (!a.primary.empty()) {
    for (const auto& s : sources)
      if (same_file(s, a.primary)) opts.primary = s;
    if (!opts.primary) return usage(command, "--primary " + a.primary + " is not one of the sources");
  }
  return std::nullopt;
}

Result<ReviewChoices> read_decisions_file(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_review_choices(*text, path);
}

std::optional<std::vector<AgentFile>> load_sources(const std::vector<std::string>& sources,
                                                   const ParseOptions& options) {
  std::vector<AgentFile> files;
  bool unreadable = false;
  for (const auto& s : sources) {
    auto f = load_agent(s, options);
    if (!f) {
      std::cerr << f.error().to_string() << "\n";
      unreadable = true;
      continue;
    }
    std::vector<Diagnostic> shown;
    // The reader's repair notes are many on real files: only with -v.
    for (const auto& d : f->diagnostics)
      if (d.severity != Severity::Note || verbosity() == Verbosity::Verbose) shown.push_back(d);
    print_diagnostics(shown);
    files.push_back(std::move(*f));
  }
  if (unreadable) return std::nullopt;
  return files;
}

}  // namespace agentmerge::cli
