#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), configures a Release build in build/ and
# compiles it with every core. Safe to rerun: only changed files are rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
