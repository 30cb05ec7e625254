#include "phases/exit.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

double exit_hazard(const World& w, const ModelConfig& m, std::size_t i) {
  const FirmParams& p = m.firm;
  const FirmTable& f = w.firms;
  const double age = age_years(w, m, i);
  double h = p.exit_hazard * (1.0 + p.exit_young_excess * std::exp(-age / p.exit_age_scale)) *
             std::pow(f.revenue[i] / p.exit_reference_revenue, -p.exit_size_elasticity);
  if (f.profit_last[i] < 0) h *= p.exit_loss_multiplier;
  if (f.cash[i] < 0) h *= p.exit_illiquid_multiplier;
  if (f.carrier[i] != 0)
    if (const Carrier* c = w.eco.carriers.find(f.carrier[i]))
      h *= 1.0 - m.carriers.hazard_reduction * c->quality;
  if (f.has(i, kVcBacked)) h *= 1.0 - m.finance.hazard_reduction;
  return h;
}

void exit_firms(World& w, const ModelConfig& m) {
  const double dt = step_years(m);
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    Stream s = firm_stream(w, i, Purpose::kExit);
    if (s.uniform() < 1.0 - std::exp(-exit_hazard(w, m, i) * dt)) f.set(i, kDead, true);
  });
  // Exited firms stay in the table, flagged, until the year closes: the dead rows are the
  // year's exits.
  double exits = 0;
  for (std::size_t i = 0; i < f.size(); ++i) exits += f.has(i, kDead) ? 1 : 0;
  w.totals.exits = exits;
}

}  // namespace innosim
