# One interface target carries the warning flags and the sanitizer options.
add_library(innosim_warnings INTERFACE)
target_compile_options(innosim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion $<$<BOOL:${INNOSIM_WERROR}>:-Werror>)
if(INNOSIM_SANITIZE)
  target_compile_options(innosim_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(innosim_warnings INTERFACE -fsanitize=address,undefined)
endif()
# Fuzzing (clang only): the library and tests get coverage instrumentation for libFuzzer; the
# targets in tests/fuzz link libFuzzer's main. Implies the sanitizers above.
if(INNOSIM_FUZZ)
  target_compile_options(innosim_warnings INTERFACE -fsanitize=fuzzer-no-link)
  target_link_options(innosim_warnings INTERFACE -fsanitize=fuzzer-no-link)
endif()
