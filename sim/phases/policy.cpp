#include "phases/policy.h"

#include <algorithm>

#include "policy/claims.h"
#include "policy/levers/attraction.h"
#include "policy/levers/networks.h"
#include "policy/levers/rd_subsidies.h"
#include "policy/levers/research.h"
#include "policy/levers/status_awards.h"

namespace innosim {

void policy(FirmTable& f, Ecosystem& eco, FiscalState& fiscal, YearTotals& totals,
            const Macro& macro, Now at, const ModelConfig& m) {
  const Levers& l = m.levers;
  const int year = at.clock.year;
  std::fill(f.grant_rd.begin(), f.grant_rd.end(), 0.0f);
  Recipients recipients{f, eco.carriers, eco.research, eco.talent, totals.receipts};
  for (int k = 0; k < kLeverCount; ++k) {
    const auto lever = static_cast<Lever>(k);
    if (kLeverInfo[k].booking == Booking::kInPlace) continue;
    for (const auto& [id, amount] :
         pay_due_claims(fiscal, totals.ledger, recipients, lever, lever_settings(l, lever), at.key,
                        at.clock.step, year)) {
      rd_subsidy_paid(f, m, lever, id, amount);
      network_lever_paid(f, m, lever, id, amount);
      research_lever_paid(f, m, lever, id, amount);
    }
  }
  book_fiscal_rd_growth(totals, macro, year, m);

  // New claims on the year just completed.
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    rd_subsidy_claims(fiscal, f, at, m, i);
    status_award_claims(fiscal, f, year, m, i);
  }
}

}  // namespace innosim
