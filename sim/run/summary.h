// Summaries over replicates: mean and quantiles per (scenario, time, indicator), and the
// probability that each of the region's targets is met.
#pragma once
#include <array>
#include <vector>

#include "config/model_config.h"
#include "observe/indicator_catalog.h"
#include "run/ensemble.h"

namespace innosim {

inline constexpr std::array<double, 5> kQuantiles = {0.05, 0.25, 0.50, 0.75, 0.95};

// What the planner's cost-effectiveness ratios divide the extra outlay by: the effect at the
// last year on `indicator`, in units of `per` (1 hnte, 100M CNY, 0.1 percentage point).
struct CostMeasure {
  const char* name;
  int indicator;
  double per;
  const char* label;
};
inline constexpr std::array<CostMeasure, 3> kCostMeasures = {{
    {"per_extra_hnte", kHntes, 1.0, "CNY per extra hnte"},
    {"per_100m_business_rd", kBusinessRd, 1e8, "CNY per extra 100M CNY of business R&D"},
    {"per_0.1pp_rd_intensity", kRdIntensity, 0.1, "CNY per extra 0.1 pp of R&D intensity"},
}};

struct Summary {
  std::vector<double> mean;       // [scenario][time][indicator]
  std::vector<double> quantiles;  // [scenario][time][indicator][quantile]
  // The scenario effects are measured against: the one named "baseline" if the run has one,
  // else the first.
  std::size_t reference = 0;
  // Paired effect of each scenario against the reference (replicate r minus replicate r of the
  // reference, same random streams): quantiles [scenario][time][indicator][quantile].
  std::vector<double> effects;
  std::vector<Target> targets;
  std::vector<double> target_probability;  // [scenario][target]; NaN if the year is not simulated
  // Its binomial Monte Carlo standard error, sqrt(p (1 - p) / replicates).
  std::vector<double> target_probability_se;
  // Outlays summed over the simulated years, replicate by replicate, then quantiles:
  // [scenario][lever, then all levers][level, then all levels][quantile].
  std::vector<double> cumulative_cost;
  // Extra cumulative outlay (all levers and levels, against the reference) per unit of the
  // effect at the last year, replicate by replicate, then quantiles:
  // [scenario][kCostMeasures][quantile]. NaN for the reference; +inf in a replicate whose
  // effect is not positive (money spent for no gain).
  std::vector<double> cost_effectiveness;
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
