// Same inputs and seed give bit-identical trajectories, whatever the thread count.
#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "config/scaled_region.h"
#include "observe/indicator_catalog.h"
#include "run/ensemble.h"
#include "run/replicate.h"
#include "test_support.h"

using namespace innosim;

namespace {
EnsembleResult run_with(int threads, std::uint64_t seed) {
  EnsembleSpec spec;
  spec.scenarios = {
      test::load(),
      test::load(test::small_region(), {scenario_file(test::data_dir(), "yinchuan", "plan")})};
  spec.replicates = 6;
  spec.seed = seed;
  spec.threads = threads;
  return run_ensemble(spec);
}
bool bit_identical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
}  // namespace

TEST_CASE("1 and 2 threads give bit-identical trajectories and fiscal costs", "[determinism]") {
  const EnsembleResult one = run_with(1, 7);
  const EnsembleResult two = run_with(2, 7);
  CHECK(bit_identical(one.trajectories, two.trajectories));
  CHECK(bit_identical(one.fiscal, two.fiscal));
}

TEST_CASE("the seed matters - and replicates differ from each other", "[determinism]") {
  const EnsembleResult a = run_with(2, 7);
  const EnsembleResult b = run_with(2, 8);
  CHECK_FALSE(bit_identical(a.trajectories, b.trajectories));
  const std::size_t per_run = a.years.size() * kIndicatorCount;
  const std::vector<double> rep0(a.trajectories.begin(), a.trajectories.begin() + per_run);
  const std::vector<double> rep1(a.trajectories.begin() + per_run,
                                 a.trajectories.begin() + 2 * per_run);
  CHECK_FALSE(bit_identical(rep0, rep1));
}

TEST_CASE("one run of a million firms gives the same trajectory on 1 and 2 threads",
          "[determinism]") {
  // Inside one run the phases share the firms between threads (year-end work included):
  // their sums keep a fixed order, so the schedule changes nothing.
  auto sets = scaled_region_sets(test::load({}).model, 1e6);
  sets.push_back("time.end_year=2022");
  const LoadedConfig c = test::load(sets);
  const auto on = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    return run_replicate(c.model, {5, 0});
  };
  const ReplicateResult one = on(1), two = on(2);
  CHECK(bit_identical(one.indicators, two.indicators));
  CHECK(bit_identical(one.fiscal, two.fiscal));
}

TEST_CASE("recording the firm panel, which keeps the year's exits, changes no trajectory",
          "[determinism][panel]") {
  // A run without a panel drops its exits at the year end instead of keeping them.
  const LoadedConfig c = test::load(test::small_region());
  PanelTable panel;
  const ReplicateResult with = run_replicate(c.model, {9, 1}, &panel),
                        without = run_replicate(c.model, {9, 1});
  const auto exited = std::find(panel.int_names.begin(), panel.int_names.end(), "exited");
  REQUIRE(exited != panel.int_names.end());
  const auto& flags = panel.ints[static_cast<std::size_t>(exited - panel.int_names.begin())];
  CHECK(std::count(flags.begin(), flags.end(), 1) > 0);  // the panel did hold exits
  CHECK(bit_identical(with.indicators, without.indicators));
  CHECK(bit_identical(with.fiscal, without.fiscal));
}
