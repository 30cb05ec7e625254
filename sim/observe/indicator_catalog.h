// The indicators a run records each year, in output order, with units. Definitions are in
// docs/OUTPUT.md; this list is what `innosim list indicators` prints and what targets may name.
#pragma once
#include <array>
#include <string_view>

namespace innosim {

enum Indicator : int {
  kGdp,
  kBusinessRd,
  kRdExpenditure,
  kRdIntensity,
  kAboveScaleRdToRevenue,
  kAboveScaleRdActiveShare,
  kFirmsTotal,
  kFirmsAboveScale,
  kTechSmes,
  kSpecializedSmes,
  kHntes,
  kDemoEnterprises,
  kGazelles,
  kListedFirms,
  kFirmEntries,
  kFirmExits,
  kFirmRelocations,
  kPatentApplications,
  kInventionPatents,
  kInventionPatentsPer10k,
  kHighTechVaShare,
  kFiscalCostTotal,
  kCostRdPostSubsidy,  // the lever costs follow in the order of kLeverNames
  kCostHnteFirstAward,
  kCostAboveScaleFirstAward,
  kCostDemoEnterpriseAward,
  kCostSmeProjectGrant,
  kCostAttractionMultipliers,
  kCostFiscalRdGrowth,
  kCostConsortiumSupport,
  kCostCarrierAwards,
  kCostNewRdInstituteAward,
  kCostTalentAllowance,
  kCostLeadingTalentFunding,
  kCostTechTransferSupport,
  kCostPilotScaleupSupport,
  kCostUniversityCooperationAward,
  kCostInnovationVoucher,
  kCostPlatformAwards,
  kCostFlyingIncubator,
  kCostFlyingRdCenter,
  kCostGuidanceFund,
  kCostTechLoan,
  kTaxExpenditure,
  kMakerSpaces,
  kIncubators,
  kAccelerators,
  kCarriers,
  kIncubatedFirms,
  kNewRdInstitutes,
  kPlatforms,
  kConsortia,
  kTalentTotal,
  kRdPersonnel,
  kLeadingTalents,
  kTalentInflow,
  kTalentOutflow,
  kTechContractTurnover,
  kTechContractShareGdp,
  kVcInvested,
  kTechLoansOutstanding,
  kIndicatorCount
};

struct IndicatorInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
};

inline constexpr std::array<IndicatorInfo, kIndicatorCount> kIndicators = {{
    {"gdp", "CNY", "regional GDP: exogenous non-simulated part plus simulated firms' value added"},
    {"business_rd", "CNY",
     "R&D expenditure of enterprises in the year, as reported (real plus relabelled)"},
    {"rd_expenditure", "CNY", "society-wide R&D expenditure: business plus public R&D"},
    {"rd_intensity", "%", "rd_expenditure / gdp x 100"},
    {"above_scale_rd_to_revenue", "%",
     "R&D of above-scale industrial firms over their revenue x 100"},
    {"above_scale_rd_active_share", "%",
     "share of above-scale industrial firms with R&D activity x 100"},
    {"firms_total", "firms", "firms alive at year end"},
    {"firms_above_scale", "firms", "industrial firms with main revenue >= 20M CNY at year end"},
    {"tech_smes", "firms", "firms registered as tech_sme in the year"},
    {"specialized_smes", "firms", "firms with a valid specialized_sme (专精特新) recognition"},
    {"hntes", "firms", "firms holding a valid hnte certificate at year end"},
    {"demo_enterprises", "firms", "innovative demonstration enterprises"},
    {"gazelles", "firms", "high-growth young firms (gazelle) in the year"},
    {"listed_firms", "firms", "listed firms"},
    {"firm_entries", "firms", "firms entering during the year (startups and relocations)"},
    {"firm_exits", "firms", "firms exiting during the year"},
    {"firm_relocations", "firms", "established firms relocating into the region during the year"},
    {"patent_applications", "applications",
     "invention patent applications filed by firms in the year"},
    {"invention_patents", "patents", "stock of granted invention patents held by live firms"},
    {"invention_patents_per_10k", "patents/10k people", "invention_patents per 10,000 residents"},
    {"high_tech_va_share", "%",
     "high-tech output of above-scale industrial firms over their output x 100"},
    {"fiscal_cost_total", "CNY", "all lever outlays paid in the year, all government levels"},
    {"cost_rd_post_subsidy", "CNY", "rd_post_subsidy outlays paid in the year"},
    {"cost_hnte_first_award", "CNY", "hnte_first_award outlays paid in the year"},
    {"cost_above_scale_first_award", "CNY", "above_scale_first_award outlays paid in the year"},
    {"cost_demo_enterprise_award", "CNY", "demo_enterprise_award outlays paid in the year"},
    {"cost_sme_project_grant", "CNY", "sme_project_grant outlays paid in the year"},
    {"cost_attraction_multipliers", "CNY", "attraction_multipliers incentives paid in the year"},
    {"cost_fiscal_rd_growth", "CNY", "public R&D above its no-lever path in the year"},
    {"cost_consortium_support", "CNY", "consortium_support outlays paid in the year"},
    {"cost_carrier_awards", "CNY", "carrier_awards outlays paid in the year"},
    {"cost_new_rd_institute_award", "CNY", "new_rd_institute_award outlays paid in the year"},
    {"cost_talent_allowance", "CNY", "talent_allowance outlays paid in the year"},
    {"cost_leading_talent_funding", "CNY", "leading_talent_funding outlays paid in the year"},
    {"cost_tech_transfer_support", "CNY", "tech_transfer_support outlays paid in the year"},
    {"cost_pilot_scaleup_support", "CNY", "pilot_scaleup_support outlays paid in the year"},
    {"cost_university_cooperation_award", "CNY",
     "university_cooperation_award outlays paid in the year"},
    {"cost_innovation_voucher", "CNY", "innovation_voucher outlays paid in the year"},
    {"cost_platform_awards", "CNY", "platform_awards outlays paid in the year"},
    {"cost_flying_incubator", "CNY", "flying_incubator outlays paid in the year"},
    {"cost_flying_rd_center", "CNY", "flying_rd_center outlays paid in the year"},
    {"cost_guidance_fund", "CNY",
     "the government's share of guidance-fund investments made in the year"},
    {"cost_tech_loan", "CNY",
     "risk-pool compensation paid to banks for defaulted tech loans in the year"},
    {"tax_expenditure", "CNY", "tax forgone through the hnte rate and the R&D super-deduction"},
    {"maker_spaces", "carriers", "maker spaces (众创空间) open at year end, all levels"},
    {"incubators", "carriers", "incubators (孵化器) open at year end, all levels"},
    {"accelerators", "carriers", "accelerators (加速器) open at year end, all levels"},
    {"carriers", "carriers",
     "maker spaces, incubators and accelerators open at year end (双创载体)"},
    {"incubated_firms", "firms", "firms that are tenants of a carrier at year end (在孵企业)"},
    {"new_rd_institutes", "organisations", "new R&D institutes (新型研发机构) at year end"},
    {"platforms", "platforms", "key labs and engineering/technology centres at year end"},
    {"consortia", "consortia", "innovation consortia (创新联合体) with a running project"},
    {"talent_total", "persons",
     "talent stock (人才总量): R&D personnel, leading talents and the wider pool"},
    {"rd_personnel", "persons",
     "R&D personnel (headcount, R&D活动人员, leading talents included) in the region, employed or "
     "between jobs"},
    {"leading_talents", "persons", "leading S&T talents in the region"},
    {"talent_inflow", "persons",
     "talents arriving during the year (east hub, other regions, allowances, teams)"},
    {"talent_outflow", "persons", "talents leaving the region during the year"},
    {"tech_contract_turnover", "CNY",
     "value of technology contracts registered in the year (技术合同成交额)"},
    {"tech_contract_share_gdp", "%", "tech_contract_turnover / gdp x 100"},
    {"vc_invested", "CNY",
     "venture and guidance-fund money invested in the region's firms during the year"},
    {"tech_loans_outstanding", "CNY", "balance of tech loans at year end"},
}};

// Every indicator of the enum has its entry (a missing initialiser would leave an empty name).
inline constexpr bool every_indicator_named() {
  for (const auto& i : kIndicators)
    if (i.name.empty() || i.unit.empty()) return false;
  return true;
}
static_assert(every_indicator_named(), "kIndicators lacks an entry for some Indicator");

// The indicator with this name, or -1.
inline int find_indicator(std::string_view name) {
  for (int i = 0; i < kIndicatorCount; ++i)
    if (kIndicators[i].name == name) return i;
  return -1;
}

}  // namespace innosim
