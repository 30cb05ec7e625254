// Same inputs and seed give bit-identical trajectories, whatever the thread count.
#include <catch2/catch.hpp>
#include <cstring>

#include "observe/indicator_catalog.h"
#include "run/ensemble.h"
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
