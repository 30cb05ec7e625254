#include "policy/levers/money.h"

#include <algorithm>
#include <vector>

#include "world.h"

namespace innosim {

VentureCapital venture_capital(const FiscalState& fiscal, int year, const ModelConfig& m) {
  VentureCapital vc;
  vc.total = m.region.ecosystem.vc_private;
  const GuidanceFund& g = m.levers.guidance_fund;
  if (g.common.active(year)) {
    vc.government = std::clamp(std::min(g.size / g.years, g.size - fiscal.guidance_committed), 0.0,
                               g.common.budget);
    vc.total += vc.government * (1.0 + g.leverage);
  }
  return vc;
}

Stage venture_stage(int year, const ModelConfig& m) {
  const GuidanceFund& g = m.levers.guidance_fund;
  return g.common.active(year) ? g.stage : Stage::kEarly;
}

void book_guidance_investment(FirmTable& f, FiscalState& fiscal, YearTotals& totals,
                              const ModelConfig& m, std::size_t row, double amount) {
  f.support_year[row] += static_cast<float>(amount);
  totals.ledger.book(kLeverGuidanceFund, amount, m.levers.guidance_fund.common);
  fiscal.guidance_committed += amount;
}

void new_tech_loans(FirmTable& f, int year, const ModelConfig& m) {
  const TechLoan& lever = m.levers.tech_loan;
  if (!lever.common.active(year)) return;
  std::vector<std::pair<double, std::size_t>> applicants;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (!f.has(i, kDead) && f.loan[i] == 0 && f.has(i, kRdActive) &&
        (f.has(i, kTechSme) || f.has(i, kHnte)) && f.revenue[i] > 0)
      applicants.emplace_back(-f.profit_last[i] / f.revenue[i], i);
  std::sort(applicants.begin(), applicants.end());
  double left = lever.volume;
  for (const auto& [neg_margin, i] : applicants) {
    const double loan =
        std::min({lever.cap_per_firm, m.finance.loan_revenue_share * f.revenue[i], left});
    if (loan <= 0) break;
    left -= loan;
    f.loan[i] = static_cast<float>(loan);
    f.cash[i] += static_cast<float>(loan);
  }
}

void settle_defaults(YearTotals& totals, const FirmTable& f, const ModelConfig& m) {
  const TechLoan& lever = m.levers.tech_loan;
  double claims = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.has(i, kDead) && f.loan[i] > 0) claims += lever.coverage * f.loan[i];
  if (!lever.common.enabled || claims <= 0) return;
  const double paid = std::min(claims, lever.common.budget);  // the pool's yearly budget
  totals.ledger.book(kLeverTechLoan, paid, lever.common);
  totals.receipts.banks += paid;
}

}  // namespace innosim
