// PLACEHOLDER: replaced by the canonical body emitter.
#include "agentmerge/emit.hpp"

namespace agentmerge {

EmitResult emit(const AgentFile& file, Format target) {
  EmitResult r;
  r.text = emit_frontmatter(file, target, r.notes) + emit_body(file.body);
  return r;
}
std::string emit_body(const Body& body) { return body.text; }
std::string emit_section(const Section&) { return {}; }
std::string emit_block(const Block& block) { return block.source; }

}  // namespace agentmerge
