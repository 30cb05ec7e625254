#include "policy/rationing.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace innosim {
namespace {

// Rounding can leave the sum of payments (in index order, as the ledger adds them) a few
// ulps above the budget; take the excess off the largest payment until it is not.
void enforce_budget(std::vector<double>& paid, double budget) {
  for (double sum = std::accumulate(paid.begin(), paid.end(), 0.0); sum > budget && !paid.empty();
       sum = std::accumulate(paid.begin(), paid.end(), 0.0)) {
    auto it = std::max_element(paid.begin(), paid.end());
    *it = std::max(0.0, std::nextafter(*it - (sum - budget), 0.0));
  }
}

}  // namespace

std::vector<double> ration(const std::vector<double>& claims, const std::vector<double>& priority,
                           double budget, Rationing rule) {
  const double total = std::accumulate(claims.begin(), claims.end(), 0.0);
  if (total <= budget) return claims;
  std::vector<double> paid(claims.size(), 0.0);
  if (rule == Rationing::kProRata) {
    const double f = budget / total;
    for (std::size_t i = 0; i < claims.size(); ++i) paid[i] = claims[i] * f;
    enforce_budget(paid, budget);
    return paid;
  }
  std::vector<std::size_t> order(claims.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return priority[a] > priority[b]; });
  double left = budget;
  for (std::size_t i : order) {
    paid[i] = std::min(claims[i], left);
    left -= paid[i];
    if (left <= 0) break;
  }
  enforce_budget(paid, budget);
  return paid;
}

}  // namespace innosim
