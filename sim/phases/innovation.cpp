#include "phases/innovation.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void innovation(World& w, const ModelConfig& m) {
  const double dt = step_years(m);
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    if (!f.has(i, kRdActive)) return;
    const double rd_millions = f.intensity[i] * f.revenue[i] * dt / 1e6;
    Stream s = firm_stream(w, i, Purpose::kInnovation);
    // Draws are taken in a fixed order whatever the outcome, so a change in the success
    // probability changes only this firm's outcome, never the alignment of later draws.
    const double u = s.uniform();
    const double gain = s.exponential(m.innovation.productivity_gain_mean);
    const auto patents = s.poisson(m.innovation.patents_per_success);
    if (u < 1.0 - std::exp(-m.innovation.success_per_million * rd_millions)) {
      f.productivity[i] += static_cast<float>(gain);
      f.patents[i] += static_cast<std::uint32_t>(patents);
    }
  });
}

}  // namespace innosim
