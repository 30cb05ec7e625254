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
  kLeverConsortiumSupport,
  kLeverCarrierAwards,
  kLeverNewRdInstituteAward,
  kLeverTalentAllowance,
  kLeverLeadingTalentFunding,
  kLeverTechTransferSupport,
  kLeverPilotScaleupSupport,
  kLeverUniversityCooperationAward,
  kLeverInnovationVoucher,
  kLeverPlatformAwards,
  kLeverFlyingIncubator,
  kLeverFlyingRdCenter,
  kLeverGuidanceFund,
  kLeverTechLoan,
  kLeverCount
};
inline constexpr std::array<const char*, kLeverCount> kLeverNames = {
    "rd_post_subsidy",        "hnte_first_award",      "above_scale_first_award",
    "demo_enterprise_award",  "sme_project_grant",     "attraction_multipliers",
    "fiscal_rd_growth",       "consortium_support",    "carrier_awards",
    "new_rd_institute_award", "talent_allowance",      "leading_talent_funding",
    "tech_transfer_support",  "pilot_scaleup_support", "university_cooperation_award",
    "innovation_voucher",     "platform_awards",       "flying_incubator",
    "flying_rd_center",       "guidance_fund",         "tech_loan"};

// The settings every lever shares, by lever id.
inline const LeverCommon& lever_settings(const Levers& l, Lever lever) {
  const std::array<const LeverCommon*, kLeverCount> all = {&l.rd_post_subsidy.common,
                                                           &l.hnte_first_award.common,
                                                           &l.above_scale_first_award.common,
                                                           &l.demo_enterprise_award.common,
                                                           &l.sme_project_grant.common,
                                                           &l.attraction_multipliers.common,
                                                           &l.fiscal_rd_growth.common,
                                                           &l.consortium_support.common,
                                                           &l.carrier_awards.common,
                                                           &l.new_rd_institute_award.common,
                                                           &l.talent_allowance.common,
                                                           &l.leading_talent_funding.common,
                                                           &l.tech_transfer_support.common,
                                                           &l.pilot_scaleup_support.common,
                                                           &l.university_cooperation_award.common,
                                                           &l.innovation_voucher.common,
                                                           &l.platform_awards.common,
                                                           &l.flying_incubator.common,
                                                           &l.flying_rd_center.common,
                                                           &l.guidance_fund.common,
                                                           &l.tech_loan.common};
  return *all[lever];
}

struct FiscalLedger {
  std::array<std::array<double, kGovLevels>, kLeverCount> cost{};  // by lever and level
  std::array<double, kLeverCount>
      paid{};  // by lever: exactly what was paid, never re-summed from the split

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
