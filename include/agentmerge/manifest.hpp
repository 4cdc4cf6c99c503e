// The manifest of an output folder: which files agentmerge wrote there, with
// the hash of the content it wrote. It tells an agentmerge file (safe to
// update) from a file a person created or edited (never overwritten without
// --force). Only the text format lives here; the CLI reads and writes files.
//
//   {"backend-architect.md" -> 0x3f2a...}
//     <-> "# agentmerge manifest v1 ...\n3f2a0c1d9e8b7a65  backend-architect.md\n"
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "agentmerge/result.hpp"

namespace agentmerge {

struct Manifest {
  // Relative path inside the folder -> xxh64 of the content written.
  std::map<std::string, std::uint64_t> files;
};

// Hash used by the manifest (xxh64, seed 0).
std::uint64_t content_hash(std::string_view content);

// Text form: comment lines starting with '#', then one "HASH  PATH" line per
// file (16 hex digits, two spaces, the path), sorted by path.
std::string write_manifest(const Manifest& manifest);

// Whether `path` has the shape of a file migrate writes: a plain ".md" file
// name at the top of the folder, or ".agentmerge/report.json". A
// manifest naming anything else (a subfolder, "../", a source file) is not
// one agentmerge wrote: a cloned folder could ship such a line to have a
// stale-output cleanup delete a file it never wrote.
bool is_output_path(std::string_view path);

// Errors ("bad-manifest", with the line) for a line that is not a comment,
// blank, or "HASH  PATH" with a PATH that is_output_path() accepts.
Result<Manifest> read_manifest(std::string_view text, std::string_view source_name);

// What may happen to one file of the output folder.
enum class FileState {
  Absent,     // not there: create it
  Same,       // there with exactly the wanted content: nothing to do
  Owned,      // written by agentmerge and not edited since: may be updated
  Edited,     // written by agentmerge, edited since: needs --force
  Foreign,    // not written by agentmerge: needs --force
};

std::string_view to_string(FileState s);

// Classifies an existing (or absent) file. `current` is its content (nullptr
// when absent), `wanted` the content to write.
FileState classify(const Manifest& manifest, const std::string& path,
                   const std::string* current, std::string_view wanted);

}  // namespace agentmerge
