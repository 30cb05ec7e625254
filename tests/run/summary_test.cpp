// Quantiles and target odds.
#include "run/summary.h"

#include <catch2/catch.hpp>
#include <cmath>

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
