// Three-way merge of one agent file: the common ancestor and two edited
// versions in, one file out (the contract of a git merge driver).
//
//   base:   tools: Read, Grep          ours:   tools:        theirs: tools: Read, Grep, Bash
//           model: sonnet                        - Read              model: sonnet
//                                                - Grep
//                                              model: opus
//   merge3(base, ours, theirs).text ->  tools:\n  - Read\n  - Grep\n  - Bash\nmodel: opus
//
// Structure first: frontmatter key by key (tool lists as sets, whatever shape
// each side wrote), body sections aligned by title (so a section moved on one
// side and edited on the other merges), then blocks and list items three-way
// inside each section. What both sides changed differently is a conflict,
// written between standard markers around the smallest unit (one key, one
// item, one paragraph). A file that is not an agent file is merged line by
// line, as `git merge-file` would, and the result says so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agentmerge/parse.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge {

// How the result was obtained.
enum class Merge3Mode {
  Structured,  // agent files: keys, sections, blocks and items
  Lines,       // not an agent file (or one the reader refused): lines
  Verbatim,    // one side is unchanged (or both sides agree): the other's bytes
};

std::string_view to_string(Merge3Mode mode);

struct Merge3Options {
  // The file's path in the repository (git's %P), for the agent-file test
  // and messages; empty: the ours input's name.
  std::string path;
  // Length of the conflict markers (git's %L).
  int marker_size = 7;
  ParseOptions parse;
};

struct Merge3Input {
  std::string_view bytes;
  std::string name;  // for messages
};

struct Merge3Result {
  std::string text;
  Merge3Mode mode = Merge3Mode::Structured;
  int conflicts = 0;  // marker groups in `text`
  // Why the mode was chosen, both-sides additions folded as near-duplicates,
  // and the unit of each conflict, with the ours input's lines.
  std::vector<Diagnostic> notes;
};

// Merges `ours` and `theirs`, both edited from `base`. The result keeps
// ours' line endings and byte-order mark. Unchanged stretches keep their
// source bytes; blocks are separated by one blank line where the structure
// was rebuilt.
//
// Errors (exit 3 in the CLI): what parse_agent refuses as unreadable bytes
// ("too-large", "nul-byte", "utf16", "invalid-utf8"). A file the reader
// rejects for its structure (an unterminated frontmatter) is merged by
// lines instead, with a note.
Result<Merge3Result> merge3(const Merge3Input& base, const Merge3Input& ours,
                            const Merge3Input& theirs, const Merge3Options& options = {});

}  // namespace agentmerge
