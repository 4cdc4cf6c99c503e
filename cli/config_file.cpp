// Finding the configuration file (see config_file.hpp).
//
//   repo/.git  repo/agentmerge.yaml  repo/team/agents/a.md
//   load_config(nullopt, {"repo/team/agents/a.md"})  ->  repo/agentmerge.yaml
//   (searched in repo/team/agents, repo/team, repo: the repository root ends
//    the search; then ~/.config/agentmerge/agentmerge.yaml)
#include "config_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io.hpp"

namespace agentmerge::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigName = "agentmerge.yaml";

// The folder a search starts in for `input`: its folder, or the input
// itself when it is a folder; the current folder for "-" or nothing.
fs::path start_of(const std::optional<std::string>& input) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!input || *input == "-") return cwd;
  fs::path p = fs::absolute(*input, ec);
  if (ec) return cwd;
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  return p.lexically_normal();
}

fs::path user_config() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  fs::path base;
  if (xdg != nullptr && *xdg != '\0') base = xdg;
  else if (home != nullptr && *home != '\0') base = fs::path(home) / ".config";
  if (base.empty()) return {};
  std::error_code ec;
  const fs::path p = base / "agentmerge" / kConfigName;
  return fs::is_regular_file(p, ec) ? p : fs::path{};
}

}  // namespace

fs::path find_config(const std::optional<std::string>& input) {
  for (fs::path dir = start_of(input); !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::is_regular_file(dir / kConfigName, ec)) return dir / kConfigName;
    if (fs::exists(dir / ".git", ec)) break;  // the repository root ends the search
    if (dir == dir.parent_path()) break;
  }
  return user_config();
}

Result<Config> load_config(const std::optional<std::string>& explicit_path,
                           const std::vector<std::string>& inputs) {
  fs::path path;
  if (explicit_path) {
    path = *explicit_path;
  } else {
    path = find_config(inputs.empty() ? std::nullopt : std::optional<std::string>(inputs.front()));
    if (path.empty()) return default_config();
  }
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_config(*text, path.string());
}

}  // namespace agentmerge::cli
