#include "observe/indicators.h"

#include "phases/high_tech_share.h"
#include "phases/talent_market.h"

namespace innosim {
namespace {

void ecosystem_statistics(const World& w, Indicators& x) {
  std::array<double, kCarrierKinds> carriers{};
  for (const auto& c : w.eco.carriers.rows)
    if (!c.flying) carriers[c.kind] += 1;
  x[kMakerSpaces] = carriers[kMakerSpace];
  x[kIncubators] = carriers[kIncubator];
  x[kAccelerators] = carriers[kAccelerator];
  x[kCarriers] = carriers[kMakerSpace] + carriers[kIncubator] + carriers[kAccelerator];
  double tenants = 0, loans = 0;
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    tenants += f.carrier[i] != 0;
    loans += f.loan[i];
  }
  x[kIncubatedFirms] = tenants;
  x[kNewRdInstitutes] = w.eco.research.count(kNewRdInstitute);
  x[kPlatforms] = static_cast<double>(w.eco.research.platforms.size());
  x[kConsortia] = static_cast<double>(w.eco.consortia.size());
  double leading = 0;
  for (std::size_t i = 0; i < w.eco.talent.size(); ++i)
    leading += w.eco.talent.type[i] == kLeadingTalent;
  x[kTalentTotal] = talent_total(w.eco);
  x[kRdPersonnel] =
      static_cast<double>(w.eco.talent.size());  // headcount, those between jobs included
  x[kLeadingTalents] = leading;
  x[kTalentInflow] = w.totals.talent_flows.inflow;
  x[kTalentOutflow] = w.totals.talent_flows.outflow;
  x[kTechContractTurnover] = w.totals.tech_contract_turnover;
  x[kTechContractShareGdp] = x[kGdp] > 0 ? 100.0 * w.totals.tech_contract_turnover / x[kGdp] : 0.0;
  x[kVcInvested] = w.totals.vc_invested;
  x[kTechLoansOutstanding] = loans;
}

}  // namespace

Indicators statistics(const World& w, const ModelConfig& m) {
  const FirmTable& f = w.firms;
  double revenue = 0, rd = 0, alive = 0, patents = 0, applications = 0;
  double above = 0, above_rd = 0, above_revenue = 0, above_active = 0, above_high_tech = 0;
  double hnte = 0, sme = 0, specialized = 0, demo = 0, gazelles = 0, listed = 0;
  // Flows include the firms that exited during the year, up to their exit: they stay in the
  // table, flagged kDead, until the year end's compaction after this.
  for (std::size_t i = 0; i < f.size(); ++i) {
    revenue += f.revenue_year[i];
    rd += f.rd_year[i];
    applications += f.applications_year[i];
    if (f.has(i, kDead)) continue;
    alive += 1;
    if (f.has(i, kAboveScale)) {
      above += 1;
      above_rd += f.rd_year[i];
      above_revenue += f.revenue_year[i];
      above_active += f.rd_year[i] > 0;
      above_high_tech += high_tech_share(f, i, m.firm) * f.revenue_year[i];
    }
    hnte += f.has(i, kHnte);
    sme += f.has(i, kTechSme);
    specialized += f.has(i, kSpecializedSme);
    demo += f.has(i, kDemo);
    gazelles += f.has(i, kGazelle);
    listed += f.has(i, kListed);
    patents += f.patents[i];
  }
  auto ratio = [](double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; };
  Indicators x{};
  x[kGdp] = w.macro.gdp_other + w.macro.value_added_ratio * revenue;
  x[kBusinessRd] = rd;
  x[kRdExpenditure] = rd + w.macro.public_rd;
  x[kRdIntensity] = ratio(x[kRdExpenditure], x[kGdp]);
  const double prices = m.prices.level(w.clock.year, m.region.base_year);
  x[kGdpNominal] = prices * x[kGdp];
  x[kBusinessRdNominal] = prices * x[kBusinessRd];
  x[kRdExpenditureNominal] = prices * x[kRdExpenditure];
  x[kAboveScaleRdToRevenue] = ratio(above_rd, above_revenue);
  x[kAboveScaleRdActiveShare] = ratio(above_active, above);
  x[kFirmsTotal] = alive;
  x[kFirmsAboveScale] = above;
  x[kTechSmes] = sme;
  x[kSpecializedSmes] = specialized;
  x[kHntes] = hnte;
  x[kHnteCertified] = w.totals.hnte_certified;
  x[kHnteFirstCertified] = w.totals.hnte_first_certified;
  x[kHnteLapsed] = w.totals.hnte_lapsed;
  x[kDemoEnterprises] = demo;
  x[kGazelles] = gazelles;
  x[kListedFirms] = listed;
  x[kFirmEntries] = w.totals.entries;
  x[kFirmExits] = w.totals.exits;
  x[kFirmRelocations] = w.totals.relocations;
  x[kPatentApplications] = applications;
  x[kInventionPatents] = patents;
  x[kInventionPatentsPer10k] = m.region.population > 0 ? patents / m.region.population * 1e4 : 0.0;
  x[kHighTechVaShare] = ratio(above_high_tech, above_revenue);
  x[kFiscalCostTotal] = w.totals.ledger.total();
  for (int k = 0; k < kLeverCount; ++k)
    x[kLeverCostBegin + k] = w.totals.ledger.lever_total(static_cast<Lever>(k));
  x[kTaxExpenditure] = w.totals.tax_expenditure;
  ecosystem_statistics(w, x);
  return x;
}

}  // namespace innosim
