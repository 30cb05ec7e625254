#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what .clang-format makes of it (run by ctest as
# `format`). Lists the files; `clang-format -i --style=file FILE` fixes one.
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "format: clang-format not installed (scripts/setup.sh installs it)"; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find sim tests bench -name '*.cpp' -o -name '*.h')
bad=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue  # deleted in the work tree, not yet committed
  if ! clang-format --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "format: $f differs from .clang-format (clang-format -i --style=file $f)"
    bad=1
  fi
done
[ "$bad" -eq 0 ] && echo "format: ${#files[@]} files formatted as .clang-format says"
exit "$bad"
