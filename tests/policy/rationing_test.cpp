// Rationing never pays more than the budget, under every rule.
#include "policy/rationing.h"

#include <catch2/catch.hpp>
#include <numeric>

#include "core/random.h"

using namespace innosim;

TEST_CASE("payments never exceed the budget or any claim - under every rule", "[policy]") {
  for (const Rationing rule : {Rationing::kProRata, Rationing::kFirstCome, Rationing::kRanked}) {
    for (std::uint64_t trial = 0; trial < 200; ++trial) {
      Stream s(1, trial, 0, 0, Purpose::kRationing);
      const auto n = 1 + s.poisson(20);
      std::vector<double> claims(n), priority(n);
      for (std::size_t i = 0; i < n; ++i) claims[i] = s.exponential(1e5), priority[i] = s.uniform();
      const double total = std::accumulate(claims.begin(), claims.end(), 0.0);
      const double budget = total * s.uniform() * 1.5;
      const auto paid = ration(claims, priority, budget, rule);
      const double sum = std::accumulate(paid.begin(), paid.end(), 0.0);
      CHECK(sum <= budget);
      CHECK(sum == Approx(std::min(budget, total)).epsilon(1e-9));
      for (std::size_t i = 0; i < n; ++i) {
        CHECK(paid[i] >= 0);
        CHECK(paid[i] <= claims[i]);
      }
    }
  }
}

TEST_CASE("each rule serves claims in its own way", "[policy]") {
  const std::vector<double> claims = {100, 100, 100}, priority = {0.1, 0.9, 0.5};
  CHECK(ration(claims, priority, 150, Rationing::kProRata) == std::vector<double>{50, 50, 50});
  CHECK(ration(claims, priority, 150, Rationing::kRanked) == std::vector<double>{0, 100, 50});
  CHECK(ration(claims, priority, 1e9, Rationing::kFirstCome) ==
        claims);  // enough budget: all paid in full
  CHECK(ration(claims, priority, 0, Rationing::kProRata) == std::vector<double>{0, 0, 0});
}
