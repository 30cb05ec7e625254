#include "phases/growth.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void growth(FirmTable& f, const CarrierTable& carriers, const Macro& macro, Now at,
            const ModelConfig& m) {
  const double dt = step_years(m);
  const double shock_scale = m.firm.growth_shock_scale;
  const float keep = static_cast<float>(std::exp(-m.innovation.knowledge_depreciation * dt));
  const auto year_start = static_cast<std::uint32_t>(at.clock.step - at.clock.substep);
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    // One Laplace shock a year, spread evenly over its steps: yearly growth rates are
    // Laplace (Bottazzi & Secchi 2006), whatever the step length. The stream is keyed by the
    // year's first step, so every step of the year redraws the same shock.
    Stream s(at.key.seed, at.key.stream(), f.stream_key[i], year_start, Purpose::kGrowth);
    const std::size_t k = f.sector[i];
    double drift =
        m.region.sectors[k].growth_drift +
        m.firm.productivity_response * (f.productivity[i] - macro.sector_productivity[k]);
    if (f.carrier[i] != 0)
      if (const Carrier* c = carriers.find(f.carrier[i]))
        drift += m.carriers.growth_bonus * c->quality;
    f.revenue[i] *= std::exp((drift + s.laplace(shock_scale)) * dt);
    f.revenue_year[i] += f.revenue[i] * dt;
    const double real = rd_of_step(f, i, dt);
    f.rd_real_year[i] += real;
    f.rd_year[i] += real + (f.has(i, kRdActive) ? f.relabel[i] * f.revenue[i] * dt : 0.0);
    f.knowledge[i] = f.knowledge[i] * keep + static_cast<float>(real);
  });
}

}  // namespace innosim
