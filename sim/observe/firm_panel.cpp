#include "observe/firm_panel.h"

#include "phases/certification.h"
#include "phases/high_tech_share.h"

namespace innosim {
namespace {

// Column order; record() pushes values in the same order.
const std::vector<std::string> kIntColumns = {"replicate",
                                              "year",
                                              "firm_id",
                                              "sector",
                                              "exited",
                                              "industrial",
                                              "high_tech",
                                              "rd_active",
                                              "tech_sme",
                                              "hnte",
                                              "hnte_expiry",
                                              "above_scale",
                                              "specialized_sme",
                                              "gazelle",
                                              "listed",
                                              "demo_enterprise",
                                              "invention_patents",
                                              "patent_applications",
                                              "carrier",
                                              "rd_staff",
                                              "leading_talents",
                                              "vc_backed",
                                              "spinoff",
                                              "flying_rd_center"};
const std::vector<std::string> kRealColumns = {
    "age",          "revenue",       "employees",   "value_added",    "rd_reported",
    "rd_real",      "rd_relabelled", "rd_share_3y", "st_staff_share", "high_tech_revenue_share",
    "productivity", "knowledge",     "cash",        "profit",         "support_received",
    "loan"};

}  // namespace

PanelTable::PanelTable()
    : int_names(kIntColumns),
      ints(kIntColumns.size()),
      real_names(kRealColumns),
      reals(kRealColumns.size()) {}

void PanelTable::record(const World& w, const ModelConfig& m, std::uint64_t replicate) {
  record_table(w, w.firms, m, replicate);
  record_table(w, w.exited, m, replicate);
}

void PanelTable::record_table(const World& w, const FirmTable& f, const ModelConfig& m,
                              std::uint64_t replicate) {
  const RulePrices prices = rule_prices(w.clock, m);
  for (std::size_t i = 0; i < f.size(); ++i) {
    const CertificationInputs x = certification_inputs(w.clock, f, m, prices, i);
    const std::int64_t iv[] = {static_cast<std::int64_t>(replicate),
                               w.clock.year,
                               static_cast<std::int64_t>(f.id[i]),
                               f.sector[i],
                               f.has(i, kDead),
                               f.has(i, kIndustrial),
                               f.has(i, kHighTech),
                               f.has(i, kRdActive),
                               f.has(i, kTechSme),
                               f.has(i, kHnte),
                               f.has(i, kHnte) ? f.hnte_expiry[i] : 0,
                               f.has(i, kAboveScale),
                               f.has(i, kSpecializedSme),
                               f.has(i, kGazelle),
                               f.has(i, kListed),
                               f.has(i, kDemo),
                               f.patents[i],
                               f.applications_year[i],
                               f.carrier[i],
                               f.rd_staff[i],
                               f.leading[i],
                               f.has(i, kVcBacked),
                               f.has(i, kSpinoff),
                               f.has(i, kFlyingRdCenter)};
    const double rv[] = {x.age_years,
                         f.revenue_year[i],
                         x.employees,
                         w.macro.value_added_ratio * f.revenue_year[i],
                         f.rd_year[i],
                         f.rd_real_year[i],
                         f.rd_year[i] - f.rd_real_year[i],
                         x.rd_share_3y,
                         x.rd_staff_share,
                         high_tech_share(f, i, m.firm),
                         f.productivity[i],
                         f.knowledge[i],
                         f.cash[i],
                         f.profit_last[i],
                         f.support_year[i],
                         f.loan[i]};
    for (std::size_t k = 0; k < ints.size(); ++k) ints[k].push_back(iv[k]);
    for (std::size_t k = 0; k < reals.size(); ++k) reals[k].push_back(rv[k]);
  }
}

void PanelTable::append(const PanelTable& other) {
  for (std::size_t k = 0; k < ints.size(); ++k)
    ints[k].insert(ints[k].end(), other.ints[k].begin(), other.ints[k].end());
  for (std::size_t k = 0; k < reals.size(); ++k)
    reals[k].insert(reals[k].end(), other.reals[k].begin(), other.reals[k].end());
}

}  // namespace innosim
