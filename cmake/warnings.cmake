# One interface target carries the warning flags and the sanitizer options.
add_library(innosim_warnings INTERFACE)
target_compile_options(innosim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion $<$<BOOL:${INNOSIM_WERROR}>:-Werror>)
if(INNOSIM_SANITIZE)
  target_compile_options(innosim_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(innosim_warnings INTERFACE -fsanitize=address,undefined)
endif()
