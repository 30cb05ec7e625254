#include "run/replicate.h"

#include <algorithm>
#include <cmath>

#include "run/regions.h"

namespace innosim {
namespace {

void record(const World& w, ReplicateResult& r, int t, bool base_year) {
  std::copy(w.indicators.begin(), w.indicators.end(), r.indicators.begin() + t * kIndicatorCount);
  for (int lever = 0; lever < kLeverCount; ++lever)
    for (int level = 0; level < kGovLevels; ++level)
      r.fiscal[(t * kLeverCount + lever) * kGovLevels + level] =
          base_year ? std::nan("") : w.totals.ledger.cost[lever][level];
}

}  // namespace

std::vector<ReplicateResult> run_regions(const std::vector<const ModelConfig*>& configs,
                                         std::uint64_t seed, std::uint64_t replicate,
                                         PanelTable* panel) {
  const ModelConfig& first = *configs.front();
  const int years = year_count(first);
  std::vector<ReplicateResult> out(configs.size());
  for (auto& r : out) {
    r.indicators.assign(static_cast<std::size_t>(years) * kIndicatorCount, std::nan(""));
    r.fiscal.assign(static_cast<std::size_t>(years) * kLeverCount * kGovLevels, std::nan(""));
  }
  Economy e = initial_economy(configs, seed, replicate);
  for (std::size_t k = 0; k < configs.size(); ++k) record(e.regions[k], out[k], 0, true);
  if (panel) panel->record(e.regions[0], first, replicate);
  for (int t = 1; t < years; ++t) {
    for (int s = 0; s < first.time.steps_per_year; ++s) {
      for (std::size_t k = 0; k < configs.size(); ++k)
        out[k].firm_steps += static_cast<double>(e.regions[k].firms.size());
      step_economy(e);
    }
    for (std::size_t k = 0; k < configs.size(); ++k) record(e.regions[k], out[k], t, false);
    if (panel) panel->record(e.regions[0], first, replicate);
  }
  return out;
}

ReplicateResult run_replicate(const ModelConfig& m, RunKey key, PanelTable* panel) {
  return std::move(run_regions({&m}, key.seed, key.replicate, panel).front());
}

}  // namespace innosim
