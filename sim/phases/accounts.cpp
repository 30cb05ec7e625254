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
    // Lever cash received this year is income (its cash is already in f.cash).
    const double profit = f.margin[i] * f.revenue_year[i] - f.rd_real_year[i] + f.subsidy_year[i];
    const TaxPosition position = tax_position(f, i);
    const TaxBill bill = corporate_tax(m.tax, year, position, profit, f.rd_year[i]);
    // Against the standard rate with R&D an ordinary cost, on the same carried losses.
    forgone += m.tax.corporate_rate * std::max(0.0, profit - position.carried) - bill.tax;
    f.profit_last[i] = static_cast<float>(profit);
    f.loss_carried[i] = static_cast<float>(bill.carried);
    const double cash = f.cash[i] + profit - f.subsidy_year[i] - bill.tax;
    f.cash[i] = static_cast<float>(std::min(cash, m.firm.cash_cap_ratio * f.revenue_year[i]));
  }
  return forgone;
}

}  // namespace

void accounts(FirmTable& firms, YearTotals& totals, const Clock& clock, const ModelConfig& m) {
  totals.tax_expenditure = close_accounts(firms, clock.year, m);
}

}  // namespace innosim
