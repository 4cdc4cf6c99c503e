// Where `convert --out DIR` writes each file: the input tree kept.
//
//   inputs: repo/team-a/.claude/agents/api.md, repo/team-b/.claude/agents/api.md
//   --to copilot --layout tree -> DIR/team-a/.claude/agents/api.agent.md, DIR/team-b/...
//   --to copilot --layout tool -> DIR/team-a/.github/agents/api.agent.md, DIR/team-b/...
//   --to copilot --layout flat -> DIR/api.agent.md twice: a collision (refused)
#include <array>

#include "agentmerge/convert.hpp"

namespace agentmerge {

namespace {

struct FolderRow {
  std::string_view folder;
};

// Indexed by Format (Unknown last: no folder).
constexpr std::array<FolderRow, 6> kFormatFolders{{
    {".claude/agents"},
    {".opencode/agents"},
    {".github/agents"},
    {".qwen/agents"},
    {".gemini/agents"},
    {""},
}};
static_assert(kFormatFolders.size() == static_cast<std::size_t>(Format::Unknown) + 1,
              "one agent folder per Format");

// Indexed by ExternalFormat.
constexpr std::array<FolderRow, 2> kExternalFolders{{{".codex/agents"}, {".kiro/agents"}}};
static_assert(kExternalFolders.size() == static_cast<std::size_t>(ExternalFormat::Kiro) + 1,
              "one agent folder per ExternalFormat");

// Agent folders a tree may already hold (the folder rules of detect.cpp,
// and the external formats'), longest first so ".config/opencode/agent"
// wins over shorter matches.
constexpr std::string_view kKnownFolders[] = {
    ".config/opencode/agents", ".config/opencode/agent", ".github/chatmodes",
    ".opencode/agents",        ".opencode/agent",        ".github/agents",
    ".claude/agents",          ".qwen/agents",           ".gemini/agents",
    ".codex/agents",           ".kiro/agents",           ".cursor/agents",
    ".agents/agents",
};

std::string parent_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string joined(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + "/" + std::string(b);
}

// `folder` with a known agent folder segment replaced by `target`; nullopt
// when it holds none.
std::optional<std::string> replace_agent_folder(const std::string& folder, std::string_view target) {
  const std::string padded = "/" + folder + "/";
  for (std::string_view known : kKnownFolders) {
    const std::string needle = "/" + std::string(known) + "/";
    const std::size_t at = padded.find(needle);
    if (at == std::string::npos) continue;
    std::string out = padded.substr(0, at + 1) + std::string(target) + padded.substr(at + needle.size() - 1);
    // Strip the padding slashes again.
    out = out.substr(1, out.size() - 2);
    while (!out.empty() && out.back() == '/') out.pop_back();
    return out;
  }
  return std::nullopt;
}

}  // namespace

std::string_view agent_folder(Format target) {
  return kFormatFolders[static_cast<std::size_t>(target)].folder;
}

std::string_view agent_folder(ExternalFormat target) {
  return kExternalFolders[static_cast<std::size_t>(target)].folder;
}

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::Tree: return "tree";
    case Layout::Tool: return "tool";
    case Layout::Flat: return "flat";
  }
  return "tree";
}

std::optional<Layout> parse_layout(std::string_view word) {
  for (Layout l : {Layout::Tree, Layout::Tool, Layout::Flat})
    if (to_string(l) == word) return l;
  return std::nullopt;
}

std::string output_relative_path(std::string_view input_relative, std::string_view file_name,
                                 Layout layout, std::string_view target_folder) {
  const std::string folder = parent_of(input_relative);
  switch (layout) {
    case Layout::Flat: return std::string(file_name);
    case Layout::Tree: return joined(folder, file_name);
    case Layout::Tool:
      if (auto replaced = replace_agent_folder(folder, target_folder))
        return joined(*replaced, file_name);
      return joined(joined(target_folder, folder), file_name);
  }
  return std::string(file_name);
}

}  // namespace agentmerge
