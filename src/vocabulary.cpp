// The tool vocabulary: one table, one row per neutral id, each format's
// names in its columns (the first name of a column is the one written).
//
//   to_neutral(Claude, "Bash")                      -> "shell"
//   to_neutral_ids(Copilot, "edit")                 -> {"edit", "multiedit", "write"}
//   to_neutral(Claude, "mcp__context7__get-docs")   -> "mcp:context7/get-docs"
//   to_neutral(Opencode, "context7_get-docs")       -> "mcp:context7/get-docs"
//   from_neutral(Gemini, "grep")                    -> "search_file_content"
//
// A name listed in several rows of one column is a coarse alias that grants
// all of them (Copilot's tool sets "edit", "search", "web", "todo").
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "agentmerge/tools.hpp"
#include "vocabulary.hpp"

namespace agentmerge {

namespace {

using Names = std::vector<std::string>;

// Columns: id, description, claude, opencode, copilot, qwen, gemini.
// Order matters: it is the order tools are written in.
const std::vector<ToolVocabularyRow> kRows = {
    {"shell", "run a shell command", {"Bash"}, {"bash"},
     {"execute", "runCommands", "runInTerminal", "terminalCommand", "execute/runInTerminal",
      "runCommands/runInTerminal", "shell", "bash", "powershell"},
     {"run_shell_command"}, {"run_shell_command"}},
    {"shell-output", "read a background shell's output", {"BashOutput"}, {},
     {"execute/getTerminalOutput", "getTerminalOutput"}, {}, {}},
    {"shell-kill", "stop a background shell", {"KillShell"}, {}, {}, {}, {}},
    {"read", "read a file", {"Read"}, {"read"}, {"read", "readFile", "read/readFile"},
     {"read_file"}, {"read_file"}},
    {"read-many", "read several files at once", {}, {}, {}, {"read_many_files"},
     {"read_many_files"}},
    {"write", "create or overwrite a file", {"Write"}, {"write"},
     {"edit", "createFile", "edit/createFile"}, {"write_file"}, {"write_file"}},
    {"edit", "edit part of a file", {"Edit"}, {"edit"}, {"edit", "editFiles", "edit/editFiles"},
     {"edit", "replace"}, {"replace"}},
    {"multiedit", "several edits to one file", {"MultiEdit"}, {}, {"edit"}, {}, {}},
    {"patch", "apply a patch", {}, {"patch"}, {}, {}, {}},
    {"grep", "search file contents", {"Grep"}, {"grep"},
     {"search", "textSearch", "search/textSearch"}, {"grep_search", "search_file_content"},
     {"search_file_content"}},
    {"glob", "find files by pattern", {"Glob"}, {"glob"},
     {"search", "fileSearch", "search/fileSearch"}, {"glob"}, {"glob"}},
    {"list", "list a directory", {"LS"}, {"list"},
     {"search", "listDirectory", "search/listDirectory"}, {"list_directory"}, {"list_directory"}},
    {"webfetch", "fetch a URL", {"WebFetch"}, {"webfetch"}, {"web/fetch", "fetch", "web"},
     {"web_fetch"}, {"web_fetch"}},
    {"websearch", "search the web", {"WebSearch"}, {"websearch"}, {"web"}, {"web_search"},
     {"google_web_search"}},
    {"todoread", "read the todo list", {}, {"todoread"}, {"todo"}, {}, {}},
    {"todowrite", "write the todo list", {"TodoWrite"}, {"todowrite"}, {"todo"},
     {"todo_write"}, {"write_todos"}},
    // Claude Code renamed Task to Agent; both are read, Agent is written.
    {"task", "delegate to a subagent", {"Agent", "Task"}, {"task"},
     {"agent", "runSubagent", "agent/runSubagent"}, {"task"}, {}},
    {"notebookread", "read a notebook", {"NotebookRead"}, {}, {}, {}, {}},
    {"notebookedit", "edit a notebook", {"NotebookEdit"}, {}, {"edit/editNotebook", "editNotebook"},
     {}, {}},
    {"skill", "run a skill", {"Skill"}, {"skill"}, {}, {}, {}},
    {"slashcommand", "run a slash command", {"SlashCommand"}, {}, {}, {}, {}},
    {"exitplanmode", "leave plan mode", {"ExitPlanMode"}, {}, {}, {"exit_plan_mode"}, {}},
    {"memory", "save a fact to memory", {}, {}, {"vscode/memory", "memory"}, {"save_memory"},
     {"save_memory"}},
};

// The Kiro column (Kiro CLI built-in tools, docs/formats.md). Kept beside the
// table rather than in ToolVocabularyRow: Kiro is a convert target, not a
// Format. The first name is written; the others are older spellings (Amazon
// Q Developer CLI) accepted when reading. A name in several rows is a coarse
// alias: Kiro's "write" creates and edits files.
const std::vector<std::pair<std::string, Names>> kKiroColumn = {
    {"shell", {"shell", "execute_bash", "execute_cmd"}},
    {"read", {"read", "fs_read"}},
    {"write", {"write", "fs_write"}},
    {"edit", {"write", "fs_write"}},
    {"grep", {"grep"}},
    {"glob", {"glob"}},
    {"webfetch", {"web_fetch"}},
    {"websearch", {"web_search"}},
    {"todoread", {"todo", "todo_list"}},
    {"todowrite", {"todo", "todo_list"}},
    {"task", {"subagent", "use_subagent"}},
};

// Copilot prefixes of built-in tool sets: "read/problems" is a built-in
// tool, not the MCP server "read".
constexpr std::array<std::string_view, 12> kCopilotBuiltinPrefixes{
    "edit", "execute", "read", "search", "web", "agent", "vscode", "todo", "runCommands",
    "runTasks", "runNotebooks", "notebook"};

const Names kEmpty;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);
}

// "mcp:server/tool" when `name` is an MCP tool name in `format`'s syntax.
std::optional<std::string> mcp_id(Format format, std::string_view name) {
  switch (format) {
    case Format::Claude:
    case Format::Unknown: {
      if (!name.starts_with("mcp__") || name.size() <= 5) return std::nullopt;
      const std::string_view rest = name.substr(5);
      const std::size_t sep = rest.find("__");
      if (sep == std::string_view::npos) return "mcp:" + std::string(rest) + "/*";
      return "mcp:" + std::string(rest.substr(0, sep)) + "/" + std::string(rest.substr(sep + 2));
    }
    case Format::Opencode: {
      const std::size_t sep = name.find('_');
      if (sep == std::string_view::npos || sep == 0 || sep + 1 == name.size()) return std::nullopt;
      return "mcp:" + std::string(name.substr(0, sep)) + "/" + std::string(name.substr(sep + 1));
    }
    case Format::Copilot: {
      const std::size_t sep = name.find('/');
      if (sep == std::string_view::npos || sep == 0 || sep + 1 == name.size()) return std::nullopt;
      const std::string_view prefix = name.substr(0, sep);
      for (std::string_view builtin : kCopilotBuiltinPrefixes)
        if (prefix == builtin) return std::nullopt;
      return "mcp:" + std::string(name);
    }
    case Format::Qwen:
    case Format::Gemini: return std::nullopt;
  }
  return std::nullopt;
}

std::vector<std::string> table_ids(Format format, std::string_view name) {
  std::vector<std::string> ids;
  for (const auto& row : kRows)
    for (const auto& n : detail::column(row, format))
      if (iequals(n, name)) {
        ids.push_back(row.id);
        break;
      }
  return ids;
}

}  // namespace

namespace detail {

const std::vector<std::string>& column(const ToolVocabularyRow& row, Format format) {
  switch (format) {
    case Format::Claude: return row.claude;
    case Format::Opencode: return row.opencode;
    case Format::Copilot: return row.copilot;
    case Format::Qwen: return row.qwen;
    case Format::Gemini: return row.gemini;
    case Format::Unknown: return kEmpty;
  }
  return kEmpty;
}

bool names_tool_exactly(Format format, std::string_view name) {
  for (const auto& row : kRows)
    for (const auto& n : column(row, format))
      if (n == name) return true;
  return false;
}

std::size_t vocabulary_rank(std::string_view id) {
  for (std::size_t i = 0; i < kRows.size(); ++i)
    if (kRows[i].id == id) return i;
  return kRows.size();
}

const std::vector<std::string>& kiro_column(std::string_view id) {
  for (const auto& [row_id, names] : kKiroColumn)
    if (row_id == id) return names;
  return kEmpty;
}

std::vector<std::string> kiro_to_neutral_ids(std::string_view name) {
  std::vector<std::string> ids;
  for (const auto& [row_id, names] : kKiroColumn)
    if (std::find(names.begin(), names.end(), name) != names.end()) ids.push_back(row_id);
  if (!ids.empty()) {
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  if (name.size() > 1 && name.front() == '@' && name != "@builtin") {
    const std::string_view rest = name.substr(1);
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return {"mcp:" + std::string(rest) + "/*"};
    return {"mcp:" + std::string(rest)};
  }
  return {"other:" + std::string(name)};
}

std::optional<std::string> kiro_from_neutral(std::string_view id) {
  if (id.starts_with("other:")) return std::string(id.substr(6));
  if (id.starts_with("mcp:")) {
    const std::string_view rest = id.substr(4);
    if (rest.ends_with("/*")) return "@" + std::string(rest.substr(0, rest.size() - 2));
    return "@" + std::string(rest);
  }
  const auto& names = kiro_column(id);
  if (names.empty()) return std::nullopt;
  return names.front();
}

}  // namespace detail

const std::vector<ToolVocabularyRow>& tool_vocabulary() { return kRows; }

std::vector<std::string> to_neutral_ids(Format format, std::string_view name) {
  std::vector<std::string> ids;
  if (format == Format::Unknown) {
    // No format decided: the first table that knows the name.
    for (Format f : {Format::Claude, Format::Opencode, Format::Copilot, Format::Gemini,
                     Format::Qwen}) {
      ids = table_ids(f, name);
      if (!ids.empty()) break;
    }
  } else {
    ids = table_ids(format, name);
  }
  if (ids.empty()) {
    if (auto mcp = mcp_id(format, name)) return {*mcp};
    return {"other:" + std::string(name)};
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string to_neutral(Format format, std::string_view name) {
  const std::vector<std::string> ids = to_neutral_ids(format, name);
  // A coarse alias answers with the id spelled like it ("edit" -> "edit").
  const std::string l = lower(name);
  for (const auto& id : ids)
    if (id == l) return id;
  return ids.front();
}

std::optional<std::string> from_neutral(Format format, std::string_view id) {
  if (id.starts_with("other:")) return std::string(id.substr(6));
  if (id.starts_with("mcp:")) {
    const std::string_view rest = id.substr(4);
    const std::size_t slash = rest.find('/');
    const std::string server(rest.substr(0, slash));
    const std::string tool(slash == std::string_view::npos ? "*" : rest.substr(slash + 1));
    switch (format) {
      case Format::Claude:
      case Format::Unknown:
        return tool == "*" ? "mcp__" + server : "mcp__" + server + "__" + tool;
      case Format::Opencode: return server + "_" + tool;
      case Format::Copilot: return server + "/" + tool;
      case Format::Qwen:
      case Format::Gemini: return std::nullopt;
    }
    return std::nullopt;
  }
  const std::size_t rank = detail::vocabulary_rank(id);
  if (rank == kRows.size()) return std::nullopt;
  const Format f = format == Format::Unknown ? Format::Claude : format;
  const auto& names = detail::column(kRows[rank], f);
  if (names.empty()) return std::nullopt;
  return names.front();
}

namespace {

// Neutral ids that change files, run commands or stop them. A variant that
// grants none of them is read-only. MCP and unknown tools are not listed:
// what they do is not known here, so they neither make a variant
// read-write nor count as a modifying grant.
constexpr std::array<std::string_view, 7> kModifying = {
    "edit", "multiedit", "notebookedit", "patch", "shell", "shell-kill", "write"};

}  // namespace

const std::array<std::string_view, 7>& modifying_tools() { return kModifying; }

bool modifies(std::string_view id) {
  return std::find(kModifying.begin(), kModifying.end(), id) != kModifying.end();
}

bool is_known_tool(std::string_view id) {
  return id.starts_with("mcp:") || detail::vocabulary_rank(id) < kRows.size();
}

}  // namespace agentmerge
