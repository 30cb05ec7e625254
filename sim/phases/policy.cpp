#include "phases/policy.h"

#include <algorithm>

#include "phases/phase_context.h"
#include "policy/rationing.h"
#include "policy/user_cost.h"

namespace innosim {
namespace {

void pay_post_subsidy_claims(World& w, const RdPostSubsidy& lever) {
  std::vector<double> claims, priority;
  for (const Claim& c : w.pending_post_subsidy) {
    const std::int64_t row = w.firms.find(c.firm_id);
    if (row < 0 || w.firms.has(row, kDead)) continue;  // firms that exited are not paid
    Stream s(w.key.seed, w.key.replicate, c.firm_id, static_cast<std::uint32_t>(w.step), Purpose::kRationing);
    claims.push_back(c.amount);
    // first_come: arrival order is random; ranked: merit is last year's R&D intensity.
    priority.push_back(lever.common.rationing == "first_come"
                           ? s.uniform()
                           : w.firms.rd_hist[0][row] / std::max(1.0f, w.firms.revenue_hist[0][row]));
  }
  w.pending_post_subsidy.clear();
  const auto paid = ration(claims, priority, lever.common.budget, lever.common.rationing);
  double total = 0;
  for (double p : paid) total += p;
  w.ledger.book(kLeverRdPostSubsidy, total, lever.common);
}

void take_post_subsidy_claims(World& w, const RdPostSubsidy& lever) {
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead) || expected_subsidy_rate(lever, f, i, w.year) == 0.0) continue;
    const double base = lever.base == "total" ? f.rd_year[i] : std::max(0.0, f.rd_year[i] - f.rd_hist[0][i]);
    const double claim = std::min(lever.rate * base, lever.cap_per_firm);
    if (claim > 0) w.pending_post_subsidy.push_back({f.id[i], claim});
  }
}

double tax_expenditure(const World& w, const ModelConfig& m) {
  const FirmTable& f = w.firms;
  double forgone = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    // Profit after R&D is expensed; losses bring no tax and so no tax benefit.
    const double profit = m.firm.profit_margin * f.revenue_year[i] - f.rd_year[i];
    const double s = m.tax.super_deduction(w.year, f.has(i, kTechSme));
    const double standard = m.tax.corporate_rate * std::max(0.0, profit);
    const double actual = tax_rate(m.tax, f.has(i, kHnte)) * std::max(0.0, profit - s * f.rd_year[i]);
    forgone += standard - actual;
  }
  return forgone;
}

}  // namespace

void policy(World& w, const ModelConfig& m) {
  const RdPostSubsidy& lever = m.levers.rd_post_subsidy;
  if (!w.pending_post_subsidy.empty()) pay_post_subsidy_claims(w, lever);
  if (lever.common.active(w.year)) take_post_subsidy_claims(w, lever);
  w.tax_expenditure = tax_expenditure(w, m);
}

}  // namespace innosim
