#include "phases/statistics.h"

namespace innosim {

void statistics(World& w, const ModelConfig& m) {
  (void)m;
  const FirmTable& f = w.firms;
  double revenue = 0, rd = 0, alive = 0, above = 0, hnte = 0, sme = 0, patents = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    revenue += f.revenue_year[i];
    rd += f.rd_year[i];  // firms that exited during the year still spent it
    if (f.has(i, kDead)) continue;
    alive += 1;
    above += f.has(i, kAboveScale);
    hnte += f.has(i, kHnte);
    sme += f.has(i, kTechSme);
    patents += f.patents[i];
  }
  auto& x = w.indicators;
  x[kGdp] = w.gdp_other + w.value_added_ratio * revenue;
  x[kBusinessRd] = rd;
  x[kRdExpenditure] = rd + w.public_rd;
  x[kRdIntensity] = 100.0 * x[kRdExpenditure] / x[kGdp];
  x[kFirmsTotal] = alive;
  x[kFirmsAboveScale] = above;
  x[kHntes] = hnte;
  x[kTechSmes] = sme;
  x[kFirmEntries] = w.entries;
  x[kFirmExits] = w.exits;
  x[kInventionPatents] = patents;
  x[kFiscalCostTotal] = w.ledger.total();
  x[kCostRdPostSubsidy] = w.ledger.lever_total(kLeverRdPostSubsidy);
  x[kTaxExpenditure] = w.tax_expenditure;
}

}  // namespace innosim
