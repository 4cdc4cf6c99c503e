// PLACEHOLDER: replaced by the section-tree implementation.
#include "markdown.hpp"

namespace agentmerge::detail {

Body parse_body(std::string_view text, int first_line, const std::string&,
                std::vector<Diagnostic>&) {
  Body b;
  b.first_line = first_line;
  b.text = std::string(text);
  return b;
}

}  // namespace agentmerge::detail
