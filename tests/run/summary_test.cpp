// Quantiles and target odds.
#include "run/summary.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "policy/fiscal_ledger.h"
#include "policy/lever.h"

using namespace innosim;

TEST_CASE("quantiles interpolate between order statistics and skip NaN", "[summary]") {
  CHECK(quantile({3, 1, 2, 4, 5}, 0.5) == 3);
  CHECK(quantile({1, 2, 3, 4}, 0.5) == 2.5);
  CHECK(quantile({1, 2, 3, 4, 5}, 0.05) == Approx(1.2));  // NumPy: np.quantile([1..5], 0.05) = 1.2
  CHECK(quantile({std::nan(""), 10, 20}, 0.0) == 10);
  CHECK(std::isnan(quantile({std::nan("")}, 0.5)));
}

TEST_CASE("targets: levels and average growth", "[summary]") {
  const std::vector<double> path = {100, 110, 121, 133.1, 146.41};  // +10% a year from 2021
  CHECK(target_met({"x", 2025, 146, ">=", ""}, path, 2021));
  CHECK_FALSE(target_met({"x", 2025, 147, ">=", ""}, path, 2021));
  CHECK(target_met({"x", 2022, 110, "<=", ""}, path, 2021));
  CHECK(target_met({"x", 2025, 0.0999, "growth>=", ""}, path, 2021));
  CHECK_FALSE(target_met({"x", 2025, 0.1001, "growth>=", ""}, path, 2021));
  // A flow has no base-year value: its growth runs from the first year it is defined.
  const std::vector<double> flow = {std::nan(""), 100, 110, 121, 133.1};
  CHECK(target_met({"x", 2025, 0.0999, "growth>=", ""}, flow, 2021));
  CHECK_FALSE(target_met({"x", 2025, 0.1001, "growth>=", ""}, flow, 2021));
  CHECK_FALSE(
      target_met({"x", 2022, 0.0, "growth>=", ""}, flow, 2021));  // no interval to grow over
}

namespace {

// Two scenarios ("plan" first, "baseline" second) x 4 replicates x 2 years; every indicator 0
// but hntes; the plan pays `outlay` CNY a year from the city's rd_post_subsidy.
EnsembleResult two_scenarios(const std::vector<double>& plan_hntes, double outlay) {
  EnsembleResult r;
  r.scenario_names = {"plan", "baseline"};
  r.years = {2021, 2022};
  r.replicates = 4;
  const std::size_t S = 2, R = 4, T = 2, I = kIndicatorCount, L = kLeverCount, G = kGovLevels;
  r.trajectories.assign(S * R * T * I, 0.0);
  r.fiscal.assign(S * R * T * L * G, 0.0);
  for (std::size_t rep = 0; rep < R; ++rep)
    for (std::size_t t = 0; t < T; ++t) {
      r.trajectories[((0 * R + rep) * T + t) * I + kHntes] = t == 1 ? plan_hntes[rep] : 100;
      r.trajectories[((1 * R + rep) * T + t) * I + kHntes] = 100;
      r.fiscal[(((0 * R + rep) * T + t) * L + kLeverRdPostSubsidy) * G + 2] = outlay;
    }
  return r;
}

}  // namespace

TEST_CASE("effects, costs and cost-effectiveness are measured against the baseline", "[summary]") {
  const EnsembleResult r = two_scenarios({110, 120, 130, 140}, 1e6);
  const Summary s = summarise(r, {{"hntes", 2022, 125, ">=", ""}});
  CHECK(s.reference == 1);  // "baseline", though it comes second
  const std::size_t T = 2, I = kIndicatorCount, Q = kQuantiles.size();
  CHECK(s.effects[((0 * T + 1) * I + kHntes) * Q + 2] == 25);  // median of +10 +20 +30 +40
  CHECK(s.effects[((1 * T + 1) * I + kHntes) * Q + 2] == 0);   // the baseline against itself
  // Target odds: 2 of 4 replicates reach 125, with the binomial standard error.
  CHECK(s.target_probability[0] == 0.5);
  CHECK(s.target_probability_se[0] == Approx(std::sqrt(0.25 / 4)));
  CHECK(s.target_probability_se[1] == 0);  // the baseline never reaches it
  // 1M a year for 2 years, paid by the city: 2M per replicate, in every quantile.
  const std::size_t L = kLeverCount, G = kGovLevels;
  const auto cum = [&](std::size_t sc, std::size_t l, std::size_t g) {
    return s.cumulative_cost[((sc * (L + 1) + l) * (G + 1) + g) * Q + 2];
  };
  CHECK(cum(0, kLeverRdPostSubsidy, 2) == 2e6);
  CHECK(cum(0, L, 2) == 2e6);  // all levers
  CHECK(cum(0, L, G) == 2e6);  // all levers, all levels
  CHECK(cum(0, kLeverRdPostSubsidy, 0) == 0);
  CHECK(cum(1, L, G) == 0);
  // Per extra hnte: 2M / (10, 20, 30, 40), replicate by replicate; median of 200k, 100k, 66.7k,
  // 50k.
  const double median = s.cost_effectiveness[(0 * kCostMeasures.size() + 0) * Q + 2];
  CHECK(median == Approx((1e5 + 2e6 / 30) / 2));
  CHECK(std::isnan(s.cost_effectiveness[(1 * kCostMeasures.size() + 0) * Q + 2]));
}

TEST_CASE("money spent for no gain has an unbounded cost per unit, not a negative one",
          "[summary]") {
  const EnsembleResult r = two_scenarios({90, 100, 100, 120}, 1e6);
  const Summary s = summarise(r, {});
  const std::size_t Q = kQuantiles.size();
  const double* q = &s.cost_effectiveness[0];
  CHECK(std::isinf(q[2]));  // 3 of 4 replicates gain nothing
  CHECK(q[2] > 0);
  CHECK(q[0] > 0);  // never a negative cost per unit of a loss
  CHECK(std::isinf(q[Q - 1]));
}
