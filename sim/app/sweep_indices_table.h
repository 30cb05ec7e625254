// The table `sweep` and `merge` print at the end: each factor's Sobol' indices with their
// intervals, or its Morris statistics, for the design's report indicators and year.
#pragma once
#include "sweep/sweep_indices.h"

namespace innosim {

void print_sweep_indices(const sweep::SweepPlan& plan, const sweep::SweepResult& r,
                         const sweep::SweepIndices& x);

}  // namespace innosim
