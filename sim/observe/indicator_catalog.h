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
  kFirmsTotal,
  kFirmsAboveScale,
  kHntes,
  kTechSmes,
  kFirmEntries,
  kFirmExits,
  kInventionPatents,
  kFiscalCostTotal,
  kCostRdPostSubsidy,
  kTaxExpenditure,
  kIndicatorCount
};

struct IndicatorInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
};

inline constexpr std::array<IndicatorInfo, kIndicatorCount> kIndicators = {{
    {"gdp", "CNY", "regional GDP: exogenous non-simulated part plus simulated firms' value added"},
    {"business_rd", "CNY", "R&D expenditure of enterprises in the year"},
    {"rd_expenditure", "CNY", "society-wide R&D expenditure: business plus public R&D"},
    {"rd_intensity", "%", "rd_expenditure / gdp x 100"},
    {"firms_total", "firms", "firms alive at year end"},
    {"firms_above_scale", "firms", "industrial firms with main revenue >= 20M CNY at year end"},
    {"hntes", "firms", "firms holding a valid hnte certificate at year end"},
    {"tech_smes", "firms", "firms registered as tech_sme in the year"},
    {"firm_entries", "firms", "firms entering during the year"},
    {"firm_exits", "firms", "firms exiting during the year"},
    {"invention_patents", "patents", "stock of granted invention patents held by live firms"},
    {"fiscal_cost_total", "CNY", "all lever outlays paid in the year, all government levels"},
    {"cost_rd_post_subsidy", "CNY", "rd_post_subsidy outlays paid in the year"},
    {"tax_expenditure", "CNY", "tax forgone through the hnte rate and the R&D super-deduction"},
}};

// The indicator with this name, or -1.
inline int find_indicator(std::string_view name) {
  for (int i = 0; i < kIndicatorCount; ++i)
    if (kIndicators[i].name == name) return i;
  return -1;
}

}  // namespace innosim
