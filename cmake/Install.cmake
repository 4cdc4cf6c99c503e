# `cmake --install` and `cpack -G DEB`.
#
#   cmake --install build --prefix P   ->  P/bin/agentmerge
#                                          P/lib/libagentmerge.a, P/include/agentmerge/*.hpp
#                                          P/lib/cmake/agentmerge/ (find_package(agentmerge CONFIG))
#                                          P/share/man/man1/agentmerge*.1, shell completions
#   cpack -G DEB (in build/)           ->  agentmerge_<version>_<arch>.deb, runtime
#                                          dependencies from dpkg-shlibdeps
include(CMakePackageConfigHelpers)

set(AGENTMERGE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/agentmerge")

install(TARGETS agentmerge RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS agentmerge_lib EXPORT agentmergeTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/agentmerge"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT agentmergeTargets NAMESPACE agentmerge::
        DESTINATION "${AGENTMERGE_CMAKE_DIR}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/agentmergeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/agentmergeConfig.cmake" INSTALL_DESTINATION "${AGENTMERGE_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/agentmergeConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)  # 0.x: a minor release may change the API
install(FILES "${PROJECT_BINARY_DIR}/agentmergeConfig.cmake"
              "${PROJECT_BINARY_DIR}/agentmergeConfigVersion.cmake"
        DESTINATION "${AGENTMERGE_CMAKE_DIR}")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# ---- Debian package ------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME agentmerge)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "agentmerge maintainers <agentmerge@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "consolidate duplicate AI agent definition files")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "agentmerge parses AI agent definition files (Claude Code, opencode,\n GitHub Copilot, Cursor, Codex, Kiro, Qwen and more), finds the variants of\n one role, merges them into one canonical agent with a report of every\n decision, and writes a review page.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libyaml-cpp0.7, libcmark0.30.2, ... as linked
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
