// PLACEHOLDER: replaced by the lint rules.
#include "agentmerge/lint.hpp"

namespace agentmerge {

std::vector<Diagnostic> lint(const AgentFile& file) { return file.diagnostics; }
bool is_known_model(Format, const std::string&) { return true; }

}  // namespace agentmerge
