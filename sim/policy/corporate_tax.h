// The one corporate income tax computation (DOMAIN 2.2), used by the accounts, the R&D
// decision's user cost and the bunching gain alike. Taxable income = pre-tax profit (lever
// income included) - super-deduction x reported R&D - losses carried forward; tax = rate x
// max(0, taxable), the rate `tax.hnte_rate` for a certified firm. A loss is carried forward;
// each year a share of the stock expires (`tax.loss_expiry_rate`, 1/5 for the five-year limit
// of the Enterprise Income Tax Law, Art. 18; `tax.loss_expiry_rate_certified` for hnte and tech
// SMEs from `tax.loss_rule_year`, the ten-year limit of 财税〔2018〕76号).
#pragma once
#include <algorithm>

#include "config/model_config.h"

namespace innosim {

struct TaxPosition {
  bool hnte = false;
  bool tech_sme = false;
  double carried = 0;  // losses carried into the year, CNY
};

struct TaxBill {
  double tax = 0;      // CNY
  double carried = 0;  // losses carried into the next year, CNY
};

inline double tax_rate(const TaxConfig& tax, bool hnte) {
  return hnte ? tax.hnte_rate : tax.corporate_rate;
}

inline double taxable_income(const TaxConfig& tax, int year, const TaxPosition& firm, double profit,
                             double reported_rd) {
  return profit - tax.super_deduction(year, firm.tech_sme) * reported_rd - firm.carried;
}

inline TaxBill corporate_tax(const TaxConfig& tax, int year, const TaxPosition& firm, double profit,
                             double reported_rd) {
  const double taxable = taxable_income(tax, year, firm, profit, reported_rd);
  const bool certified = firm.hnte || firm.tech_sme;
  const double expiry = certified && year >= tax.loss_rule_year ? tax.loss_expiry_rate_certified
                                                                : tax.loss_expiry_rate;
  return {tax_rate(tax, firm.hnte) * std::max(0.0, taxable),
          std::max(0.0, -taxable) * (1.0 - expiry)};
}

// The firm's marginal tax rate on a yuan of profit: its statutory rate while it expects
// taxable income, 0 while losses (its own or carried) absorb it.
inline double marginal_tax_rate(const TaxConfig& tax, int year, const TaxPosition& firm,
                                double profit, double reported_rd) {
  return taxable_income(tax, year, firm, profit, reported_rd) > 0 ? tax_rate(tax, firm.hnte) : 0.0;
}

}  // namespace innosim
