# Every dependency comes from a Debian package (see docs/dependencies.md for
# why each one is here). Nothing is vendored or downloaded at build time.
find_package(Threads REQUIRED)
find_package(yaml-cpp REQUIRED)          # strict YAML frontmatter
find_package(cmark REQUIRED)             # CommonMark block tree with positions
find_package(CLI11 REQUIRED)             # command line
find_package(nlohmann_json 3 REQUIRED)   # JSON output (dump, lint, reports)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)  # Unicode case folding, validation
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)      # fast hashing for MinHash
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)       # git ignore rules in folder walks (CLI)
add_library(agentmerge::utf8proc ALIAS PkgConfig::UTF8PROC)
add_library(agentmerge::xxhash ALIAS PkgConfig::XXHASH)

# dtl (libdtl-dev) is header-only and ships no CMake config.
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
add_library(agentmerge_dtl INTERFACE)
target_include_directories(agentmerge_dtl SYSTEM INTERFACE "${DTL_INCLUDE_DIR}")
add_library(agentmerge::dtl ALIAS agentmerge_dtl)

# toml++ (libtomlplusplus-dev) writes and reads Codex agents (TOML). Used
# header-only with its default settings (no compile definitions: every
# translation unit that includes it, tests too, must agree on them).
find_path(TOMLPP_INCLUDE_DIR toml++/toml.h REQUIRED)  # Debian ships toml.h, no toml.hpp
add_library(agentmerge_tomlplusplus INTERFACE)
target_include_directories(agentmerge_tomlplusplus SYSTEM INTERFACE "${TOMLPP_INCLUDE_DIR}")
add_library(agentmerge::tomlplusplus ALIAS agentmerge_tomlplusplus)

# libstemmer (libstemmer-dev): Snowball's Porter2 English stemmer, for the
# content words that decide whether one text says nothing another does not
# (merge folding by subsumption). Ships no CMake config or pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(agentmerge_stemmer INTERFACE)
target_include_directories(agentmerge_stemmer SYSTEM INTERFACE "${STEMMER_INCLUDE_DIR}")
target_link_libraries(agentmerge_stemmer INTERFACE "${STEMMER_LIBRARY}")
add_library(agentmerge::stemmer ALIAS agentmerge_stemmer)
