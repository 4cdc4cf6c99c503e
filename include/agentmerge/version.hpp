// The version of this library and of the libraries it was built with.
//
//   agentmerge::version()            // "0.1.0", from CMake's project(VERSION)
//   agentmerge::library_versions()   // {{"yaml-cpp", "0.7.0"}, {"cmark", "0.30.2"}, ...}
//
// Libraries that report their version at run time are asked at run time, so
// a shared library upgraded after the build shows its current version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace agentmerge {

struct LibraryVersion {
  std::string name;
  std::string version;  // "unknown" when neither the library nor its package records one
};

std::string_view version();

// Every third-party library linked into the agentmerge library, in a fixed
// order (the order of docs/dependencies.md).
std::vector<LibraryVersion> library_versions();

}  // namespace agentmerge
