#include "phases/innovation.h"

#include <cmath>

#include "phases/collaboration.h"
#include "phases/phase_context.h"
#include "policy/levers/networks.h"

namespace innosim {

double innovation_probability(const FirmTable& f, const Ecosystem& eco, const ModelConfig& m,
                              std::size_t i) {
  if (!f.has(i, kRdActive)) return 0.0;
  const InnovationParams& p = m.innovation;
  const double rd_m = rd_of_step(f, i, step_years(m)) / 1e6;
  double lambda =
      p.success_per_million * rd_m * (1.0 + p.knowledge_effect * std::log1p(f.knowledge[i] / 1e6)) +
      p.spillover_effect * std::log1p(network_spillover(f, eco, m, i));
  lambda *= 1.0 + m.talent.leading_effect * f.leading[i];
  lambda *= 1.0 + hub_rd_share(m, f, i);  // the hub's knowledge
  return 1.0 - std::exp(-lambda);
}

void innovation(FirmTable& f, const Ecosystem& eco, Now at, const ModelConfig& m) {
  const InnovationParams& p = m.innovation;
  for_each_row(f, [&](std::size_t i) {
    if (!f.has(i, kRdActive) || f.has(i, kDead)) return;
    Stream s = firm_stream(at, f, i, Purpose::kInnovation);
    // Draws are taken in a fixed order whatever the outcome, so a change in the success
    // probability changes only this firm's outcome, never the alignment of later draws.
    const double u = s.uniform();
    const double gain = s.exponential(p.productivity_gain_mean);
    const auto granted = s.poisson(p.applications_per_success * p.grant_rate);
    const auto refused = s.poisson(p.applications_per_success * (1.0 - p.grant_rate));
    if (u < innovation_probability(f, eco, m, i)) {
      f.productivity[i] += static_cast<float>(gain);
      f.patents[i] += static_cast<std::uint32_t>(granted);
      f.applications_year[i] += static_cast<std::uint32_t>(granted + refused);
      f.set(i, kInnovated, true);
    }
  });
}

}  // namespace innosim
