#include "config_file.hpp"

#include <filesystem>
#include <system_error>

#include "io.hpp"

namespace agentmerge::cli {
namespace fs = std::filesystem;

Result<Config> load_config(const std::optional<std::string>& explicit_path) {
  fs::path path;
  if (explicit_path) {
    path = *explicit_path;
  } else {
    std::error_code ec;
    for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_regular_file(dir / "agentmerge.yaml", ec)) {
        path = dir / "agentmerge.yaml";
        break;
      }
      if (dir == dir.parent_path()) break;
    }
    if (path.empty()) return default_config();
  }
  auto text = read_file(path);
  if (!text) return text.error();
  return parse_config(*text, path.string());
}

}  // namespace agentmerge::cli
