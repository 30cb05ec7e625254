#include "policy/levers/attraction.h"

#include <algorithm>

#include "policy/claims.h"
#include "world.h"

namespace innosim {

double attraction_factor(const AttractionMultipliers& lever, int year, double multiplier) {
  return lever.common.active(year) ? 1.0 + lever.response * (multiplier - 1.0) : 1.0;
}

void relocation_incentive_claim(World& w, const ModelConfig& m, std::size_t row) {
  const AttractionMultipliers& lever = m.levers.attraction_multipliers;
  if (lever.common.active(w.clock.year))
    w.fiscal.file(kLeverAttractionMultipliers, {w.firms.id[row], lever.incentive_per_firm,
                                                w.firms.revenue[row], w.clock.year + 1});
}

void open_year_public_rd(World& w, const ModelConfig& m) {
  const FiscalRdGrowth& lever = m.levers.fiscal_rd_growth;
  w.macro.public_rd_no_lever *= 1.0 + m.region.public_rd_growth;
  w.macro.public_rd_extra = 0;
  if (lever.common.active(w.clock.year)) {
    const double rigid =
        w.macro.public_rd * (1.0 + std::max(m.region.public_rd_growth, lever.rate));
    w.macro.public_rd_extra =
        std::clamp(rigid - w.macro.public_rd_no_lever, 0.0, lever.common.budget);
  }
  w.macro.public_rd = w.macro.public_rd_no_lever + w.macro.public_rd_extra;
}

void book_fiscal_rd_growth(World& w, const ModelConfig& m) {
  const FiscalRdGrowth& lever = m.levers.fiscal_rd_growth;
  if (!lever.common.active(w.clock.year)) return;
  w.totals.ledger.book(kLeverFiscalRdGrowth, w.macro.public_rd_extra, lever.common);
  w.totals.receipts.public_research += w.macro.public_rd_extra;
}

}  // namespace innosim
