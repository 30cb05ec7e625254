// The sensitivity indices of a finished sweep, for every scenario, year and indicator, from
// the mean over replicates at each point: Sobol' indices on a Saltelli design, Morris
// statistics on a Morris design, nothing on the other samplers. An output that is not finite
// at some point (a flow in the base year) gives NaN indices.
#pragma once
#include <vector>

#include "sweep/sweep_run.h"

namespace innosim::sweep {

struct SweepIndices {
  bool sobol = false, morris = false;
  // Each [scenario][time][indicator][factor].
  std::vector<double> first, first_low, first_high, total, total_low, total_high;
  std::vector<double> mu, mu_star, sigma;
};

SweepIndices sweep_indices(const SweepPlan& plan, const SweepResult& result);

}  // namespace innosim::sweep
