#include "phases/rd_decision.h"

#include <algorithm>
#include <cmath>

#include "phases/employment.h"
#include "phases/high_tech_share.h"
#include "phases/phase_context.h"
#include "phases/rd_participation.h"
#include "policy/levers/status_awards.h"
#include "policy/user_cost.h"

namespace innosim {

// A user cost near or below zero would make the power law explode; below 5% of a yuan
// the model treats R&D as capped by max_intensity anyway.
constexpr double kMinUserCost = 0.05;
// |theta| below this is the log case (elasticity -1) of the benefit function.
constexpr double kLogCase = 1e-9;

double optimum_departure_cost(double optimum, double chosen, double u, double elasticity) {
  if (optimum <= 0) return u * chosen;  // no R&D optimum to depart from: the full cost
  // Per yuan of revenue the firm maximises B(r) - u r with B'(r) = u (r* / r)^(-1/elasticity),
  // which gives the constant elasticity; the loss is the integral of u - B'(r) over [r*, r].
  const double theta = 1.0 + 1.0 / elasticity;  // B(r) ~ r^theta / theta (log r when theta = 0)
  const double benefit_gain = std::fabs(theta) < kLogCase
                                  ? u * optimum * std::log(chosen / optimum)
                                  : u * std::pow(optimum, 1.0 - theta) *
                                        (std::pow(chosen, theta) - std::pow(optimum, theta)) /
                                        theta;
  return std::max(0.0, u * (chosen - optimum) - benefit_gain);
}

double user_cost_factor(const FirmTable& f, const FiscalState& fiscal, const ModelConfig& m,
                        std::size_t i, int year) {
  const double u =
      std::max(kMinUserCost, user_cost(m, f, i, year, fiscal.payout_ratio[kLeverRdPostSubsidy]));
  return std::pow(u / reference_user_cost(m), m.rd.price_elasticity);
}

double plain_user_cost_factor(const ModelConfig& m, int year) {
  const double u = std::max(
      kMinUserCost, 1.0 - m.tax.corporate_rate * (1.0 + m.tax.super_deduction(year, false)));
  return std::pow(u / reference_user_cost(m), m.rd.price_elasticity);
}

double desired_intensity(const FirmTable& f, const FiscalState& fiscal, const ModelConfig& m,
                         std::size_t i, int year) {
  return std::min(f.latent_intensity[i] * user_cost_factor(f, fiscal, m, i, year),
                  m.rd.max_intensity);
}

RdChoice bunching_choice(const FirmTable& f, int next_year, const ModelConfig& m, std::size_t i,
                         double intensity, double funds) {
  const RdChoice stay{intensity, 0.0};
  const bool needs_certificate = !f.has(i, kHnte) || f.hnte_expiry[i] <= next_year;
  if (!needs_certificate || high_tech_share(f, i, m.firm) < m.hnte.high_tech_revenue_min ||
      f.patents[i] < 1)
    return stay;
  const double revenue = f.revenue[i];
  const double margin = 1.0 + m.rd.bunching_margin;
  // The band is set by next year's revenue in current CNY.
  const double target =
      m.hnte.threshold(revenue * m.prices.level(next_year, m.region.base_year), next_year) * margin;
  if (intensity >= target) return stay;
  const double staff_intensity =
      m.hnte.rd_staff_share_min * m.rd.cost_per_rd_worker /
      (revenue_per_employee(m.firm, revenue) * m.rd.st_staff_per_rd_staff) * margin;
  const double gap = target - intensity;
  const double real = std::max(intensity + (1.0 - m.rd.relabel_gap_share) * gap, staff_intensity);
  const double relabel = std::max(0.0, target - real);
  if (real * revenue > funds) return stay;
  // Gain: next year's tax without and with the certificate, by the accounts' own computation
  // (super-deduction and carried losses included), and the first-certification award.
  const double profit = (f.margin[i] - real) * revenue, reported = (real + relabel) * revenue;
  TaxPosition without = tax_position(f, i), with = without;
  without.hnte = false;
  with.hnte = true;
  double gain = corporate_tax(m.tax, next_year, without, profit, reported).tax -
                corporate_tax(m.tax, next_year, with, profit, reported).tax;
  gain += expected_hnte_award(m, f, i, next_year);
  // Cost: the firm's loss from moving its real R&D off its optimum, and the relabelling cost.
  const double s = m.tax.super_deduction(next_year, f.has(i, kTechSme));
  const double u = std::max(
      kMinUserCost, 1.0 - marginal_tax_rate(m.tax, next_year, with, profit, reported) * (1.0 + s));
  const double cost = optimum_departure_cost(intensity, real, u, m.rd.price_elasticity) * revenue +
                      relabel * revenue * m.rd.relabel_cost;
  return m.hnte.certify_prob(f.has(i, kHnte)) * gain > cost ? RdChoice{real, relabel} : stay;
}

void rd_decision(FirmTable& f, const FiscalState& fiscal, Now at, const ModelConfig& m) {
  const int next_year = at.clock.year + 1;
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    Stream s = firm_stream(at, f, i, Purpose::kRdDecision);
    const double u = s.uniform();
    const bool committed = f.has(i, kHnte) || f.has(i, kTechSme) || f.grant_rd[i] > 0;
    const bool was_active = f.has(i, kRdActive);
    const bool active = was_active ? (committed || u >= rd_stop_rate(m.rd, f.revenue[i]))
                                   : u < rd_start_rate(m.rd, f.revenue[i]);
    f.set(i, kRdActive, active);
    f.relabel[i] = 0;
    if (!active) {
      f.intensity[i] = 0;
      return;
    }
    const double target = desired_intensity(f, fiscal, m, i, next_year);
    // A starter sets up its programme at the desired intensity; performers adjust part-way.
    double intensity =
        was_active ? f.intensity[i] + m.rd.adjustment_speed * (target - f.intensity[i]) : target;
    const double funds = std::max(0.0f, f.cash[i]) + std::max(0.0f, f.margin[i]) * f.revenue[i];
    intensity = std::max(0.0, std::min(intensity, funds / std::max(1.0, f.revenue[i])));
    const RdChoice choice = bunching_choice(f, next_year, m, i, intensity, funds);
    f.intensity[i] = static_cast<float>(choice.real);
    f.relabel[i] = static_cast<float>(choice.relabel);
  });
}

}  // namespace innosim
