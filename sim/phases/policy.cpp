#include "phases/policy.h"

#include <algorithm>

#include "policy/claims.h"
#include "policy/levers/attraction.h"
#include "policy/levers/networks.h"
#include "policy/levers/rd_subsidies.h"
#include "policy/levers/research.h"
#include "policy/levers/status_awards.h"

namespace innosim {

void policy(World& w, const ModelConfig& m) {
  const Levers& l = m.levers;
  FirmTable& f = w.firms;
  std::fill(f.grant_rd.begin(), f.grant_rd.end(), 0.0f);
  Recipients recipients{f, w.eco.carriers, w.eco.research, w.eco.talent, w.totals.receipts};
  for (int k = 0; k < kLeverCount; ++k) {
    const auto lever = static_cast<Lever>(k);
    if (kLeverInfo[k].booking == Booking::kInPlace) continue;
    for (const auto& [id, amount] :
         pay_due_claims(w.fiscal, w.totals.ledger, recipients, lever, lever_settings(l, lever),
                        w.key, w.clock.step, w.clock.year)) {
      rd_subsidy_paid(w, m, lever, id, amount);
      network_lever_paid(w, m, lever, id, amount);
      research_lever_paid(w, m, lever, id, amount);
    }
  }
  book_fiscal_rd_growth(w, m);

  // New claims on the year just completed.
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    rd_subsidy_claims(w, m, i);
    status_award_claims(w, m, i);
  }
}

}  // namespace innosim
