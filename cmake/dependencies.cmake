# Every external dependency is found here, and only here; all come from Debian packages
# installed by scripts/setup.sh.
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(TBB REQUIRED)
find_package(Eigen3 REQUIRED NO_MODULE)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
if(INNOSIM_BUILD_TESTS)
  find_package(Catch2 REQUIRED)
endif()
find_package(Threads REQUIRED)
# Optional: without MPI (Debian's libopenmpi-dev) the program builds and runs on one process.
find_package(MPI COMPONENTS C QUIET)
find_package(benchmark REQUIRED)
# The report's charts: Debian's Chart.js (libjs-chart.js), embedded in the program at build time.
find_file(INNOSIM_CHARTJS NAMES chart.umd.js chart.min.js PATHS /usr/share/javascript/chart.js
          NO_DEFAULT_PATH)
if(NOT INNOSIM_CHARTJS)
  message(FATAL_ERROR "Chart.js not found in /usr/share/javascript/chart.js: install libjs-chart.js "
                      "(scripts/setup.sh does)")
endif()
find_package(nlohmann_json 3 REQUIRED)
