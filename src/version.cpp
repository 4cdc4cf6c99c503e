// Versions for `agentmerge --version` (see include/agentmerge/version.hpp).
//
//   library_versions()  ->  yaml-cpp 0.7.0, cmark 0.30.2, dtl 1.20-1, ...
#include "agentmerge/version.hpp"

#include <cmark.h>
#include <utf8proc.h>
#include <xxhash.h>

// Version macros only: the full headers are large and nothing else is used.
#include <nlohmann/detail/abi_macros.hpp>
#include <toml++/impl/version.h>

namespace agentmerge {
namespace {
#include "build_info.inc"

std::string dotted(unsigned major, unsigned minor, unsigned patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

// XXH_versionNumber() is major * 10000 + minor * 100 + patch.
std::string xxhash_version() {
  const unsigned n = XXH_versionNumber();
  return dotted(n / 10000, (n / 100) % 100, n % 100);
}

}  // namespace

std::string_view version() { return kAgentmergeVersion; }

std::vector<LibraryVersion> library_versions() {
  return {
      {"yaml-cpp", kYamlCppVersion},
      {"cmark", cmark_version_string()},
      {"dtl", kDtlVersion},
      {"nlohmann-json", dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                               NLOHMANN_JSON_VERSION_PATCH)},
      {"toml++", dotted(TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH)},
      {"utf8proc", utf8proc_version()},
      {"libstemmer", kStemmerVersion},
      {"xxHash", xxhash_version()},
  };
}

}  // namespace agentmerge
