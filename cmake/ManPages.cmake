# Man pages (help2man over each command's --help) and bash, zsh and fish
# completions (`agentmerge completions SHELL`), generated from the built
# binary by cmake/gen_docs.sh and installed where each tool looks:
#   share/man/man1/agentmerge.1, agentmerge-<command>.1
#   share/bash-completion/completions/agentmerge
#   share/zsh/vendor-completions/_agentmerge      (Debian's zsh fpath)
#   share/fish/vendor_completions.d/agentmerge.fish
set(AGENTMERGE_DOCS_DIR "${PROJECT_BINARY_DIR}/docs")
add_custom_command(
  OUTPUT "${AGENTMERGE_DOCS_DIR}/stamp"
  COMMAND bash "${PROJECT_SOURCE_DIR}/cmake/gen_docs.sh" "$<TARGET_FILE:agentmerge>"
          "${PROJECT_VERSION}" "${AGENTMERGE_DOCS_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${AGENTMERGE_DOCS_DIR}/stamp"
  DEPENDS agentmerge "${PROJECT_SOURCE_DIR}/cmake/gen_docs.sh"
  COMMENT "Generating man pages and shell completions")
add_custom_target(agentmerge_docs ALL DEPENDS "${AGENTMERGE_DOCS_DIR}/stamp")

install(DIRECTORY "${AGENTMERGE_DOCS_DIR}/man1" DESTINATION "${CMAKE_INSTALL_MANDIR}"
        OPTIONAL)
install(FILES "${AGENTMERGE_DOCS_DIR}/completions/agentmerge.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME agentmerge)
install(FILES "${AGENTMERGE_DOCS_DIR}/completions/_agentmerge"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
install(FILES "${AGENTMERGE_DOCS_DIR}/completions/agentmerge.fish"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
