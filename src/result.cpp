#include "agentmerge/result.hpp"

namespace agentmerge {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "note";
}

static std::string location(const std::string& file, int line) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out = location(file, line) + ": " + std::string(agentmerge::to_string(severity)) +
                    ": " + message;
  if (!code.empty()) out += " [" + code + "]";
  return out;
}

std::string Error::to_string() const {
  std::string out = location(file, line) + ": error: " + message;
  if (!code.empty()) out += " [" + code + "]";
  return out;
}

}  // namespace agentmerge
