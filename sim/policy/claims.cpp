#include "policy/claims.h"

#include <algorithm>

#include "core/random.h"
#include "policy/rationing.h"
#include "world.h"

namespace innosim {

std::vector<std::pair<std::uint64_t, double>> pay_due_claims(World& w, Lever lever, const LeverCommon& settings) {
  auto& pending = w.pending[lever];
  std::vector<std::size_t> rows;
  std::vector<double> claims, priority;
  std::vector<Claim> later;
  for (const Claim& c : pending) {
    if (c.pay_year > w.year) {
      later.push_back(c);
      continue;
    }
    const std::int64_t row = w.firms.find(c.firm_id);
    if (row < 0 || w.firms.has(row, kDead)) continue;  // firms that exited are not paid
    rows.push_back(static_cast<std::size_t>(row));
    claims.push_back(c.amount);
    if (settings.rationing == Rationing::kFirstCome) {  // random arrival order, one draw per lever
      Stream s(w.key.seed, w.key.replicate, c.firm_id, static_cast<std::uint32_t>(w.step), Purpose::kRationing);
      double u = 0;
      for (int k = 0; k <= lever; ++k) u = s.uniform();
      priority.push_back(u);
    } else {
      priority.push_back(c.merit);
    }
  }
  pending = std::move(later);
  const auto paid = ration(claims, priority, settings.budget, settings.rationing);
  std::vector<std::pair<std::uint64_t, double>> out;
  double total = 0;
  for (std::size_t k = 0; k < paid.size(); ++k) {
    total += paid[k];
    w.firms.cash[rows[k]] += static_cast<float>(paid[k]);
    w.firms.support_year[rows[k]] += static_cast<float>(paid[k]);
    out.emplace_back(w.firms.id[rows[k]], paid[k]);
  }
  w.ledger.book(lever, total, settings);
  return out;
}

}  // namespace innosim
