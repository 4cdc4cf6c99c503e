// PLACEHOLDER: replaced by the normalization stage.
#include "agentmerge/normalize.hpp"

namespace agentmerge {

std::string normalize_text(std::string_view markdown) { return std::string(markdown); }
std::string normalize_title(std::string_view title) { return std::string(title); }
std::string normalize_name(std::string_view name) { return std::string(name); }
std::vector<std::string> tokens(std::string_view) { return {}; }
double token_similarity(std::string_view a, std::string_view b) { return a == b ? 1.0 : 0.0; }

}  // namespace agentmerge
