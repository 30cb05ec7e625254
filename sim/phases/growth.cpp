#include "phases/growth.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void growth(World& w, const ModelConfig& m) {
  const double dt = step_years(m);
  const double shock_scale = m.firm.growth_shock_scale * std::sqrt(dt);
  const float keep = static_cast<float>(std::exp(-m.innovation.knowledge_depreciation * dt));
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    Stream s = firm_stream(w, i, Purpose::kGrowth);
    const std::size_t k = f.sector[i];
    const double drift = m.region.sectors[k].growth_drift +
                         m.firm.productivity_response * (f.productivity[i] - w.sector_productivity[k]);
    f.revenue[i] *= std::exp(drift * dt + s.laplace(shock_scale));
    f.revenue_year[i] += f.revenue[i] * dt;
    const double real = rd_of_step(f, i, dt);
    f.rd_real_year[i] += real;
    f.rd_year[i] += real + (f.has(i, kRdActive) ? f.relabel[i] * f.revenue[i] * dt : 0.0);
    f.knowledge[i] = f.knowledge[i] * keep + static_cast<float>(real);
  });
}

}  // namespace innosim
