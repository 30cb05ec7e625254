// Runs every (scenario, replicate) pair of a run in parallel with oneTBB and gathers the
// results into the [scenario, replicate, time, ...] arrays of the output schema. Replicate
// r of every scenario draws from the same streams (seed, r): scenario differences are paired.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/config_loader.h"
#include "observe/firm_panel.h"
#include "run/replicate.h"

namespace innosim {

struct EnsembleResult;

struct EnsembleSpec {
  std::vector<LoadedConfig> scenarios;
  // Other regions simulated alongside the first (the region graph), per scenario:
  // [scenario][region].
  std::vector<std::vector<LoadedConfig>> partners;
  // Replicates with their own parameters (innosim run --parameter-uncertainty): each task's
  // configs, [scenario][replicate][region: the scenario's, then the partners'], used
  // instead of the shared ones above (which still give the time axis and the names).
  std::vector<std::vector<std::vector<ModelConfig>>> replicate_configs;
  int replicates = 1;
  std::uint64_t seed = 1;
  int threads = 0;  // 0 = all cores
  // At most this many tasks at once (0: as many as threads), so that a run whose replicates
  // do not all fit in memory together runs them in turn, each on every thread (innosim run
  // sets it from the memory estimate).
  int max_in_flight = 0;
  int panel_replicates = 0;  // record the firm panel of replicates 0 .. panel_replicates-1
  std::function<void(std::size_t done, std::size_t total)>
      progress;  // called from one thread at a time
  // Called with the results so far, under a lock, at most every `checkpoint_seconds` while
  // tasks finish (innosim run writes them to <out>.partial, so a killed run keeps them).
  std::function<void(const EnsembleResult&)> checkpoint;
  double checkpoint_seconds = 30;
  // Long runs (innosim run --checkpoint, --resume-from, --from-state): the tasks advance
  // together, all held in memory, `state_every` years at a time, and after each stretch
  // `save_state` is given every task's whole state (the last one at the end year).
  int state_every = 0;  // years; 0 = no state saved
  std::function<void(const std::vector<ReplicateRun>&)> save_state;
  // Where each task starts, given its region configs, if not at the base year: a saved state.
  std::function<ReplicateRun(std::size_t task, const std::vector<const ModelConfig*>&)> start_from;
  bool advances_together() const { return state_every > 0 || bool(start_from); }
};

struct EnsembleResult {
  std::vector<std::string> scenario_names;
  std::vector<int> years;
  int replicates = 0;
  std::vector<double> trajectories;  // [scenario][replicate][time][indicator]
  std::vector<double> fiscal;        // [scenario][replicate][time][lever][level]
  std::vector<PanelTable> panels;    // per scenario, replicates in order; empty without --panel
  // A run's tasks are its (scenario, replicate) pairs, numbered scenario * replicates +
  // replicate. done[task] is 1 once the task's results are in the arrays (NaN before).
  std::vector<std::uint8_t> done;
  std::size_t finished() const;
  bool complete() const { return finished() == done.size(); }
  // The firm panel of each finished task that records one, [scenario][panel replicate],
  // until the run is complete and they are joined into `panels`.
  std::vector<PanelTable> panel_runs;
  // The partner regions' results, laid out as trajectories and fiscal above.
  struct Partner {
    std::string region;
    std::vector<double> trajectories;
    std::vector<double> fiscal;
  };
  std::vector<Partner> partners;
};

// The result of a run with no task done yet: shaped for `spec` (checked here: one time axis,
// distinct scenario names), its arrays NaN.
EnsembleResult empty_ensemble(const EnsembleSpec& spec);

// Runs the tasks `result` does not hold (all of them for empty_ensemble's), then joins the
// panels. A resumed run gives the same arrays as one never interrupted.
void run_ensemble(const EnsembleSpec& spec, EnsembleResult& result);
EnsembleResult run_ensemble(const EnsembleSpec& spec);

}  // namespace innosim
