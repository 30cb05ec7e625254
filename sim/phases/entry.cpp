#include "phases/entry.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void draw_firm_traits(FirmTable& f, std::size_t row, Stream& s, const ModelConfig& m) {
  f.set(row, kIndustrial, s.bernoulli(m.firm.industrial_share));
  const bool high_tech = s.bernoulli(m.firm.high_tech_share);
  f.set(row, kHighTech, high_tech);
  // High-tech firms earn most of their revenue from high-tech products, others little.
  const double u = s.uniform();
  f.high_tech_revenue_share[row] = static_cast<float>(high_tech ? 0.5 + 0.5 * u : 0.5 * u);
  f.latent_intensity[row] = static_cast<float>(
      std::min(m.rd.max_intensity, s.lognormal(std::log(m.rd.latent_intensity_median), m.rd.latent_intensity_sigma)));
}

void entry(World& w, const ModelConfig& m) {
  Stream region = region_stream(w, Purpose::kEntry);
  const auto n = region.poisson(m.firm.entry_rate * static_cast<double>(w.firms.size()) * step_years(m));
  for (std::uint64_t k = 0; k < n; ++k) {
    const std::size_t row = w.firms.add(w.next_firm_id++);
    Stream s = firm_stream(w, row, Purpose::kEntry);
    draw_firm_traits(w.firms, row, s, m);
    w.firms.revenue[row] = s.lognormal(std::log(m.firm.entrant_revenue_median), m.firm.entrant_revenue_sigma);
    w.firms.productivity[row] = static_cast<float>(w.mean_productivity + 0.1 * s.normal());
    w.firms.birth_step[row] = w.step;
    const bool active = s.bernoulli(m.rd.start_rate);
    w.firms.set(row, kRdActive, active);
    w.firms.intensity[row] = active ? w.firms.latent_intensity[row] : 0.0f;
  }
  w.entries += static_cast<double>(n);
}

}  // namespace innosim
