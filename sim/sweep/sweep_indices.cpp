#include "sweep/sweep_indices.h"

#include <tbb/parallel_for.h>

#include <cmath>

#include "observe/indicator_catalog.h"
#include "sweep/sensitivity.h"

namespace innosim::sweep {

SweepIndices sweep_indices(const SweepPlan& plan, const SweepResult& result) {
  SweepIndices out;
  const Sampler sampler = plan.design.sampler;
  out.sobol = sampler == Sampler::kSaltelli;
  out.morris = sampler == Sampler::kMorris;
  if (!out.sobol && !out.morris) return out;
  const std::size_t P = plan.unit.size(), S = plan.scenario_files.size(),
                    R = static_cast<std::size_t>(plan.design.replicates), T = result.years.size(),
                    I = kIndicatorCount, K = plan.design.factors.size();
  const std::size_t cells = S * T * I;
  const double nan = std::nan("");
  if (out.sobol)
    for (auto* v :
         {&out.first, &out.first_low, &out.first_high, &out.total, &out.total_low, &out.total_high})
      v->assign(cells * K, nan);
  else
    for (auto* v : {&out.mu, &out.mu_star, &out.sigma}) v->assign(cells * K, nan);
  tbb::parallel_for(std::size_t{0}, cells, [&](std::size_t cell) {
    const std::size_t s = cell / (T * I), t = cell / I % T, i = cell % I;
    std::vector<double> y(P);
    bool finite = true;
    for (std::size_t p = 0; p < P; ++p) {
      double sum = 0;
      for (std::size_t r = 0; r < R; ++r)
        sum += result.trajectories[((((p * S + s) * R + r) * T + t) * I) + i];
      y[p] = sum / static_cast<double>(R);
      finite = finite && std::isfinite(y[p]);
    }
    if (!finite) return;
    const std::size_t at = cell * K;
    if (out.sobol) {
      // One bootstrap stream per cell: the intervals do not depend on the thread count.
      const SobolIndices x = sobol_indices(y, K, plan.design.resamples, plan.design.confidence,
                                           plan.design.seed ^ (cell + 1));
      for (std::size_t f = 0; f < K; ++f) {
        out.first[at + f] = x.first[f].estimate;
        out.first_low[at + f] = x.first[f].low;
        out.first_high[at + f] = x.first[f].high;
        out.total[at + f] = x.total[f].estimate;
        out.total_low[at + f] = x.total[f].low;
        out.total_high[at + f] = x.total[f].high;
      }
    } else {
      const MorrisIndices x = morris_indices(plan.unit, y, K);
      for (std::size_t f = 0; f < K; ++f) {
        out.mu[at + f] = x.mu[f];
        out.mu_star[at + f] = x.mu_star[f];
        out.sigma[at + f] = x.sigma[f];
      }
    }
  });
  return out;
}

}  // namespace innosim::sweep
