// Runs a sweep's tasks, one (point, scenario, replicate) each, on oneTBB, skipping those a
// resumed file already holds. Every finished task is stored and marked done; at most every
// `checkpoint_seconds` `checkpoint` is called with the results so far, under a lock, so that it
// can write them (the caller writes the whole file atomically, and writes it once more at the end).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sweep/design.h"

namespace innosim::sweep {

struct SweepPlan {
  std::string data_dir;
  SweepDesign design;
  std::vector<std::string> scenario_files;  // resolved paths, one per scenario
  Points unit;                              // [point][factor] on [0, 1]
  std::vector<std::vector<double>> values;  // [point][factor]
  std::vector<std::string> scenario_names;  // as the scenario files name them
  std::vector<int> years;                   // the time axis every point shares
  // A job array's share (--shard I/N): the tasks whose number is I modulo N. 0/1 = all.
  std::size_t shard_index = 0, shard_count = 1;
  std::size_t tasks() const { return unit.size() * scenario_files.size() * design.replicates; }
  bool in_shard(std::size_t task) const { return task % shard_count == shard_index; }
  std::size_t shard_tasks() const;
};

// Resolves the design's scenarios and points, and loads the first and the last point of
// every scenario, so that a bad factor value fails before any run (and the scenarios' names
// and the time axis are read once).
SweepPlan plan_sweep(const std::string& data_dir, const SweepDesign& design);

struct SweepResult {
  // Done when every task of the plan's shard is.
  bool complete(const SweepPlan& plan) const;
  std::vector<std::string> scenario_names;
  std::vector<int> years;
  std::vector<double> trajectories;  // [point][scenario][replicate][time][indicator]
  std::vector<double> fiscal;        // [point][scenario][replicate][time][lever][level]
  std::vector<std::uint8_t> done;    // [point][scenario][replicate]: 1 when finished
  std::size_t finished() const;
};

// An empty result shaped for `plan` (nothing done); reads no file.
SweepResult empty_result(const SweepPlan& plan);

// The --set overrides of point `p` (what `innosim run` needs to rerun it).
std::vector<std::string> point_overrides(const SweepPlan& plan, std::size_t p);

// Runs every task not yet done in `result`.
void run_sweep(const SweepPlan& plan, SweepResult& result, int threads, double checkpoint_seconds,
               const std::function<void(const SweepResult&)>& checkpoint,
               const std::function<void(std::size_t done, std::size_t total)>& progress);

}  // namespace innosim::sweep
