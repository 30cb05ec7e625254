#include "phases/exit.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

void exit_firms(World& w, const ModelConfig& m) {
  const double dt = step_years(m);
  const FirmParams& p = m.firm;
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    const double age = (w.step - f.birth_step[i]) * dt;
    const double hazard = p.exit_hazard * (1.0 + p.exit_young_excess * std::exp(-age / p.exit_age_scale)) *
                          std::pow(f.revenue[i] / p.exit_reference_revenue, -p.exit_size_elasticity);
    Stream s = firm_stream(w, i, Purpose::kExit);
    if (s.uniform() < 1.0 - std::exp(-hazard * dt)) f.set(i, kDead, true);
  });
  double exits = 0;
  for (std::size_t i = 0; i < f.size(); ++i) exits += f.has(i, kDead) ? 1 : 0;
  w.exits += exits;
}

}  // namespace innosim
