// PLACEHOLDER: replaced by the canonical frontmatter emitter.
#include "agentmerge/emit.hpp"

namespace agentmerge {

std::string emit_frontmatter(const AgentFile&, Format, std::vector<Diagnostic>&) { return {}; }
std::string emit_yaml_value(const Value& value, int) { return value.scalar; }

}  // namespace agentmerge
