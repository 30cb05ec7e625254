#!/usr/bin/env bash
# Installs the Debian packages innosim needs, and only those that are missing.
# Idempotent: when everything is present it runs no apt command and returns at once.
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config
  libboost-graph-dev   # collaboration and region graphs
  libboost-dev         # Boost.Math (normal quantile of the one-uniform Poisson draw)
  libtbb-dev           # replicates and firms in parallel
  libeigen3-dev        # calibration linear algebra
  libhdf5-dev hdf5-tools  # output (and h5dump/h5diff to inspect it)
  catch2               # test framework (v2, single header + CMake module)
  libtomlplusplus-dev  # configuration files
  libcli11-dev         # command line
  libfmt-dev           # formatting
  librandom123-dev     # counter-based random streams (Philox)
  libbenchmark-dev     # throughput benchmarks in bench/
  clang-format         # the formatting check (ctest: format)
  clang libclang-rt-dev  # the sanitizer build and the libFuzzer targets (scripts/test.sh)
  git                  # the formatting check lists tracked files
  python3-numpy        # the numpy reference of the sensitivity estimators (tests/sweep/)
  python3-h5py python3-xarray python3-h5netcdf python3-pandas python3-matplotlib
                       # analysis/innosim.py and the xarray check of the run file (tests/analysis/)
  netcdf-bin r-cran-ncdf4  # ncdump and R's ncdf4 open the run file (tests/analysis/)
  libjs-chart.js       # the report's charts, embedded in the program at build time
  nlohmann-json3-dev   # the report's data
  chromium fonts-noto-cjk python3-pil  # the report rendered and checked in a browser (tests/report/)
  libopenmpi-dev openmpi-bin  # sweeps across MPI ranks (optional in the build; tested in CI)
  slurm-wlm munge      # the job-array test starts a one-node Slurm cluster (tests/cluster/)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
