// The indicators a run records each year, in output order, with units, declared once below
// (`INNOSIM_INDICATORS`): the enum, the names, units and descriptions, and whether the base
// year has a value are all generated from that one list. One cost indicator per lever,
// `cost_<lever>`, comes from the lever registry. Definitions are in docs/OUTPUT.md; this list
// is what `innosim list indicators` prints and what targets may name.
#pragma once
#include <array>
#include <string_view>

#include "policy/lever_registry.h"

namespace innosim {

// kStock: a state at year end, defined in the base year. kFlow: an amount over a simulated
// year (entries, outlays, arrivals), undefined (NaN) in the base year.
enum class Measure { kStock, kFlow };

// X(Id, name, Chinese statistical name, unit, measure, description): the indicators before
// the lever costs ...
#define INNOSIM_INDICATORS_BEFORE_COSTS(X)                                                        \
  X(Gdp, "gdp", "地区生产总值", "CNY", kStock,                                                    \
    "regional GDP: exogenous non-simulated part plus simulated firms' value added")               \
  X(BusinessRd, "business_rd", "企业R&D经费内部支出", "CNY", kStock,                              \
    "R&D expenditure of enterprises in the year, as reported (real plus relabelled)")             \
  X(RdExpenditure, "rd_expenditure", "全社会R&D经费支出", "CNY", kStock,                          \
    "society-wide R&D expenditure: business plus public R&D")                                     \
  X(RdIntensity, "rd_intensity", "R&D经费投入强度", "%", kStock, "rd_expenditure / gdp x 100")    \
  X(GdpNominal, "gdp_nominal", "地区生产总值 (current prices)", "CNY", kStock,                    \
    "gdp in current CNY (x the price level)")                                                     \
  X(BusinessRdNominal, "business_rd_nominal", "企业R&D经费内部支出 (current prices)", "CNY",      \
    kStock, "business_rd in current CNY")                                                         \
  X(RdExpenditureNominal, "rd_expenditure_nominal", "全社会R&D经费支出 (current prices)", "CNY",  \
    kStock, "rd_expenditure in current CNY: what R&D statistics and plan targets report")         \
  X(AboveScaleRdToRevenue, "above_scale_rd_to_revenue",                                           \
    "规上工业企业R&D经费支出占主营业务收入比重", "%", kStock,                                     \
    "R&D of above-scale industrial firms over their revenue x 100")                               \
  X(AboveScaleRdActiveShare, "above_scale_rd_active_share", "有研发活动的规上工业企业占比", "%",  \
    kStock, "share of above-scale industrial firms with R&D activity x 100")                      \
  X(FirmsTotal, "firms_total", "企业数", "firms", kStock, "firms alive at year end")              \
  X(FirmsAboveScale, "firms_above_scale", "规模以上工业企业数", "firms", kStock,                  \
    "industrial firms with main revenue >= 20M CNY at year end")                                  \
  X(TechSmes, "tech_smes", "科技型中小企业(入库)数", "firms", kStock,                             \
    "firms registered as tech_sme in the year")                                                   \
  X(SpecializedSmes, "specialized_smes", "专精特新中小企业数", "firms", kStock,                   \
    "firms with a valid specialized_sme (专精特新) recognition")                                  \
  X(Hntes, "hntes", "高新技术企业数", "firms", kStock,                                            \
    "firms holding a valid hnte certificate at year end")                                         \
  X(HnteCertified, "hnte_certified", "高新技术企业认定数 (首次与重新认定)", "firms", kFlow,       \
    "hnte certificates granted in the year's round: first applications and renewals")             \
  X(HnteFirstCertified, "hnte_first_certified", "首次认定高新技术企业数", "firms", kFlow,         \
    "firms certified hnte for the first time (never certified, here or before relocating)")       \
  X(HnteLapsed, "hnte_lapsed", "到期未重新认定的高新技术企业数", "firms", kFlow,                  \
    "live firms whose hnte certificate expired in the year's round without renewal")              \
  X(DemoEnterprises, "demo_enterprises", "创新型示范企业数", "firms", kStock,                     \
    "innovative demonstration enterprises")                                                       \
  X(Gazelles, "gazelles", "瞪羚企业数", "firms", kStock,                                          \
    "high-growth young firms (gazelle) in the year")                                              \
  X(ListedFirms, "listed_firms", "上市企业数", "firms", kStock, "listed firms")                   \
  X(FirmEntries, "firm_entries", "新设/迁入企业", "firms", kFlow,                                 \
    "firms entering during the year (startups and relocations)")                                  \
  X(FirmExits, "firm_exits", "注销/吊销企业", "firms", kFlow, "firms exiting during the year")    \
  X(FirmRelocations, "firm_relocations", "招商引进企业", "firms", kFlow,                          \
    "established firms relocating into the region during the year")                               \
  X(PatentApplications, "patent_applications", "发明专利申请量 (firms)", "applications", kFlow,   \
    "invention patent applications filed by firms in the year")                                   \
  X(InventionPatents, "invention_patents", "有效发明专利拥有量 (firms' part)", "patents", kStock, \
    "stock of granted invention patents held by live firms")                                      \
  X(InventionPatentsPer10k, "invention_patents_per_10k", "每万人口发明专利拥有量",                \
    "patents/10k people", kStock, "invention_patents per 10,000 residents")                       \
  X(HighTechVaShare, "high_tech_va_share", "高技术产业增加值占规上工业增加值比重", "%", kStock,   \
    "high-tech output of above-scale industrial firms over their output x 100")                   \
  X(FiscalCostTotal, "fiscal_cost_total", "财政支出合计", "CNY", kFlow,                           \
    "all lever outlays paid in the year, all government levels")

// ... and after them.
#define INNOSIM_INDICATORS_AFTER_COSTS(X)                                                              \
  X(TaxExpenditure, "tax_expenditure", "税式支出", "CNY", kStock,                                      \
    "tax forgone through the hnte rate and the R&D super-deduction")                                   \
  X(MakerSpaces, "maker_spaces", "众创空间数", "carriers", kStock,                                     \
    "maker spaces (众创空间) open at year end, all levels")                                            \
  X(Incubators, "incubators", "科技企业孵化器数", "carriers", kStock,                                  \
    "incubators (孵化器) open at year end, all levels")                                                \
  X(Accelerators, "accelerators", "加速器数", "carriers", kStock,                                      \
    "accelerators (加速器) open at year end, all levels")                                              \
  X(Carriers, "carriers", "双创载体数", "carriers", kStock,                                            \
    "maker spaces, incubators and accelerators open at year end (双创载体)")                           \
  X(IncubatedFirms, "incubated_firms", "在孵企业数", "firms", kStock,                                  \
    "firms that are tenants of a carrier at year end (在孵企业)")                                      \
  X(NewRdInstitutes, "new_rd_institutes", "新型研发机构数(备案)", "organisations", kStock,             \
    "new R&D institutes (新型研发机构) at year end")                                                   \
  X(Platforms, "platforms", "重点实验室、工程技术研究中心数", "platforms", kStock,                     \
    "key labs and engineering/technology centres at year end")                                         \
  X(Consortia, "consortia", "创新联合体数", "consortia", kStock,                                       \
    "innovation consortia (创新联合体) with a running project")                                        \
  X(TalentTotal, "talent_total", "人才总量", "persons", kStock,                                        \
    "talent stock (人才总量): R&D personnel, leading talents and the wider pool")                      \
  X(RdPersonnel, "rd_personnel", "R&D活动人员", "persons", kStock,                                     \
    "R&D personnel (headcount, R&D活动人员, leading talents included) in the region, employed or " \
    " between jobs")                                                                                   \
  X(LeadingTalents, "leading_talents", "科技领军人才", "persons", kStock,                              \
    "leading S&T talents in the region")                                                               \
  X(TalentInflow, "talent_inflow", "人才引进", "persons", kFlow,                                       \
    "talents arriving during the year (east hub, other regions, allowances, teams)")                   \
  X(TalentOutflow, "talent_outflow", "人才流失", "persons", kFlow,                                     \
    "talents leaving the region during the year")                                                      \
  X(TechContractTurnover, "tech_contract_turnover", "技术合同成交额", "CNY", kStock,                   \
    "value of technology contracts registered in the year (技术合同成交额)")                           \
  X(TechContractShareGdp, "tech_contract_share_gdp", "技术合同成交额占GDP比重", "%", kStock,           \
    "tech_contract_turnover / gdp x 100")                                                              \
  X(VcInvested, "vc_invested", "创业投资额", "CNY", kFlow,                                             \
    "venture and guidance-fund money invested in the region's firms during the year")                  \
  X(TechLoansOutstanding, "tech_loans_outstanding", "科技贷款余额", "CNY", kStock,                     \
    "balance of tech loans at year end")

enum Indicator : int {
#define INNOSIM_INDICATOR_ID(Id, ...) k##Id,
#define INNOSIM_COST_ID(Id, ...) kCost##Id,
  INNOSIM_INDICATORS_BEFORE_COSTS(INNOSIM_INDICATOR_ID)  //
  INNOSIM_LEVERS(INNOSIM_COST_ID)                        //
  INNOSIM_INDICATORS_AFTER_COSTS(INNOSIM_INDICATOR_ID)   //
#undef INNOSIM_COST_ID
#undef INNOSIM_INDICATOR_ID
  kIndicatorCount
};

// The cost indicators are one contiguous block [kLeverCostBegin, kLeverCostEnd), in lever order.
inline constexpr int kLeverCostBegin = kFiscalCostTotal + 1;
#define INNOSIM_PLUS_ONE(...) +1
inline constexpr int kLeverCostEnd = kLeverCostBegin INNOSIM_LEVERS(INNOSIM_PLUS_ONE);
#undef INNOSIM_PLUS_ONE

// One year's value of every indicator, indexed by the enum above.
using Indicators = std::array<double, kIndicatorCount>;

struct IndicatorInfo {
  std::string_view name;
  std::string_view zh;  // the Chinese statistical counterpart, as plans and yearbooks name it
  std::string_view unit;
  std::string_view description;
  Measure measure;
};

inline constexpr std::array<IndicatorInfo, kIndicatorCount> kIndicators = {{
#define INNOSIM_INDICATOR_ROW(Id, name, zh, unit, measure, doc) \
  {name, zh, unit, doc, Measure::measure},
#define INNOSIM_COST_ROW(Id, key, Settings, family, booking, doc) \
  {"cost_" #key, "财政支出", "CNY", doc, Measure::kFlow},
    INNOSIM_INDICATORS_BEFORE_COSTS(INNOSIM_INDICATOR_ROW)  //
    INNOSIM_LEVERS(INNOSIM_COST_ROW)                        //
    INNOSIM_INDICATORS_AFTER_COSTS(INNOSIM_INDICATOR_ROW)   //
#undef INNOSIM_COST_ROW
#undef INNOSIM_INDICATOR_ROW
}};

// The indicator with this name, or -1.
inline int find_indicator(std::string_view name) {
  for (int i = 0; i < kIndicatorCount; ++i)
    if (kIndicators[i].name == name) return i;
  return -1;
}

}  // namespace innosim
