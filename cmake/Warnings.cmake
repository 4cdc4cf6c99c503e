# Warning flags for our own targets; -Werror in CI (AGENTMERGE_WERROR=ON).
function(agentmerge_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wold-style-cast)
  if(AGENTMERGE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(AGENTMERGE_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
