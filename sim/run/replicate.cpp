#include "run/replicate.h"

#include <algorithm>
#include <cmath>

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

ReplicateRun start_replicate(const std::vector<const ModelConfig*>& configs, std::uint64_t seed,
                             std::uint64_t replicate, bool record_panel) {
  ReplicateRun run{initial_economy(configs, seed, replicate), {}, record_panel, {}, 1};
  const int years = year_count(*configs.front());
  run.results.resize(configs.size());
  for (auto& r : run.results) {
    r.indicators.assign(static_cast<std::size_t>(years) * kIndicatorCount, std::nan(""));
    r.fiscal.assign(static_cast<std::size_t>(years) * kLeverCount * kGovLevels, std::nan(""));
  }
  Economy& e = run.economy;
  for (std::size_t k = 0; k < configs.size(); ++k) record(e.regions[k], run.results[k], 0, true);
  if (record_panel) run.panel.record(e.regions[0], *configs.front(), replicate);
  return run;
}

void advance_replicate(ReplicateRun& run, int until) {
  Economy& e = run.economy;
  const ModelConfig& first = *e.configs.front();
  const std::uint64_t replicate = e.regions[0].key.replicate;
  // Only the panel reads a year's exits, and it records the first region alone.
  for (std::size_t k = 0; k < e.regions.size(); ++k)
    e.regions[k].keep_exits = run.record_panel && k == 0;
  for (; run.next_year < until; ++run.next_year) {
    for (int s = 0; s < first.time.steps_per_year; ++s) {
      for (std::size_t k = 0; k < e.regions.size(); ++k)
        run.results[k].firm_steps += static_cast<double>(e.regions[k].firms.size());
      step_economy(e);
    }
    for (std::size_t k = 0; k < e.regions.size(); ++k)
      record(e.regions[k], run.results[k], run.next_year, false);
    if (run.record_panel) run.panel.record(e.regions[0], first, replicate);
  }
}

std::vector<ReplicateResult> run_regions(const std::vector<const ModelConfig*>& configs,
                                         std::uint64_t seed, std::uint64_t replicate,
                                         PanelTable* panel) {
  ReplicateRun run = start_replicate(configs, seed, replicate, panel != nullptr);
  advance_replicate(run, year_count(*configs.front()));
  if (panel) *panel = std::move(run.panel);
  return std::move(run.results);
}

ReplicateResult run_replicate(const ModelConfig& m, RunKey key, PanelTable* panel) {
  return std::move(run_regions({&m}, key.seed, key.replicate, panel).front());
}

}  // namespace innosim
