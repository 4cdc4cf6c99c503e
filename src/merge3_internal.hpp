// Shared pieces of the three-way merge (src/merge3*.cpp): the diff3 chunk
// walk over any sequence, conflict markers, and the merge context.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/ast.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::merge3_detail {

// A stretch of the three sequences between two elements all three share
// (the classic diff3 walk over two LCS alignments with the base).
struct Chunk {
  enum class Kind {
    Stable,    // the same element on all three sides
    Ours,      // only ours changed the stretch: take ours
    Theirs,    // only theirs changed it: take theirs
    Same,      // both changed it alike: take ours
    Conflict,  // both changed it differently
  };
  Kind kind = Kind::Stable;
  std::size_t b0 = 0, b1 = 0, o0 = 0, o1 = 0, t0 = 0, t1 = 0;  // [x0, x1)
};

std::vector<Chunk> diff3_chunks(const std::vector<std::string>& base,
                                const std::vector<std::string>& ours,
                                const std::vector<std::string>& theirs);

// State of one merge: marker length, conflicts written, notes.
struct Merge3Ctx {
  int marker_size = 7;
  int conflicts = 0;
  std::string file;  // name for notes
  std::vector<Diagnostic> notes;

  void note(int line, std::string code, std::string message);
};

// One conflict group (pieces without a final newline; an empty piece is a
// side that has nothing there). Counts it in `ctx`. No final newline.
std::string conflict_text(Merge3Ctx& ctx, std::string_view ours, std::string_view base,
                          std::string_view theirs);

// Whitespace runs folded to one space, trimmed: the text two versions must
// share to count as the same unit (reflowed or re-indented text is the same).
std::string fold_space(std::string_view text);

// One unit of a sequence merge: `key` says when two versions hold the same
// unit, `text` is what is written for it, `line` is its source line.
struct Unit {
  std::string key;
  std::string text;
  int line = 0;
};

// What to do where both sides added different units at one place.
enum class BothAdded { Conflict, KeepBoth };

struct UnitMerge {
  BothAdded both_added = BothAdded::Conflict;
  std::string separator = "\n";  // between units inside one conflict piece
  std::string what = "line";     // the unit's name in notes
  // Units replaced in equal numbers on both sides are merged position by
  // position (false: the whole stretch is one conflict, as in git).
  bool pair_positions = true;
  // Tried on a conflict of one unit against one on each side; returns the
  // merged text or nullopt (then markers are written around the unit).
  std::function<std::optional<std::string>(std::size_t b, std::size_t o, std::size_t t)> refine;
};

// Three-way merge of unit sequences: the text of each output unit, a
// conflict group counting as one.
std::vector<std::string> merge_units(const std::vector<Unit>& base, const std::vector<Unit>& ours,
                                     const std::vector<Unit>& theirs, const UnitMerge& how,
                                     Merge3Ctx& ctx);

// The order of identity-keyed elements (frontmatter keys, section titles):
// the diff3 of the key sequences, where a reordering on both sides keeps
// ours' and adds theirs' keys; each key once.
std::vector<std::string> merged_order(const std::vector<std::string>& base,
                                      const std::vector<std::string>& ours,
                                      const std::vector<std::string>& theirs);

// Identity-keyed elements merged one by one: `merge_one(key)` gives the
// element's text, or nullopt when the merge deletes it; it is called once
// per key of any side (the merged order first, then keys only a deletion
// left out). The texts come back in the merged order, an element kept
// against a deletion placed after its predecessor on the side that has it.
std::vector<std::string> merge_identified(
    const std::vector<std::string>& base, const std::vector<std::string>& ours,
    const std::vector<std::string>& theirs,
    const std::function<std::optional<std::string>(const std::string& key)>& merge_one);

// Inserts `key` into `order` after the nearest key that precedes it in
// `side` and is already in `order` (at the front when none).
void insert_after_predecessor(std::vector<std::string>& order, const std::string& key,
                              const std::vector<std::string>& side);

// Line-by-line three-way merge of LF texts, conflicts as markers.
std::string merge_lines(std::string_view base, std::string_view ours, std::string_view theirs,
                        Merge3Ctx& ctx);


// The structured halves of merge3.
struct Merge3Side {
  const AgentFile* file = nullptr;
  std::vector<std::string> lines;  // the file's lines, LF, BOM removed
};
std::string merge_frontmatter(const Merge3Side& base, const Merge3Side& ours,
                              const Merge3Side& theirs, Merge3Ctx& ctx);
std::string merge_body(const Body& base, const Body& ours, const Body& theirs, Merge3Ctx& ctx);

}  // namespace agentmerge::merge3_detail
