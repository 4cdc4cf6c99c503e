// The output folder's manifest: text format and file classification.
//
//   {"api.md" -> 0x00ab...}  <->  "# agentmerge manifest v1 ...\n00ab...  api.md\n"
//
// A plain line format rather than JSON or YAML so that a person can read it
// and a diff of it in version control shows exactly which outputs changed.
#include "agentmerge/manifest.hpp"

#include <cstdio>
#include <optional>

#include <xxhash.h>

#include "agentmerge/plan.hpp"

namespace agentmerge {

namespace {

constexpr std::string_view kManifestHeader =
    "# agentmerge manifest v1: files in this folder written by agentmerge migrate,\n"
    "# with the xxh64 of the content written. A file listed here and unchanged may be\n"
    "# updated by the next run; any other file is never overwritten without --force.\n";

constexpr std::size_t kHashDigits = 16;

std::optional<std::uint64_t> parse_hex(std::string_view s) {
  if (s.size() != kHashDigits) return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<std::uint64_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<std::uint64_t>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
  }
  return v;
}

}  // namespace

bool is_output_path(std::string_view path) {
  if (path == ".agentmerge/report.json") return true;
  // A safe file name never starts with '.', so ".md" alone is refused.
  return is_safe_file_name(path) && path.ends_with(".md");
}

std::uint64_t content_hash(std::string_view content) {
  return XXH64(content.data(), content.size(), 0);
}

std::string write_manifest(const Manifest& manifest) {
  std::string out(kManifestHeader);
  for (const auto& [path, hash] : manifest.files) {
    char hex[kHashDigits + 1];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    out += hex;
    out += "  ";
    out += path;
    out += '\n';
  }
  return out;
}

Result<Manifest> read_manifest(std::string_view text, std::string_view source_name) {
  Manifest m;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto hash = parse_hex(line.substr(0, kHashDigits));
    const std::string_view path =
        line.size() > kHashDigits + 2 ? line.substr(kHashDigits + 2) : std::string_view{};
    if (!hash || line.substr(kHashDigits, 2) != "  " || path.empty()) {
      return Error{std::string(source_name), line_no, "bad-manifest",
                   "expected '<16 hex digits>  <file name>'"};
    }
    if (!is_output_path(path)) {
      return Error{std::string(source_name), line_no, "bad-manifest",
                   "'" + std::string(path) +
                       "' is not a file migrate writes (a '.md' file name in the folder, or "
                       ".agentmerge/report.json)"};
    }
    m.files[std::string(path)] = *hash;
  }
  return m;
}

std::string_view to_string(FileState s) {
  switch (s) {
    case FileState::Absent: return "absent";
    case FileState::Same: return "same";
    case FileState::Owned: return "owned";
    case FileState::Edited: return "edited";
    case FileState::Foreign: return "foreign";
  }
  return "foreign";
}

FileState classify(const Manifest& manifest, const std::string& path, const std::string* current,
                   std::string_view wanted) {
  if (current == nullptr) return FileState::Absent;
  if (*current == wanted) return FileState::Same;
  const auto it = manifest.files.find(path);
  if (it == manifest.files.end()) return FileState::Foreign;
  return it->second == content_hash(*current) ? FileState::Owned : FileState::Edited;
}

}  // namespace agentmerge
