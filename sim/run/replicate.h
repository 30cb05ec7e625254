// One replicate of one scenario: initialise the population (of one region or several), step
// to the end year, and record the indicators and the fiscal ledger at every year end.
#pragma once
#include <vector>

#include "config/model_config.h"
#include "observe/firm_panel.h"
#include "world.h"

namespace innosim {

inline int year_count(const ModelConfig& m) { return m.time.end_year - m.region.base_year + 1; }

struct ReplicateResult {
  std::vector<double> indicators;  // [year][indicator]
  std::vector<double> fiscal;      // [year][lever][level]
  double firm_steps = 0;           // firms x steps simulated, for throughput measures
};

// With `panel`, also records every firm at every year end into it.
ReplicateResult run_replicate(const ModelConfig& m, RunKey key, PanelTable* panel = nullptr);
// Several regions in one run (economy.h), one result per region; the panel is the first region's.
std::vector<ReplicateResult> run_regions(const std::vector<const ModelConfig*>& configs,
                                         std::uint64_t seed, std::uint64_t replicate,
                                         PanelTable* panel = nullptr);

}  // namespace innosim
