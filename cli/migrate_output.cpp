#include "migrate_output.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io.hpp"

namespace agentmerge::cli {
namespace {
namespace fs = std::filesystem;

// The journal of a run in progress: the hashes about to be written, saved
// before the first rename and removed after the manifest. A run killed in
// between leaves it, and the next run takes a file holding a journalled hash
// as agentmerge's own even when its inputs (and so its wanted bytes) changed.
constexpr const char* kPendingPath = ".agentmerge/pending";
// Held (flock) by a writing run; a second run into the folder is refused.
constexpr const char* kLockPath = ".agentmerge/lock";

// Content of dir/rel; nullopt when absent. A link, a folder or an unreadable
// file in the way is an error (and sets `failed`).
std::optional<std::string> current_content(const fs::path& dir, const std::string& rel,
                                           bool& failed, std::vector<Error>& errors) {
  failed = false;
  auto exists = check_inside(dir, rel);
  if (exists && !*exists) return std::nullopt;
  auto text = exists ? read_file(dir / rel) : Result<std::string>(exists.error());
  if (!text) {
    failed = true;
    errors.push_back(text.error());
    return std::nullopt;
  }
  return std::move(*text);
}

// A manifest-format file of the folder (the manifest or the journal). A
// missing one is empty (nothing is ours); an unreadable or corrupt one is
// reported and also read as empty, so every existing file counts as
// foreign: the safe side.
Manifest load_listing(const fs::path& dir, const char* rel, std::vector<Error>& errors) {
  bool failed = false;
  const auto text = current_content(dir, rel, failed, errors);
  if (!text) return {};
  auto m = read_manifest(*text, (dir / rel).string());
  if (!m) {
    Error e = m.error();
    e.message += "; every existing file is treated as not written by agentmerge";
    errors.push_back(e);
    return {};
  }
  return *m;
}

// The manifest, with the journal of a killed run folded in: a file that
// holds the hash the killed run was writing is ours.
Manifest load_manifest(const fs::path& dir, std::vector<Error>& errors) {
  Manifest m = load_listing(dir, kManifestPath, errors);
  for (const auto& [rel, hash] : load_listing(dir, kPendingPath, errors).files) {
    bool failed = false;
    const auto current = current_content(dir, rel, failed, errors);
    if (current && content_hash(*current) == hash) m.files[rel] = hash;
  }
  return m;
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

bool writes(FileAction a) { return a == FileAction::Create || a == FileAction::Update; }

// Writes dir/rel, creating its folders; checked again just before, so a
// folder made by this run is never a link either.
bool write_one(const fs::path& dir, const std::string& rel, const std::string& content,
               std::vector<Error>& errors) {
  const fs::path path = dir / rel;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    errors.push_back(Error{path.parent_path().string(), 0, "io", ec.message()});
    return false;
  }
  if (auto inside = check_inside(dir, rel); !inside) {
    errors.push_back(inside.error());
    return false;
  }
  auto r = write_atomic(path, content);
  if (!r) errors.push_back(r.error());
  return r.ok();
}

struct Step {
  PlannedAction action;
  const std::string* content = nullptr;  // for Create and Update
};

std::vector<Step> plan_wanted(const fs::path& dir, const std::vector<WantedFile>& wanted,
                              const std::set<std::string>& untracked, const Manifest& manifest,
                              Overwrite overwrite, OutputSync& out) {
  std::vector<Step> steps;
  for (const WantedFile& w : wanted) {
    bool failed = false;
    const auto current = current_content(dir, w.path, failed, out.errors);
    if (failed) continue;
    Step s;
    s.action.path = w.path;
    s.action.state = classify(manifest, w.path, current ? &*current : nullptr, w.content);
    s.action.action = action_for(s.action.state, overwrite);
    s.action.tracked = untracked.count(w.path) == 0;
    s.content = &w.content;
    steps.push_back(std::move(s));
  }
  return steps;
}

// Outputs of an earlier run that this run no longer produces. With
// Stale::Keep (some input or cluster failed, so "not produced" may only
// mean "not read") they stay, and stay listed as ours.
std::vector<Step> plan_stale(const fs::path& dir, const Manifest& manifest,
                             const std::set<std::string>& done, Stale stale, OutputSync& out) {
  std::vector<Step> steps;
  for (const auto& [rel, hash] : manifest.files) {
    if (done.count(rel) != 0) continue;
    bool failed = false;
    const auto current = current_content(dir, rel, failed, out.errors);
    if (failed || !current) continue;
    Step s;
    s.action.path = rel;
    const bool owned = content_hash(*current) == hash;
    s.action.state = owned ? FileState::Owned : FileState::Edited;
    s.action.action = !owned                 ? FileAction::KeepStale
                      : stale == Stale::Keep ? FileAction::Keep
                                             : FileAction::Remove;
    steps.push_back(std::move(s));
  }
  return steps;
}

// The manifest after the steps: what is there as written, minus what is
// gone. `keep` are outputs of failed clusters: still listed as they were.
Manifest next_manifest(const Manifest& manifest, const std::vector<Step>& steps,
                       const std::vector<std::string>& keep) {
  Manifest next;
  const auto old = [&](const std::string& rel) {
    if (const auto it = manifest.files.find(rel); it != manifest.files.end())
      next.files[rel] = it->second;
  };
  for (const std::string& rel : keep) old(rel);
  for (const Step& s : steps) {
    const FileAction a = s.action.action;
    if (writes(a) || a == FileAction::Unchanged) {
      next.files[s.action.path] = content_hash(*s.content);
    } else if (a == FileAction::Keep || a == FileAction::Refuse) {
      old(s.action.path);
    }
  }
  return next;
}

// A leftover of write_atomic: ".NAME.tmp-PID-HEX".
bool is_temporary(const std::string& name) {
  const auto at = name.rfind(".tmp-");
  if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at < 2) return false;
  const auto dash = name.find('-', at + 5);
  if (dash == std::string::npos || dash == at + 5 || dash + 1 == name.size()) return false;
  const auto digits = name.substr(at + 5, dash - at - 5);
  const auto hex = name.substr(dash + 1);
  return digits.find_first_not_of("0123456789") == std::string::npos &&
         hex.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Leftovers of killed writes: ".NAME.tmp-PID-HEX" regular files at the top
// and in .agentmerge/. Only called under the lock, when no other run of
// agentmerge can be writing them.
void clean_temporaries(const fs::path& dir, OutputSync& out) {
  for (const fs::path& folder : {dir, dir / ".agentmerge"}) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(folder, ec))) continue;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (!is_temporary(entry.path().filename().string())) continue;
      if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
      if (fs::remove(entry.path(), ec)) out.cleaned.push_back(entry.path().string());
    }
  }
}

// Takes the folder's lock; the returned descriptor holds it until closed.
Result<Fd> lock_folder(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir / ".agentmerge", ec);
  if (auto inside = check_inside(dir, kLockPath); !inside) return inside.error();
  const fs::path path = dir / kLockPath;
  Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (fd.get() < 0)
    return Error{path.string(), 0, "io", std::string("cannot open: ") + std::strerror(errno)};
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    return Error{path.string(), 0, "locked",
                 "another agentmerge run is writing this folder; try again when it is done"};
  }
  return fd;
}

// Journal, files, manifest, in that order. A write or removal that fails
// is reported and its file stays listed as it was.
void perform(const fs::path& dir, std::vector<Step>& steps, const Manifest& manifest,
             const std::vector<std::string>& keep, OutputSync& out) {
  Manifest pending;
  for (const Step& s : steps)
    if (writes(s.action.action)) pending.files[s.action.path] = content_hash(*s.content);
  const bool journal = !pending.files.empty();
  if (journal && !write_one(dir, kPendingPath, write_manifest(pending), out.errors)) return;
  const std::size_t errors_before = out.errors.size();
  for (Step& s : steps) {
    const fs::path path = dir / s.action.path;
    std::error_code ec;
    if (writes(s.action.action) && !write_one(dir, s.action.path, *s.content, out.errors)) {
      s.action.action = FileAction::Refuse;
    } else if (s.action.action == FileAction::Remove && !fs::remove(path, ec)) {
      out.errors.push_back(Error{path.string(), 0, "io", "cannot remove: " + ec.message()});
      s.action.action = FileAction::Keep;
    }
  }
  const std::string text = write_manifest(next_manifest(manifest, steps, keep));
  bool failed = false;
  const auto current = current_content(dir, kManifestPath, failed, out.errors);
  if (!failed && (!current || *current != text)) write_one(dir, kManifestPath, text, out.errors);
  std::error_code ec;
  if (journal && out.errors.size() == errors_before) fs::remove(dir / kPendingPath, ec);
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
    case FileAction::Keep: return "keep";
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
                       Overwrite overwrite, Stale stale) {
  OutputSync out;
  Fd lock;  // held until the function returns
  if (mode == OutputMode::Write) {
    auto locked = lock_folder(dir);
    if (!locked) {
      out.errors.push_back(locked.error());
      return out;
    }
    lock = std::move(*locked);
    clean_temporaries(dir, out);
  }
  const Manifest manifest = load_manifest(dir, out.errors);
  const std::set<std::string> untracked_set(untracked.begin(), untracked.end());
  std::vector<Step> steps = plan_wanted(dir, wanted, untracked_set, manifest, overwrite, out);
  std::set<std::string> done(keep.begin(), keep.end());
  for (const WantedFile& w : wanted) done.insert(w.path);
  for (Step& s : plan_stale(dir, manifest, done, stale, out)) steps.push_back(std::move(s));
  if (mode == OutputMode::Write) perform(dir, steps, manifest, keep, out);
  for (Step& s : steps) out.actions.push_back(std::move(s.action));
  std::sort(out.actions.begin(), out.actions.end(),
            [](const PlannedAction& a, const PlannedAction& b) { return a.path < b.path; });
  return out;
}

}  // namespace agentmerge::cli
