#include "phases/exit.h"

#include <cmath>

#include "phases/phase_context.h"

namespace innosim {

double exit_hazard(const FirmTable& f, const CarrierTable& carriers, const Clock& clock,
                   const ModelConfig& m, std::size_t i) {
  const FirmParams& p = m.firm;
  const double age = age_years(clock, f, m, i);
  double h = p.exit_hazard * (1.0 + p.exit_young_excess * std::exp(-age / p.exit_age_scale)) *
             std::pow(f.revenue[i] / p.exit_reference_revenue, -p.exit_size_elasticity);
  if (f.profit_last[i] < 0) h *= p.exit_loss_multiplier;
  if (f.cash[i] < 0) h *= p.exit_illiquid_multiplier;
  if (f.carrier[i] != 0)
    if (const Carrier* c = carriers.find(f.carrier[i]))
      h *= 1.0 - m.carriers.hazard_reduction * c->quality;
  if (f.has(i, kVcBacked)) h *= 1.0 - m.finance.hazard_reduction;
  return h;
}

void exit_firms(FirmTable& f, const CarrierTable& carriers, YearTotals& totals, Now at,
                const ModelConfig& m) {
  const double dt = step_years(m);
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    Stream s = firm_stream(at, f, i, Purpose::kExit);
    if (s.uniform() < 1.0 - std::exp(-exit_hazard(f, carriers, at.clock, m, i) * dt))
      f.set(i, kDead, true);
  });
  // Exited firms stay in the table, flagged, until the year closes: the dead rows are the
  // year's exits.
  double exits = 0;
  for (std::size_t i = 0; i < f.size(); ++i) exits += f.has(i, kDead) ? 1 : 0;
  totals.exits = exits;
}

}  // namespace innosim
