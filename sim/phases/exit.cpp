#include "phases/exit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

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

namespace {

// An upper bound on a firm's yearly hazard that costs no transcendental function: age's
// factor at most 1 + young_excess, the size factor (r / r_ref)^-e at most its value at the
// nearest power of two on the far side of r (tabulated by binary exponent), and the carrier
// and venture factors at most 1. Only a firm whose draw falls under the bound's exit
// probability (1 - exp(-x) <= x) has its exact hazard computed, so the outcomes are the
// exact rule's, bit for bit (performance only).
class HazardBound {
 public:
  explicit HazardBound(const ModelConfig& m) : p_(m.firm) {
    const double e = p_.exit_size_elasticity;
    for (int k = kMinExponent; k <= kMaxExponent; ++k)
      // r / r_ref = mantissa * 2^k with mantissa in [0.5, 1).
      size_[k - kMinExponent] = e >= 0 ? std::exp2(-(k - 1) * e) : std::exp2(-k * e);
    base_ = p_.exit_hazard * (1.0 + std::max(0.0, p_.exit_young_excess)) *
            std::max(1.0, 1.0 - m.carriers.hazard_reduction) *
            std::max(1.0, 1.0 - m.finance.hazard_reduction);
  }
  // Bound on the step's exit probability of firm `i`, or +inf where none is at hand.
  double probability(const FirmTable& f, std::size_t i, double dt) const {
    const double x = f.revenue[i] / p_.exit_reference_revenue;
    if (!(x > 0) || !std::isfinite(x)) return kNone;
    int k = 0;
    std::frexp(x, &k);
    if (k < kMinExponent || k > kMaxExponent) return kNone;
    double h = base_ * size_[k - kMinExponent];
    if (f.profit_last[i] < 0) h *= std::max(1.0, p_.exit_loss_multiplier);
    if (f.cash[i] < 0) h *= std::max(1.0, p_.exit_illiquid_multiplier);
    return h * dt * (1.0 + kRelativeMargin) + kAbsoluteMargin;
  }

 private:
  static constexpr int kMinExponent = -1100, kMaxExponent = 1100;
  // Margins for the rounding of pow, exp and the products in the exact rule.
  static constexpr double kRelativeMargin = 1e-9, kAbsoluteMargin = 1e-12;
  static constexpr double kNone = std::numeric_limits<double>::infinity();
  const FirmParams& p_;
  std::array<double, kMaxExponent - kMinExponent + 1> size_{};
  double base_ = 0;
};

}  // namespace

void exit_firms(FirmTable& f, const CarrierTable& carriers, YearTotals& totals, Now at,
                const ModelConfig& m) {
  const double dt = step_years(m);
  const HazardBound bound(m);
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    Stream s = firm_stream(at, f, i, Purpose::kExit);
    const double u = s.uniform();
    if (u >= bound.probability(f, i, dt)) return;
    if (u < 1.0 - std::exp(-exit_hazard(f, carriers, at.clock, m, i) * dt)) f.set(i, kDead, true);
  });
  // Exited firms stay in the table, flagged, until the year closes: the dead rows are the
  // year's exits.
  double exits = 0;
  for (std::size_t i = 0; i < f.size(); ++i) exits += f.has(i, kDead) ? 1 : 0;
  totals.exits = exits;
}

}  // namespace innosim
