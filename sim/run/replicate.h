// One replicate of one scenario: initialise the population (of one region or several), step
// to the end year, and record the indicators and the fiscal ledger at every year end.
#pragma once
#include <vector>

#include "config/model_config.h"
#include "observe/firm_panel.h"
#include "run/regions.h"
#include "world.h"

namespace innosim {

inline int year_count(const ModelConfig& m) { return m.time.end_year - m.region.base_year + 1; }

struct ReplicateResult {
  std::vector<double> indicators;  // [year][indicator]
  std::vector<double> fiscal;      // [year][lever][level]
  double firm_steps = 0;           // firms x steps simulated, for throughput measures
};

// A replicate part-way through: the economy just after the year end of year index
// `next_year - 1`, and what was recorded up to it. A long run is saved and resumed as this
// (io/state_file.h); nothing else is needed to continue it exactly.
struct ReplicateRun {
  Economy economy;
  std::vector<ReplicateResult> results;  // one per region, every year of the horizon
  bool record_panel = false;
  PanelTable panel;   // the first region's firms at each year end so far, if record_panel
  int next_year = 1;  // index (from the base year) of the next year to simulate
};

// The base year, initialised and recorded.
ReplicateRun start_replicate(const std::vector<const ModelConfig*>& configs, std::uint64_t seed,
                             std::uint64_t replicate, bool record_panel);
// Simulates the years from run.next_year up to, not including, year index `until`.
void advance_replicate(ReplicateRun& run, int until);

// With `panel`, also records every firm at every year end into it.
ReplicateResult run_replicate(const ModelConfig& m, RunKey key, PanelTable* panel = nullptr);
// Several regions in one run (economy.h), one result per region; the panel is the first region's.
std::vector<ReplicateResult> run_regions(const std::vector<const ModelConfig*>& configs,
                                         std::uint64_t seed, std::uint64_t replicate,
                                         PanelTable* panel = nullptr);

}  // namespace innosim
