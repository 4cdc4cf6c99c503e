#include "migrate_output.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <system_error>

#include "io.hpp"

namespace agentmerge::cli {
namespace {
namespace fs = std::filesystem;

// The manifest as found in `dir`. A missing one is empty (nothing is ours);
// an unreadable or corrupt one is reported and also read as empty, so every
// existing file counts as foreign: the safe side.
Manifest load_manifest(const fs::path& dir, std::vector<Error>& errors) {
  const fs::path path = dir / kManifestPath;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  auto text = read_file(path);
  if (!text) {
    errors.push_back(text.error());
    return {};
  }
  auto m = read_manifest(*text, path.string());
  if (!m) {
    Error e = m.error();
    e.message += "; every existing file is treated as not written by agentmerge";
    errors.push_back(e);
    return {};
  }
  return *m;
}

// Content of an existing regular file; nullopt when absent. A folder or an
// unreadable file in the way is an error.
std::optional<std::string> current_content(const fs::path& path, bool& failed,
                                           std::vector<Error>& errors) {
  std::error_code ec;
  failed = false;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
  auto text = read_file(path);
  if (!text) {
    failed = true;
    errors.push_back(text.error());
    return std::nullopt;
  }
  return std::move(*text);
}

FileAction action_for(FileState state, Overwrite overwrite) {
  switch (state) {
    case FileState::Absent: return FileAction::Create;
    case FileState::Same: return FileAction::Unchanged;
    case FileState::Owned: return FileAction::Update;
    case FileState::Edited:
    case FileState::Foreign:
      return overwrite == Overwrite::Force ? FileAction::Update : FileAction::Refuse;
  }
  return FileAction::Refuse;
}

bool write_one(const fs::path& path, const std::string& content, std::vector<Error>& errors) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    errors.push_back(Error{path.parent_path().string(), 0, "io", ec.message()});
    return false;
  }
  auto r = write_atomic(path, content);
  if (!r) errors.push_back(r.error());
  return r.ok();
}

void sync_wanted(const fs::path& dir, const std::vector<WantedFile>& wanted,
                 const std::set<std::string>& untracked, const Manifest& manifest,
                 OutputMode mode, Overwrite overwrite, Manifest& next, OutputSync& out) {
  for (const WantedFile& w : wanted) {
    const fs::path path = dir / w.path;
    bool failed = false;
    const auto current = current_content(path, failed, out.errors);
    if (failed) continue;
    PlannedAction a;
    a.path = w.path;
    a.state = classify(manifest, w.path, current ? &*current : nullptr, w.content);
    a.action = action_for(a.state, overwrite);
    a.tracked = untracked.count(w.path) == 0;
    const bool writes = a.action == FileAction::Create || a.action == FileAction::Update;
    if (mode == OutputMode::Write && writes && !write_one(path, w.content, out.errors)) continue;
    if (a.action != FileAction::Refuse) next.files[w.path] = content_hash(w.content);
    out.actions.push_back(std::move(a));
  }
}

// Outputs of an earlier run that this run no longer produces.
void sync_stale(const fs::path& dir, const Manifest& manifest, const std::set<std::string>& done,
                OutputMode mode, Manifest& next, OutputSync& out) {
  for (const auto& [rel, hash] : manifest.files) {
    if (done.count(rel) != 0) continue;
    const fs::path path = dir / rel;
    bool failed = false;
    const auto current = current_content(path, failed, out.errors);
    if (failed) continue;
    if (!current) {
      next.files.erase(rel);  // already gone
      continue;
    }
    PlannedAction a;
    a.path = rel;
    if (content_hash(*current) == hash) {
      a.state = FileState::Owned;
      a.action = FileAction::Remove;
      std::error_code ec;
      if (mode == OutputMode::Write && !fs::remove(path, ec)) {
        out.errors.push_back(Error{path.string(), 0, "io", "cannot remove: " + ec.message()});
        continue;
      }
    } else {
      a.state = FileState::Edited;  // edited since: it is the person's now
      a.action = FileAction::KeepStale;
    }
    next.files.erase(rel);
    out.actions.push_back(std::move(a));
  }
}

}  // namespace

std::string_view to_string(FileAction a) {
  switch (a) {
    case FileAction::Create: return "create";
    case FileAction::Update: return "update";
    case FileAction::Unchanged: return "unchanged";
    case FileAction::Refuse: return "refuse";
    case FileAction::Remove: return "remove";
    case FileAction::KeepStale: return "keep-stale";
  }
  return "unchanged";
}

std::size_t OutputSync::count(FileAction a) const {
  return static_cast<std::size_t>(std::count_if(
      actions.begin(), actions.end(), [a](const PlannedAction& p) { return p.action == a; }));
}

bool OutputSync::drift() const {
  return std::any_of(actions.begin(), actions.end(), [](const PlannedAction& p) {
    return p.tracked && p.action != FileAction::Unchanged;
  });
}

OutputSync sync_output(const fs::path& dir, const std::vector<WantedFile>& wanted,
                       const std::vector<std::string>& keep,
                       const std::vector<std::string>& untracked, OutputMode mode,
                       Overwrite overwrite) {
  OutputSync out;
  const Manifest manifest = load_manifest(dir, out.errors);
  Manifest next = manifest;
  const std::set<std::string> untracked_set(untracked.begin(), untracked.end());
  sync_wanted(dir, wanted, untracked_set, manifest, mode, overwrite, next, out);
  std::set<std::string> done(keep.begin(), keep.end());
  for (const WantedFile& w : wanted) done.insert(w.path);
  sync_stale(dir, manifest, done, mode, next, out);
  std::sort(out.actions.begin(), out.actions.end(),
            [](const PlannedAction& a, const PlannedAction& b) { return a.path < b.path; });
  std::error_code ec;
  const bool manifest_missing = !fs::exists(dir / kManifestPath, ec);
  if (mode == OutputMode::Write && (next.files != manifest.files || manifest_missing))
    write_one(dir / kManifestPath, write_manifest(next), out.errors);
  return out;
}

}  // namespace agentmerge::cli
