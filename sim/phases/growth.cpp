#include "phases/growth.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void growth(World& w, const ModelConfig& m) {
  const double dt = step_years(m);
  const double shock_scale = m.firm.growth_shock_scale * std::sqrt(dt);
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    Stream s = firm_stream(w, i, Purpose::kGrowth);
    const double drift = m.firm.growth_drift + m.firm.productivity_response * (f.productivity[i] - w.mean_productivity);
    f.revenue[i] *= std::exp(drift * dt + s.laplace(shock_scale));
    f.revenue_year[i] += f.revenue[i] * dt;
    if (f.has(i, kRdActive)) f.rd_year[i] += f.intensity[i] * f.revenue[i] * dt;
  });
}

}  // namespace innosim
