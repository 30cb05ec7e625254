#!/usr/bin/env bash
# Runs each libFuzzer target of tests/fuzz for a bounded time on a seed corpus made from the
# shipped files, and fails on a finding (a crash, a sanitizer report, a hang, a leak).
# Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET=60]
# BUILD_DIR is a -DINNOSIM_FUZZ=ON build. A finding is kept in BUILD_DIR/fuzz-findings/.
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings="$build/fuzz-findings"
mkdir -p "$work/config_fuzz" "$work/run_file_fuzz" "$work/sweep_file_fuzz" \
  "$work/state_file_fuzz" "$findings"

# Configs: every shipped model file, preset, fit and scenario.
n=0
while IFS= read -r f; do
  cp "$f" "$work/config_fuzz/$((n++)).toml"
done < <(find "$src/configs" "$src/scenarios" -name '*.toml' | sort)
# Run files: small real runs, one and two scenarios, written by this build's innosim.
small=(--set region.firms_total=4000 --set region.firms_above_scale=20 --set region.hntes=10
       --set region.tech_smes=30 --set region.rd_expenditure=1.5e8 --set time.end_year=2022)
"$build/sim/innosim" --data-dir "$src" run --quiet --replicates 1 "${small[@]}" \
  --out "$work/run_file_fuzz/two_scenarios.h5" >/dev/null
"$build/sim/innosim" --data-dir "$src" run --quiet --replicates 2 --scenario baseline \
  "${small[@]}" --out "$work/run_file_fuzz/one_scenario.h5" >/dev/null
# A partial run file (the shape run_file_fuzz.cpp expects), copied while the run writes it:
# each checkpoint is a complete file renamed into place, so the copy is one of them.
"$build/sim/innosim" --data-dir "$src" run --quiet --replicates 3 --scenario baseline \
  --scenario plan --panel --threads 1 --checkpoint-seconds 0 --set time.end_year=2022 \
  --out "$work/partial.h5" >/dev/null &
writer=$!
while kill -0 $writer 2>/dev/null && ! cp "$work/partial.h5.partial" \
    "$work/run_file_fuzz/partial.h5" 2>/dev/null; do sleep 0.05; done
wait $writer
[ -f "$work/run_file_fuzz/partial.h5" ] || { echo "no partial run file for the corpus"; exit 1; }

# libhdf5's own leaks on malformed files are suppressed (see the file); ours are findings.
export LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp:print_suppressions=0"
# Sweep files: a finished sweep of the target's own design.
"$build/sim/innosim" --data-dir "$src" sweep --quiet "$src/tests/fuzz/sweep_design.toml" \
  --out "$work/sweep_file_fuzz/finished.h5"
"$build/sim/innosim" --data-dir "$src" sweep --quiet "$src/tests/fuzz/sweep_sobol_design.toml" \
  --out "$work/sweep_file_fuzz/sobol.h5"

# A state file: one year of the shape state_file_fuzz.cpp expects (its talent shrunk with the
# region, so that an input stays small).
"$build/sim/innosim" --data-dir "$src" run --quiet --replicates 1 --scenario baseline \
  "${small[@]}" --set region.rd_personnel=625 --set region.leading_talents=6 \
  --set region.talent_total=13375 --checkpoint "$work/state_file_fuzz/2022.h5" \
  --out "$work/state-run.h5" >/dev/null

# Inputs that once were findings (tests/fuzz/regressions/TARGET/), kept so that each run
# replays them first.
for dir in "$src"/tests/fuzz/regressions/*/; do
  cp "$dir"* "$work/$(basename "$dir")/"
done

status=0
for target in config_fuzz run_file_fuzz sweep_file_fuzz state_file_fuzz; do
  log="$work/$target.log"
  start=$(date +%s)
  if ! "$build/tests/fuzz/$target" "$work/$target" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$findings/$target-" \
      >"$log" 2>&1; then
    echo "$target: FINDING (input kept in $findings)"
    grep -E "ERROR|SUMMARY|==[0-9]+==|Test unit written" "$log" | head -20
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  secs=$(( $(date +%s) - start ))
  echo "$target: ${runs:-0} executions in ${secs} s ($(( ${runs:-0} / (secs > 0 ? secs : 1) ))/s)," \
       "corpus $(ls "$work/$target" | wc -l) inputs"
done
exit $status
