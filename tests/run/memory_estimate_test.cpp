// What a run will need, estimated before it starts: it scales with what drives it.
#include "run/memory_estimate.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace innosim;

TEST_CASE("the estimate grows with firms - replicates and graduates and is printed in plain units",
          "[run]") {
  auto spec = [](std::vector<std::string> sets, int replicates) {
    EnsembleSpec s;
    s.scenarios.push_back(test::load(std::move(sets)));
    s.replicates = replicates;
    s.threads = 1;
    return s;
  };
  const MemoryEstimate base = estimate_peak_memory(spec(test::small_region(), 4));
  const MemoryEstimate more_runs = estimate_peak_memory(spec(test::small_region(), 8));
  // One thread: twice the replicates, twice the time, the same firm tables in flight.
  CHECK(more_runs.seconds == Approx(2 * base.seconds));
  CHECK(more_runs.bytes > base.bytes);
  CHECK(more_runs.bytes < 1.1 * base.bytes);
  auto bigger = test::small_region();
  bigger.push_back("region.firms_total=40000");
  const MemoryEstimate big = estimate_peak_memory(spec(bigger, 4));
  CHECK(big.seconds == Approx(10 * base.seconds));
  CHECK(big.bytes > base.bytes + 36000 * 300.0);
  auto graduates = test::small_region();
  graduates.push_back("region.graduates=1e6");
  // The graduates who take R&D jobs become individual talents, every year of the run.
  const TalentParams& t = test::load().model.talent;
  CHECK(estimate_peak_memory(spec(graduates, 4)).bytes >
        base.bytes + 1e6 * t.graduate_rd_share * t.graduate_retention * 64);
  CHECK_THAT(describe(base), Catch::Matchers::Contains(" MB of memory and ") &&
                                 Catch::Matchers::Contains("(estimated)"));
}

TEST_CASE("a run whose replicates do not fit in memory together runs them in turn, same results",
          "[run]") {
  EnsembleSpec all;
  all.scenarios.push_back(test::load());
  all.replicates = 4;
  all.threads = 2;
  all.seed = 3;
  EnsembleSpec one_at_a_time = all;
  one_at_a_time.max_in_flight = 1;
  const double two = estimate_peak_memory(all).bytes;
  const double one = estimate_peak_memory(one_at_a_time).bytes;
  REQUIRE(one < two);

  EnsembleSpec fitted = all;
  CHECK(fit_in_memory(fitted, (one + two) / 2) == 1);
  CHECK(fitted.max_in_flight == 1);
  EnsembleSpec roomy = all;
  CHECK(fit_in_memory(roomy, 2 * two) == 0);  // no cap needed
  EnsembleSpec tight = all;
  CHECK_THROWS_WITH(fit_in_memory(tight, one / 2), Catch::Matchers::Contains("would need"));
  // A run that saves its state holds every task at once: it is estimated so, never capped.
  EnsembleSpec saving = all;
  saving.state_every = 1;
  const double held = estimate_peak_memory(saving).bytes;
  CHECK(held > two);
  CHECK_THROWS_WITH(fit_in_memory(saving, (two + held) / 2),
                    Catch::Matchers::Contains("would need"));

  const EnsembleResult a = run_ensemble(all), b = run_ensemble(fitted);
  CHECK(test::same_bits(a.trajectories, b.trajectories));
  CHECK(test::same_bits(a.fiscal, b.fiscal));
}
