#include "policy/levers/attraction.h"

#include <algorithm>

#include "policy/claims.h"
#include "world.h"

namespace innosim {

double attraction_factor(const AttractionMultipliers& lever, int year, double multiplier) {
  return lever.common.active(year) ? 1.0 + lever.response * (multiplier - 1.0) : 1.0;
}

void relocation_incentive_claim(FiscalState& fiscal, const FirmTable& f, int year,
                                const ModelConfig& m, std::size_t row) {
  const AttractionMultipliers& lever = m.levers.attraction_multipliers;
  if (lever.common.active(year))
    fiscal.file(kLeverAttractionMultipliers,
                {f.id[row], lever.incentive_per_firm, f.revenue[row], year + 1});
}

void open_year_public_rd(Macro& macro, int year, const ModelConfig& m) {
  const FiscalRdGrowth& lever = m.levers.fiscal_rd_growth;
  macro.public_rd_no_lever *= 1.0 + m.region.public_rd_growth;
  macro.public_rd_extra = 0;
  if (lever.common.active(year)) {
    const double rigid = macro.public_rd * (1.0 + std::max(m.region.public_rd_growth, lever.rate));
    macro.public_rd_extra = std::clamp(rigid - macro.public_rd_no_lever, 0.0, lever.common.budget);
  }
  macro.public_rd = macro.public_rd_no_lever + macro.public_rd_extra;
}

void book_fiscal_rd_growth(YearTotals& totals, const Macro& macro, int year, const ModelConfig& m) {
  const FiscalRdGrowth& lever = m.levers.fiscal_rd_growth;
  if (!lever.common.active(year)) return;
  totals.ledger.book(kLeverFiscalRdGrowth, macro.public_rd_extra, lever.common);
  totals.receipts.public_research += macro.public_rd_extra;
}

}  // namespace innosim
