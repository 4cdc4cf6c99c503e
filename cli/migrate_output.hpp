// The output folder of `agentmerge migrate`: what to write, update, leave
// alone or remove, decided against the folder's manifest, then done safely.
//
//   wanted {api.md: "...", .agentmerge/report.json: "..."} + DIR/ {api.md (ours,
//   stale content), notes.md (foreign)}  ->  update api.md, create report.json;
//   notes.md untouched; manifest rewritten last
//
// Safety contract: every write is atomic (write_atomic); nothing is read,
// written or removed through a symbolic link or a non-folder below DIR; a
// file the manifest does not list as ours (or that was edited since) is never
// replaced without Overwrite::Force; the manifest can only claim files of the
// shapes migrate writes (is_output_path); a stale output is removed only when
// it is still exactly what agentmerge wrote and every input was read; the
// hashes about to be written are journalled before the first rename and the
// manifest is written after the files, so a run killed in between is
// completed by the next one even when the inputs changed; one writing run at
// a time holds DIR/.agentmerge/lock, and leftover temporary files of killed
// runs are removed under it. Not defended: another process swapping folders
// for links while a run is writing (the checks and the writes are separate
// system calls).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "agentmerge/manifest.hpp"
#include "agentmerge/result.hpp"

namespace agentmerge::cli {

enum class OutputMode { Write, DryRun, Check };
enum class Overwrite { Refuse, Force };

struct WantedFile {
  std::string path;     // relative to the folder, '/'-separated
  std::string content;
};

enum class FileAction {
  Create,     // absent: written
  Update,     // ours and unedited (or forced): replaced
  Unchanged,  // already the wanted bytes
  Refuse,     // foreign or edited, no --force: left alone
  Remove,     // ours, unedited, no longer produced: deleted
  KeepStale,  // ours but edited, no longer produced: left alone (warning)
  Keep,       // ours, no longer produced, but some input failed: not removed
};

// What to do with outputs no longer produced. A run where an input path was
// missing or unreadable, or a cluster failed, cannot tell "no longer
// produced" from "not read this time": it keeps them.
enum class Stale { Remove, Keep };

std::string_view to_string(FileAction a);

struct PlannedAction {
  std::string path;
  FileAction action = FileAction::Unchanged;
  FileState state = FileState::Absent;
  bool tracked = true;  // false for by-products left out of --check
};

struct OutputSync {
  std::vector<PlannedAction> actions;  // sorted by path
  std::vector<Error> errors;           // I/O failures (the others still done)
  std::vector<std::string> cleaned;    // leftover temporary files removed

  std::size_t count(FileAction a) const;
  // Whether the folder differs from what would be written (for --check).
  bool drift() const;
};

// The manifest's place inside the output folder.
inline constexpr const char* kManifestPath = ".agentmerge/manifest";

// Plans (and in Write mode performs) the changes that make `dir` hold
// `wanted`. `keep` lists outputs not produced this time that must not be
// treated as stale (e.g. of a cluster that failed). `untracked` paths are
// written like the others but left out of drift().
OutputSync sync_output(const std::filesystem::path& dir, const std::vector<WantedFile>& wanted,
                       const std::vector<std::string>& keep,
                       const std::vector<std::string>& untracked, OutputMode mode,
                       Overwrite overwrite, Stale stale);

}  // namespace agentmerge::cli
