// Terminal output that a file cannot take over.
//
//   name: "evil\x1b]0;owned\x07"  ->  printed on a terminal as
//   evil\x1b]0;owned\x07  (as text: the title is not set)
//
// Names, values, paths and whole file contents reach stdout and stderr. On a
// terminal a raw ESC, BEL or CR in them could set the title, move the cursor
// or hide a line. When a stream is a terminal, every control byte is printed
// as a visible "\xNN" escape, except newline, tab, and the colour and
// line-clear sequences agentmerge itself writes (CSI digits/';' then 'm' or
// 'K', and a CR directly before such a sequence). Output to a pipe or file
// stays byte-exact.
#pragma once

#include <ostream>

namespace agentmerge::cli {

// Installs the escaping filter on std::cout and std::cerr where they are
// terminals. Call once at the start of main; output written before is not
// filtered.
void guard_terminal_output();

}  // namespace agentmerge::cli
