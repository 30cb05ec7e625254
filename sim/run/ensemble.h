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

namespace innosim {

struct EnsembleSpec {
  std::vector<LoadedConfig> scenarios;
  // Other regions simulated alongside the first (the region graph), per scenario:
  // [scenario][region].
  std::vector<std::vector<LoadedConfig>> partners;
  int replicates = 1;
  std::uint64_t seed = 1;
  int threads = 0;           // 0 = all cores
  int panel_replicates = 0;  // record the firm panel of replicates 0 .. panel_replicates-1
  std::function<void(std::size_t done, std::size_t total)>
      progress;  // called from one thread at a time
};

struct EnsembleResult {
  std::vector<std::string> scenario_names;
  std::vector<int> years;
  int replicates = 0;
  std::vector<double> trajectories;  // [scenario][replicate][time][indicator]
  std::vector<double> fiscal;        // [scenario][replicate][time][lever][level]
  std::vector<PanelTable> panels;    // per scenario, replicates in order; empty without --panel
  // The partner regions' results, laid out as trajectories and fiscal above.
  struct Partner {
    std::string region;
    std::vector<double> trajectories;
    std::vector<double> fiscal;
  };
  std::vector<Partner> partners;
};

EnsembleResult run_ensemble(const EnsembleSpec& spec);

}  // namespace innosim
