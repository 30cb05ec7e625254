#include "run/replicate.h"

#include <algorithm>
#include <cmath>

#include "initial_population.h"
#include "step.h"

namespace innosim {
namespace {

void record(const World& w, ReplicateResult& r, int t, bool base_year) {
  std::copy(w.indicators.begin(), w.indicators.end(), r.indicators.begin() + t * kIndicatorCount);
  for (int lever = 0; lever < kLeverCount; ++lever)
    for (int level = 0; level < kGovLevels; ++level)
      r.fiscal[(t * kLeverCount + lever) * kGovLevels + level] = base_year ? std::nan("") : w.ledger.cost[lever][level];
}

}  // namespace

ReplicateResult run_replicate(const ModelConfig& m, RunKey key, PanelTable* panel) {
  const int years = year_count(m);
  ReplicateResult r;
  r.indicators.assign(static_cast<std::size_t>(years) * kIndicatorCount, std::nan(""));
  r.fiscal.assign(static_cast<std::size_t>(years) * kLeverCount * kGovLevels, std::nan(""));
  World w = initial_population(m, key);
  record(w, r, 0, true);
  if (panel) panel->record(w, m, key.replicate);
  for (int t = 1; t < years; ++t) {
    for (int s = 0; s < m.time.steps_per_year; ++s) {
      r.firm_steps += static_cast<double>(w.firms.size());
      step(w, m);
    }
    record(w, r, t, false);
    if (panel) panel->record(w, m, key.replicate);
  }
  return r;
}

}  // namespace innosim
