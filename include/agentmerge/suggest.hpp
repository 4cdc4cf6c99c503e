// "Did you mean" for a mistyped word: a command, an option, a tool, a model.
//
//   closest_word("merg", {"merge", "migrate", "scan"})   -> "merge"
//   closest_word("Bsh", {"Read", "Bash", "Grep"})        -> "Bash"
//   closest_word("frobnicate", {"merge", "scan"})        -> nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentmerge {

// The candidate nearest to `word`, compared without case: at most one edit
// (insert, delete, substitute, swap two neighbours) per three characters of
// the shorter word, at least one; or the only candidate `word` (3 characters
// or more) is a prefix of. Ties go to the earlier candidate; nullopt when
// nothing is that close or `word` is itself a candidate.
std::optional<std::string> closest_word(std::string_view word,
                                        const std::vector<std::string>& candidates);

// Edit distance (optimal string alignment), case-insensitive for ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace agentmerge
