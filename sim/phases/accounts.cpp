#include "phases/accounts.h"

#include <algorithm>

#include "phases/phase_context.h"
#include "policy/user_cost.h"

namespace innosim {

namespace {

// Closes the year's accounts of every firm of `f`; returns the tax forgone.
double close_accounts(FirmTable& f, int year, const ModelConfig& m) {
  double forgone = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double profit = m.firm.profit_margin * f.revenue_year[i] - f.rd_real_year[i];
    const double s = m.tax.super_deduction(year, f.has(i, kTechSme));
    const double tax = tax_rate(m.tax, f.has(i, kHnte)) * std::max(0.0, profit - s * f.rd_year[i]);
    forgone += m.tax.corporate_rate * std::max(0.0, profit) - tax;
    f.profit_last[i] = static_cast<float>(profit);
    const double cash = f.cash[i] + profit - tax;
    f.cash[i] = static_cast<float>(std::min(cash, m.firm.cash_cap_ratio * f.revenue_year[i]));
  }
  return forgone;
}

}  // namespace

void accounts(FirmTable& firms, FirmTable& exited, YearTotals& totals, const Clock& clock,
              const ModelConfig& m) {
  // Firms that exited during the year also paid tax on their profit up to exit.
  totals.tax_expenditure =
      close_accounts(firms, clock.year, m) + close_accounts(exited, clock.year, m);
}

}  // namespace innosim
