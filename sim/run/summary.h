// Summaries over replicates: mean and quantiles per (scenario, time, indicator), and the
// probability that each of the region's targets is met.
#pragma once
#include <array>
#include <vector>

#include "config/model_config.h"
#include "run/ensemble.h"

namespace innosim {

inline constexpr std::array<double, 5> kQuantiles = {0.05, 0.25, 0.50, 0.75, 0.95};

struct Summary {
  std::vector<double> mean;       // [scenario][time][indicator]
  std::vector<double> quantiles;  // [scenario][time][indicator][quantile]
  // Paired effect of each scenario against the first (replicate r minus replicate r of
  // scenario 0, same random streams): quantiles [scenario][time][indicator][quantile].
  std::vector<double> effects;
  std::vector<Target> targets;
  std::vector<double> target_probability;  // [scenario][target]; NaN if the year is not simulated
};

// Quantile q of `values` by linear interpolation between order statistics (Hyndman-Fan
// type 7, the default of R and NumPy); NaNs are ignored; NaN if none is left.
double quantile(std::vector<double> values, double q);

// All of kQuantiles at once, sorting `values` (taken by value) a single time.
std::array<double, kQuantiles.size()> quantiles(std::vector<double> values);

// Whether one trajectory (values by year from `base_year`) meets the target. Growth targets
// run from the base year, or for a flow from the first year it is defined.
bool target_met(const Target& t, const std::vector<double>& by_year, int base_year);

Summary summarise(const EnsembleResult& r, const std::vector<Target>& targets);

// The targets a run judges every scenario against: each scenario's region targets, then the
// ones it adds ([[scenario.targets]]), in the scenarios' order, each once.
std::vector<Target> run_targets(const std::vector<LoadedConfig>& scenarios);

}  // namespace innosim
