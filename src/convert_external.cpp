// Conversion into Codex (TOML) and Kiro (JSON) agents, and reading them back
// as Claude agents (see convert.hpp). The policy shared by both formats is
// here: the name is kept (both formats take any string), the body becomes
// the prompt, the model goes through the model table, every other key is
// reported as dropped, and the tool grant goes to the format's own writer,
// which never widens it without a warning.
#include <algorithm>
#include <array>

#include "agentmerge/convert.hpp"
#include "agentmerge/emit.hpp"
#include "agentmerge/parse.hpp"
#include "agentmerge/plan.hpp"
#include "agentmerge/tools.hpp"
#include "convert_external.hpp"
#include "convert_internal.hpp"

namespace agentmerge {

namespace {

using namespace convert_detail;
using namespace external_detail;

// What the writer of a format returns: the document and the grant it means.
struct Written {
  std::string text;
  ToolSet granted;
};

Written write_kiro_agent(const AgentFile& src, const ToolSet& set, const ExternalAgent& agent,
                         std::vector<Diagnostic>& notes) {
  KiroTools tools = kiro_tools(src, set, notes);
  return {write_kiro(agent, tools.names), std::move(tools.granted)};
}

Written write_codex_agent(const AgentFile& src, const ToolSet& set, const ExternalAgent& agent,
                          std::vector<Diagnostic>& notes) {
  CodexTools tools = codex_tools(src, set, notes);
  return {write_codex(agent, tools.sandbox_mode), std::move(tools.granted)};
}

struct FormatEntry {
  ExternalFormat format;
  std::string_view word;
  std::string_view extension;
  Written (*write)(const AgentFile&, const ToolSet&, const ExternalAgent&,
                   std::vector<Diagnostic>&);
  Result<ReadAgent> (*read)(std::string_view, const std::string&, std::vector<Diagnostic>&);
};

constexpr std::array<FormatEntry, 2> kFormats{{
    {ExternalFormat::Codex, "codex", ".toml", write_codex_agent, read_codex},
    {ExternalFormat::Kiro, "kiro", ".json", write_kiro_agent, read_kiro},
}};

const FormatEntry& entry(ExternalFormat f) {
  return *std::find_if(kFormats.begin(), kFormats.end(),
                       [&](const FormatEntry& e) { return e.format == f; });
}

// Keys with their own rules; every other key of the source is reported.
constexpr std::array<std::string_view, 4> kCarriedKeys{"name", "description", "tools", "model"};

constexpr std::size_t kMaxBytes = std::size_t{8} * 1024 * 1024;

// The target's model name, or nullopt (omitted, with a note saying why).
std::optional<std::string> target_model(const AgentFile& src, Format from, ExternalFormat to,
                                        std::vector<Diagnostic>& notes) {
  const FrontmatterEntry* e = src.frontmatter.find("model");
  if (e == nullptr) return std::nullopt;
  const std::string target(to_string(to));
  if (!e->value.is_string() && e->value.kind != Value::Kind::Number) {
    notes.push_back(note(Severity::Warning, src, e->line, "model-dropped",
                         "model is " + short_value(e->value) + ", not a name; dropped"));
    return std::nullopt;
  }
  const std::string& model = e->value.scalar;
  if (model_key(model) == kInheritModel) {
    notes.push_back(note(Severity::Note, src, e->line, "model-inherit",
                         "model 'inherit' is written as no model key: " + target +
                             " then uses the default"));
    return std::nullopt;
  }
  auto mapped = map_model_by_table(model_column(from), model_column(to), model);
  if (!mapped) {
    notes.push_back(note(Severity::Warning, src, e->line, "model-unmapped",
                         "model '" + model + "' has no known equivalent in " + target +
                             "; dropped"));
  } else if (*mapped != model) {
    notes.push_back(note(Severity::Note, src, e->line, "model-mapped",
                         "model '" + model + "' written as '" + *mapped + "'"));
  }
  return mapped;
}

void report_dropped_keys(const AgentFile& src, Format from, ExternalFormat to,
                         std::vector<Diagnostic>& notes) {
  for (const FrontmatterEntry& e : src.frontmatter.entries) {
    if (std::find(kCarriedKeys.begin(), kCarriedKeys.end(), e.key) != kCarriedKeys.end()) continue;
    const bool tool_part = e.key == "permission" && from == Format::Opencode;
    notes.push_back(note(Severity::Warning, src, e.line, "key-dropped",
                         "'" + e.key + "' (" + short_value(e.value) + ") has no place in " +
                             std::string(to_string(to)) +
                             (tool_part ? "; its tool grants are kept in tools, the rest is dropped"
                                        : "; dropped")));
  }
}

}  // namespace

std::string_view to_string(ExternalFormat f) { return entry(f).word; }

std::optional<ExternalFormat> parse_external_format(std::string_view word) {
  for (const FormatEntry& e : kFormats)
    if (e.word == word) return e.format;
  return std::nullopt;
}

std::optional<ExternalFormat> external_format_from_path(std::string_view path) {
  for (const FormatEntry& e : kFormats)
    if (path.ends_with(e.extension)) return e.format;
  return std::nullopt;
}

Result<ConvertResult> convert(const AgentFile& source, ExternalFormat target) {
  const Format from = source.format == Format::Unknown ? Format::Claude : source.format;
  ConvertResult out;
  out.converted = source;
  out.converted.diagnostics.clear();
  const ExternalAgent agent{source.name(), source.description(), emit_body(source.body),
                            target_model(source, from, target, out.notes)};
  report_dropped_keys(source, from, target, out.notes);
  if (agent.description.empty()) {
    out.notes.push_back(note(Severity::Warning, source, 0, "description-missing",
                             "no description; " + std::string(to_string(target)) +
                                 " agents need one to be chosen"));
  }
  ToolSet set = source.tools;
  if (from == Format::Opencode) apply_permission_limits(source, to_string(target), set, out.notes);
  Written written = entry(target).write(source, set, agent, out.notes);
  const auto stem = safe_file_stem(agent.name);
  if (!stem) {
    return Error{source.source_name, 0, "unsafe-name",
                 "agent name '" + agent.name + "' cannot be made into a file name"};
  }
  out.text = std::move(written.text);
  out.converted.tools = std::move(written.granted);
  out.converted.stem = *stem;
  out.file_name = *stem + std::string(entry(target).extension);
  return out;
}

namespace {

// "dir/api.json" -> "api".
std::string path_stem(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const auto dot = path.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? path : path.substr(0, dot));
}

// The Claude frontmatter entries for an agent read from `format`.
std::vector<FrontmatterEntry> claude_entries(const ReadAgent& r, ExternalFormat format,
                                             const std::string& file,
                                             std::vector<Diagnostic>& notes) {
  std::vector<FrontmatterEntry> entries;
  auto add = [&](std::string key, Value v, int line) {
    entries.push_back(FrontmatterEntry{std::move(key), std::move(v), line, line, EntryOrigin::Strict});
  };
  add("name", Value::string(r.agent.name), 0);
  if (!r.agent.description.empty()) add("description", Value::string(r.agent.description), 0);
  // The tools are written by emit_frontmatter from the ToolSet (which also
  // reports what Claude cannot name); names no table knows are kept as is.
  for (const std::string& id : r.tools.tools) {
    if (r.tools.mode == ToolMode::Allow && id.starts_with("other:")) {
      notes.push_back({Severity::Warning, file, r.tools_line, "tool-unknown",
                       "tool '" + id.substr(6) + "' has no claude equivalent; written as is"});
    }
  }
  if (!r.agent.model) return entries;
  if (auto m = map_model_by_table(model_column(format), &ModelRow::claude, *r.agent.model)) {
    add("model", Value::string(*m), r.model_line);
  } else {
    notes.push_back({Severity::Warning, file, r.model_line, "model-unmapped",
                     "model '" + *r.agent.model + "' has no known equivalent in claude; dropped"});
  }
  return entries;
}

// A name no table of the source format knows ("websearch" in Kiro) may be a
// real tool's name in Claude (WebSearch): written as is, it would grant that
// tool. Such names are not granted.
void drop_misread_names(ReadAgent& r, const std::string& file, std::vector<Diagnostic>& notes) {
  if (r.tools.mode != ToolMode::Allow) return;
  auto& ids = r.tools.tools;
  for (auto it = ids.begin(); it != ids.end();) {
    const std::string claude_id =
        it->starts_with("other:") ? to_neutral(Format::Claude, it->substr(6)) : *it;
    if (claude_id == *it) {
      ++it;
      continue;
    }
    notes.push_back({Severity::Warning, file, r.tools_line, "tool-would-widen",
                     "tool '" + it->substr(6) + "' would read as " + claude_id +
                         " in claude; not granted"});
    it = ids.erase(it);
  }
  if (ids.empty()) r.tools.mode = ToolMode::None;
}

}  // namespace

Result<AgentFile> read_external(std::string_view text, std::string_view source_name,
                                ExternalFormat format) {
  const std::string file(source_name);
  if (text.size() > kMaxBytes) return Error{file, 0, "too-large", "larger than 8 MiB"};
  std::vector<Diagnostic> notes;
  auto read = entry(format).read(text, file, notes);
  if (!read) return read.error();
  if (read->agent.name.empty()) read->agent.name = path_stem(source_name);
  drop_misread_names(*read, file, notes);
  // Format Unknown: emit_frontmatter then writes the tools from the ToolSet
  // in Claude's shape instead of keeping a source value.
  AgentFile claude;
  claude.source_name = file;
  claude.format = Format::Unknown;
  claude.tools = read->tools;
  claude.frontmatter.mode = FrontmatterMode::Strict;
  claude.frontmatter.entries = claude_entries(*read, format, file, notes);
  std::string md = emit_frontmatter(claude, Format::Claude, notes);
  if (!read->agent.prompt.empty()) md += "\n" + read->agent.prompt;
  ParseOptions options;
  options.format = Format::Claude;
  auto parsed = parse_agent(md, source_name, options);
  if (!parsed) return parsed.error();
  if (grants_more(parsed->tools, read->tools)) {
    notes.push_back({Severity::Warning, file, read->tools_line, "tools-widened",
                     "the claude tools grant more than the " + std::string(to_string(format)) +
                         " file"});
  }
  parsed->stem = path_stem(source_name);
  parsed->diagnostics.insert(parsed->diagnostics.begin(), notes.begin(), notes.end());
  return parsed;
}

}  // namespace agentmerge
