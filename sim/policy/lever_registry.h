// The lever registry: every policy lever of BRIEF 4, declared once. Each line gives
//   (Id, key, Settings, family, booking, what its cost indicator counts)
// and everything else is generated from it: the `Lever` enum and `kLeverNames`
// (policy/lever.h), the `Levers` settings struct and its schema (config/lever_config.h,
// config/lever_schema.cpp), the `cost_<key>` indicators (observe/indicator_catalog.h), the
// lever axis of /fiscal, `innosim list levers`, and the lever tests that loop over every
// lever. A lever's mechanics live in its family's file, sim/policy/levers/<family>.cpp.
//
// booking: kClaims levers are paid by the year-end claims round (claims filed one year,
// paid the next, within the budget and its rationing rule); kInPlace levers book their
// outlay where they act (public R&D, venture investments, the loan risk pool).
//
// The order is the order of the output's lever axis. Append new levers at the end.
#pragma once

#define INNOSIM_LEVERS(X)                                                                         \
  X(RdPostSubsidy, rd_post_subsidy, RdPostSubsidy, rd_subsidies, kClaims,                         \
    "rd_post_subsidy outlays paid in the year")                                                   \
  X(HnteFirstAward, hnte_first_award, StatusAward, status_awards, kClaims,                        \
    "hnte_first_award outlays paid in the year")                                                  \
  X(AboveScaleFirstAward, above_scale_first_award, AboveScaleFirstAward, rd_subsidies, kClaims,   \
    "above_scale_first_award outlays paid in the year")                                           \
  X(DemoEnterpriseAward, demo_enterprise_award, StatusAward, status_awards, kClaims,              \
    "demo_enterprise_award outlays paid in the year")                                             \
  X(SmeProjectGrant, sme_project_grant, SmeProjectGrant, rd_subsidies, kClaims,                   \
    "sme_project_grant outlays paid in the year")                                                 \
  X(AttractionMultipliers, attraction_multipliers, AttractionMultipliers, attraction, kClaims,    \
    "attraction_multipliers incentives paid in the year")                                         \
  X(FiscalRdGrowth, fiscal_rd_growth, FiscalRdGrowth, attraction, kInPlace,                       \
    "public R&D above its no-lever path in the year")                                             \
  X(ConsortiumSupport, consortium_support, ConsortiumSupport, networks, kClaims,                  \
    "consortium_support outlays paid in the year")                                                \
  X(CarrierAwards, carrier_awards, CarrierAwards, incubation, kClaims,                            \
    "carrier_awards outlays paid in the year")                                                    \
  X(NewRdInstituteAward, new_rd_institute_award, OneOffAward, research, kClaims,                  \
    "new_rd_institute_award outlays paid in the year")                                            \
  X(TalentAllowance, talent_allowance, TalentAllowance, talent, kClaims,                          \
    "talent_allowance outlays paid in the year")                                                  \
  X(LeadingTalentFunding, leading_talent_funding, LeadingTalentFunding, talent, kClaims,          \
    "leading_talent_funding outlays paid in the year")                                            \
  X(TechTransferSupport, tech_transfer_support, InvestmentShare, research, kClaims,               \
    "tech_transfer_support outlays paid in the year")                                             \
  X(PilotScaleupSupport, pilot_scaleup_support, InvestmentShare, research, kClaims,               \
    "pilot_scaleup_support outlays paid in the year")                                             \
  X(UniversityCooperationAward, university_cooperation_award, InvestmentShare, research, kClaims, \
    "university_cooperation_award outlays paid in the year")                                      \
  X(InnovationVoucher, innovation_voucher, InnovationVoucher, research, kClaims,                  \
    "innovation_voucher outlays paid in the year")                                                \
  X(PlatformAwards, platform_awards, PlatformAwards, research, kClaims,                           \
    "platform_awards outlays paid in the year")                                                   \
  X(FlyingIncubator, flying_incubator, FlyingIncubator, networks, kClaims,                        \
    "flying_incubator outlays paid in the year")                                                  \
  X(FlyingRdCenter, flying_rd_center, FlyingRdCenter, networks, kClaims,                          \
    "flying_rd_center outlays paid in the year")                                                  \
  X(GuidanceFund, guidance_fund, GuidanceFund, money, kInPlace,                                   \
    "the government's share of guidance-fund investments made in the year")                       \
  X(TechLoan, tech_loan, TechLoan, money, kInPlace,                                               \
    "risk-pool compensation paid to banks for defaulted tech loans in the year")
