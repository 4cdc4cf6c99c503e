// PLACEHOLDER: replaced by the configuration reader.
#include "agentmerge/config.hpp"

namespace agentmerge {

std::string_view to_string(ToolPolicy p) {
  switch (p) {
    case ToolPolicy::Union: return "union";
    case ToolPolicy::Intersection: return "intersection";
    case ToolPolicy::Primary: return "primary";
  }
  return "union";
}
std::string_view to_string(ValuePolicy p) {
  return p == ValuePolicy::Primary ? "primary" : "most-common";
}
std::optional<ToolPolicy> parse_tool_policy(std::string_view w) {
  for (auto p : {ToolPolicy::Union, ToolPolicy::Intersection, ToolPolicy::Primary})
    if (to_string(p) == w) return p;
  return std::nullopt;
}
std::optional<ValuePolicy> parse_value_policy(std::string_view w) {
  for (auto p : {ValuePolicy::Primary, ValuePolicy::MostCommon})
    if (to_string(p) == w) return p;
  return std::nullopt;
}
const Config& default_config() {
  static const Config c;
  return c;
}
Result<Config> parse_config(std::string_view, std::string_view) { return default_config(); }

}  // namespace agentmerge
