// A reviewer's choices on a merge, as a decisions file: what the review
// page exports and `merge --decisions FILE` applies.
//
//   {"agentmerge-decisions": 1,
//    "values": [{"key": "model", "source": "b.md"}],
//    "blocks": [{"source": "a.md", "line": 12, "hash": "9f0c...", "action": "keep"},
//               {"source": "b.md", "line": 30, "hash": "11aa...", "action": "wording"}]}
//
//   "keep"    the block's text stays in the merged agent as its own block:
//             a fold into another block is undone, a drop (budget, second
//             workflow or template) is undone;
//   "wording" the block's wording is the one written for the block it
//             folds with (instead of the fuller one);
//   values    the frontmatter key takes that source's value (`tools`: that
//             source's grant).
// A block is named by its source, line and a hash of its text, so a choice
// made on an older version of a source is reported as stale, not applied
// to whatever is now on that line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/result.hpp"

namespace agentmerge {

enum class BlockAction { Keep, Wording };
std::string_view to_string(BlockAction a);

struct BlockChoice {
  std::string source;  // source name, as in the report
  int line = 0;
  std::string hash;    // block_hash of the block's text
  BlockAction action = BlockAction::Keep;
};

struct ValueChoice {
  std::string key;     // frontmatter key: "model", "tools", ...
  std::string source;  // source name whose value is written
};

struct ReviewChoices {
  std::vector<ValueChoice> values;
  std::vector<BlockChoice> blocks;
  bool empty() const { return values.empty() && blocks.empty(); }
};

// The hash that names a source block's text in a decisions file: 16 hex
// digits of XXH64 over the text.
std::string block_hash(std::string_view text);

// The index of the source among `names` that a choice's `wanted` source
// names: the same path (after lexical normalization: "./a.md" is "a.md"),
// else the only name of which one is a path suffix of the other ("a.md"
// and "agents/a.md"), so a file exported from a page made in another folder
// still applies. nullopt when none or several match.
std::optional<std::size_t> match_source(const std::vector<std::string>& names,
                                        std::string_view wanted);

// Reads a decisions file (JSON; YAML flow style is not accepted). Errors
// carry `file` and the line of the offending entry: "bad-decisions".
Result<ReviewChoices> parse_review_choices(std::string_view text, const std::string& file);

// The decisions file for `choices` (what the page exports), sorted by
// source and line so equal choices give equal files.
std::string review_choices_to_json(const ReviewChoices& choices);

}  // namespace agentmerge
