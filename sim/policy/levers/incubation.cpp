#include "policy/levers/incubation.h"

#include <algorithm>
#include <cmath>

#include "policy/claims.h"

namespace innosim {
namespace {

double occupancy(const Carrier& c) { return c.capacity > 0 ? c.tenants / c.capacity : 0.0; }

}  // namespace

void star_rating_claims(FiscalState& fiscal, const CarrierTable& carriers, int year,
                        const ModelConfig& m) {
  const CarrierAwards& lever = m.levers.carrier_awards;
  if (!lever.common.active(year) || lever.star_award <= 0) return;
  std::vector<const Carrier*> local;
  for (const auto& c : carriers.rows)
    if (!c.flying) local.push_back(&c);
  std::stable_sort(local.begin(), local.end(), [](const Carrier* a, const Carrier* b) {
    return occupancy(*a) > occupancy(*b);
  });
  const auto stars =
      static_cast<std::size_t>(std::floor(lever.star_share * static_cast<double>(local.size())));
  for (std::size_t k = 0; k < stars; ++k)
    carrier_award_claim(fiscal, year, *local[k], lever.star_award, occupancy(*local[k]));
}

double carrier_award(int year, const ModelConfig& m, CarrierKind kind, CarrierLevel level) {
  const CarrierAwards& lever = m.levers.carrier_awards;
  return lever.common.active(year) ? lever.award[kind][level] : 0.0;
}

double expected_carrier_payment(const FiscalState& fiscal, int year, const ModelConfig& m,
                                double amount) {
  return fiscal.expected(kLeverCarrierAwards, m.levers.carrier_awards.common, year, amount);
}

void carrier_award_claim(FiscalState& fiscal, int year, const Carrier& c, double amount,
                         double merit) {
  fiscal.file(kLeverCarrierAwards, {c.id, amount, merit, year + 1, Recipient::kCarrier});
}

double carrier_opening_support(const FiscalState& fiscal, int year, const ModelConfig& m,
                               CarrierKind kind) {
  const CarrierAwards& lever = m.levers.carrier_awards;
  return expected_carrier_payment(fiscal, year, m,
                                  lever.construction_subsidy * m.carriers.construction_cost[kind] +
                                      lever.award[kind][kProvincial]);
}

void construction_subsidy_claim(FiscalState& fiscal, int year, const ModelConfig& m,
                                const Carrier& c) {
  const CarrierAwards& lever = m.levers.carrier_awards;
  if (lever.common.active(year))
    carrier_award_claim(fiscal, year, c,
                        lever.construction_subsidy * m.carriers.construction_cost[c.kind],
                        c.quality);
}

}  // namespace innosim
