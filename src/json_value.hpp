// A frontmatter Value as JSON, shared by dump and diff output (internal).
//
//   Value::map({"read"}, {Value::boolean(true)}) -> {"read": true}
#pragma once

#include <nlohmann/json.hpp>

#include "agentmerge/ast.hpp"

namespace agentmerge::detail {

// Scalars keep their YAML text; numbers and booleans become JSON types when
// the text is a plain JSON literal, else strings. Maps keep their order.
nlohmann::ordered_json value_json(const Value& v);

}  // namespace agentmerge::detail
