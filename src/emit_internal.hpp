// Stage 3 (internal): the canonical form of one block, for emit.cpp and the
// tests that check its shortcut against the full re-parse.
#pragma once

#include <string>

#include "agentmerge/ast.hpp"

namespace agentmerge::detail {

struct Fragment {
  std::string text;
  char last_bullet = 0;  // bullet of the last top-level list, 0 if none
};

// How a block's canonical form is found: Auto takes the shortcut when the
// source is already canonical (see already_canonical in emit.cpp) and
// re-parses it with cmark otherwise; Reparse always re-parses. Both give the
// same Fragment: the corpus property test and the parse fuzzer check it.
enum class FragmentPath { Auto, Reparse };

// The block in canonical form when the block before it in its section ended
// with a bullet list using `prev_bullet` (0: it did not).
Fragment canonical_block(const Block& block, char prev_bullet, FragmentPath path);

}  // namespace agentmerge::detail
