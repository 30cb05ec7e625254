// The user cost of one yuan of R&D to a firm (DOMAIN 2.2): 1 - tau (1 + s) - subsidy, where
// tau is the firm's corporate tax rate (hnte rate if certified), s the super-deduction in
// force for its type, and subsidy the post-subsidy rate it expects to receive.
#pragma once
#include "agents/firm_table.h"
#include "config/model_config.h"
#include "policy/levers/rd_subsidies.h"

namespace innosim {

inline double tax_rate(const TaxConfig& tax, bool hnte) {
  return hnte ? tax.hnte_rate : tax.corporate_rate;
}

// `payout`: the share of claims the post-subsidy paid last time (a binding budget is expected
// to bind again).
inline double user_cost(const ModelConfig& m, const FirmTable& f, std::size_t i, int year,
                        double payout = 1.0) {
  const double tau = tax_rate(m.tax, f.has(i, kHnte));
  const double s = m.tax.super_deduction(year, f.has(i, kTechSme));
  return 1.0 - tau * (1.0 + s) -
         payout * expected_subsidy_rate(m.levers.rd_post_subsidy, f, i, year);
}

// The user cost with no R&D policy at all: R&D is an ordinary deductible cost.
inline double reference_user_cost(const ModelConfig& m) { return 1.0 - m.tax.corporate_rate; }

}  // namespace innosim
