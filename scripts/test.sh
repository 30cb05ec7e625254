#!/usr/bin/env bash
# The README's test command (and so CI's): installs what is missing, builds, and passes
#   1. the test suite on the Release build (build/);
#   2. the same suite built with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#      with the libFuzzer targets (build-fuzz/);
#   3. each fuzz target for FUZZ_SECONDS (default 60) on a corpus of the shipped files.
# Steps 2-3 are skipped with INNOSIM_QUICK=1 (the quick loop while developing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
[[ "${INNOSIM_QUICK:-0}" == 1 ]] && exit 0
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Release -DINNOSIM_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)"
# The suite's subprocess tests run the sanitized binary too. Leaks are findings, except those
# of libhdf5 itself (tests/fuzz/lsan.supp says why; the MPI test turns leak checks off for
# the ranks, tests/sweep/sweep_test.cpp says why).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0" \
  ctest --test-dir build-fuzz --output-on-failure -j"$(nproc)"
tests/fuzz/run_fuzzers.sh build-fuzz "${FUZZ_SECONDS:-60}"
