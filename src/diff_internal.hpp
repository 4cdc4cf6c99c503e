// Internal: the LCS edit script shared by the structural diff and the
// unified renderer (dtl underneath; dtl stays out of the public headers).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/diff.hpp"

namespace agentmerge::detail {

struct EditOp {
  enum class Kind { Common, Added, Removed };
  Kind kind = Kind::Common;
  std::size_t a = 0;  // index into a (Common, Removed)
  std::size_t b = 0;  // index into b (Common, Added)
};

// Shortest edit script from a to b, in order (removals before additions
// inside a change, as diff(1) prints them).
std::vector<EditOp> edit_script(const std::vector<std::string>& a,
                                const std::vector<std::string>& b);

// Lines of `text` without their '\n'; a final newline does not start an
// extra empty line.
std::vector<std::string> split_lines(std::string_view text);

// Lowercase word multiset (sorted) and its Dice similarity.
std::vector<std::string> make_word_bag(std::string_view s);
double bag_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Section matching and block diffs (diff_sections.cpp). Appends to `notes`
// when a cap is hit.
std::vector<SectionChange> diff_sections(const Body& a, const Body& b, const DiffOptions& options,
                                         std::vector<std::string>& notes);

}  // namespace agentmerge::detail
