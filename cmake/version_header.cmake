# Writes version.h at build time (not configure time), so the git SHA recorded in every
# output file is that of the code actually built; "-dirty" marks uncommitted changes.
# Rewrites the file only when its content changes, so an unchanged tree rebuilds nothing.
execute_process(COMMAND git describe --always --dirty --abbrev=12 WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE INNOSIM_GIT_SHA OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT INNOSIM_GIT_SHA)
  set(INNOSIM_GIT_SHA "unknown")
endif()
configure_file(${SOURCE_DIR}/sim/core/version.h.in ${OUTPUT} @ONLY)
