#include "app/sweep_indices_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "core/errors.h"
#include "observe/indicator_catalog.h"

namespace innosim {

void print_sweep_indices(const sweep::SweepPlan& plan, const sweep::SweepResult& r,
                         const sweep::SweepIndices& x) {
  const sweep::SweepDesign& d = plan.design;
  std::vector<std::string> names = d.report_indicators;
  if (names.empty()) names = {"rd_intensity", "hntes"};
  const int year = d.report_year ? d.report_year : r.years.back();
  const auto t_at = std::find(r.years.begin(), r.years.end(), year);
  if (t_at == r.years.end())
    throw ConfigError(d.file, 0, "sweep.report_year", "not a simulated year");
  const std::size_t T = r.years.size(), I = kIndicatorCount, K = d.factors.size(),
                    t = static_cast<std::size_t>(t_at - r.years.begin());
  for (std::size_t s = 0; s < r.scenario_names.size(); ++s)
    for (const auto& name : names) {
      const int i = find_indicator(name);
      if (i < 0) throw ConfigError(d.file, 0, "sweep.report_indicators", "unknown " + name);
      std::cout << fmt::format("\n{} in {}, scenario {}:\n", name, year, r.scenario_names[s]);
      const std::size_t at = ((s * T + t) * I + static_cast<std::size_t>(i)) * K;
      if (x.sobol) {
        std::cout << fmt::format("  {:<44} {:>26} {:>26}\n", "factor", "first order [95%]",
                                 "total [95%]");
        for (std::size_t f = 0; f < K; ++f)
          std::cout << fmt::format(
              "  {:<44} {:>7.3f} [{:>6.3f}, {:>6.3f}] {:>7.3f} [{:>6.3f}, "
              "{:>6.3f}]\n",
              d.factors[f].key, x.first[at + f], x.first_low[at + f], x.first_high[at + f],
              x.total[at + f], x.total_low[at + f], x.total_high[at + f]);
      } else {
        std::cout << fmt::format("  {:<44} {:>12} {:>12} {:>12}\n", "factor", "mu*", "mu", "sigma");
        for (std::size_t f = 0; f < K; ++f)
          std::cout << fmt::format("  {:<44} {:>12.4g} {:>12.4g} {:>12.4g}\n", d.factors[f].key,
                                   x.mu_star[at + f], x.mu[at + f], x.sigma[at + f]);
      }
    }
}

}  // namespace innosim
