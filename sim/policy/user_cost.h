// The user cost of one yuan of R&D to a firm (DOMAIN 2.2): 1 - tau (1 + s) - subsidy, where
// tau is the firm's marginal tax rate (policy/corporate_tax.h: its statutory rate, the hnte
// rate if certified, while it has taxable income at its current R&D; 0 while losses absorb
// the deduction), s the super-deduction in force for its type, and subsidy the post-subsidy
// rate it expects to receive, of which firms treat `rd.subsidy_price_share` as a cut in the
// price of R&D (the rest is a windfall: Boeing & Peters 2022 find 53% of Chinese R&D subsidy
// value misappropriated).
#pragma once
#include "agents/firm_table.h"
#include "config/model_config.h"
#include "policy/corporate_tax.h"
#include "policy/levers/rd_subsidies.h"

namespace innosim {

inline TaxPosition tax_position(const FirmTable& f, std::size_t i) {
  return {f.has(i, kHnte), f.has(i, kTechSme), f.loss_carried[i]};
}

// `payout`: the share of claims the post-subsidy paid last time (a binding budget is expected
// to bind again).
inline double user_cost(const ModelConfig& m, const FirmTable& f, std::size_t i, int year,
                        double payout = 1.0) {
  const double revenue = f.revenue[i];
  const double reported = (f.intensity[i] + f.relabel[i]) * revenue;
  const double subsidy =
      payout * expected_subsidy_rate(m.levers.rd_post_subsidy, f, i, year);  // per yuan of R&D
  // Profit as the accounts will see it, the expected subsidy income included.
  const double profit = (f.margin[i] - f.intensity[i]) * revenue + subsidy * reported;
  const double tau = marginal_tax_rate(m.tax, year, tax_position(f, i), profit, reported);
  const double s = m.tax.super_deduction(year, f.has(i, kTechSme));
  return 1.0 - tau * (1.0 + s) - m.rd.subsidy_price_share * subsidy;
}

// The user cost with no R&D policy at all: R&D is an ordinary deductible cost.
inline double reference_user_cost(const ModelConfig& m) { return 1.0 - m.tax.corporate_rate; }

}  // namespace innosim
