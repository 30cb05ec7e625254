// Money paid by levers in the current year, by lever and by level of government.
#pragma once
#include <array>

#include "config/model_config.h"

namespace innosim {

enum Lever : int {
  kLeverRdPostSubsidy,
  kLeverHnteFirstAward,
  kLeverAboveScaleFirstAward,
  kLeverDemoEnterpriseAward,
  kLeverSmeProjectGrant,
  kLeverAttractionMultipliers,
  kLeverFiscalRdGrowth,
  kLeverCount
};
inline constexpr std::array<const char*, kLeverCount> kLeverNames = {
    "rd_post_subsidy", "hnte_first_award",       "above_scale_first_award", "demo_enterprise_award",
    "sme_project_grant", "attraction_multipliers", "fiscal_rd_growth"};

// The settings every lever shares, by lever id.
inline const LeverCommon& lever_settings(const Levers& l, Lever lever) {
  switch (lever) {
    case kLeverRdPostSubsidy: return l.rd_post_subsidy.common;
    case kLeverHnteFirstAward: return l.hnte_first_award.common;
    case kLeverAboveScaleFirstAward: return l.above_scale_first_award.common;
    case kLeverDemoEnterpriseAward: return l.demo_enterprise_award.common;
    case kLeverSmeProjectGrant: return l.sme_project_grant.common;
    case kLeverAttractionMultipliers: return l.attraction_multipliers.common;
    default: return l.fiscal_rd_growth.common;
  }
}

struct FiscalLedger {
  std::array<std::array<double, kGovLevels>, kLeverCount> cost{};  // by lever and level
  std::array<double, kLeverCount> paid{};  // by lever: exactly what was paid, never re-summed from the split

  // Books `amount` paid by `lever`, split between levels by the lever's cost shares.
  void book(Lever lever, double amount, const LeverCommon& settings) {
    paid[lever] += amount;
    for (int l = 0; l < kGovLevels; ++l) cost[lever][l] += amount * settings.cost_share[l];
  }
  double lever_total(Lever lever) const { return paid[lever]; }
  double total() const {
    double s = 0;
    for (int k = 0; k < kLeverCount; ++k) s += lever_total(static_cast<Lever>(k));
    return s;
  }
};

}  // namespace innosim
