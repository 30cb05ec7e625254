// A lever that is switched off costs exactly nothing and changes nothing: a run with the
// post-subsidy disabled equals, bit for bit, a run where it is enabled at a zero rate.
#include <catch2/catch.hpp>
#include <cstring>

#include "run/replicate.h"
#include "test_support.h"

using namespace innosim;

namespace {
std::vector<std::string> with(std::vector<std::string> extra) {
  auto sets = test::small_region();
  sets.insert(sets.end(), extra.begin(), extra.end());
  return sets;
}
}  // namespace

TEST_CASE("a disabled lever costs exactly zero in every year and at every level", "[policy]") {
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const ReplicateResult r = run_replicate(test::load(with({"levers.rd_post_subsidy.enabled=false",
                                                             "levers.rd_post_subsidy.rate=0.5"}))
                                                .model,
                                            {3, rep});
    for (std::size_t t = 1; t < r.indicators.size() / kIndicatorCount; ++t) {
      CHECK(r.indicators[t * kIndicatorCount + kCostRdPostSubsidy] == 0.0);
      CHECK(r.indicators[t * kIndicatorCount + kFiscalCostTotal] == 0.0);
    }
    for (std::size_t k = kLeverCount * kGovLevels; k < r.fiscal.size(); ++k)
      CHECK(r.fiscal[k] == 0.0);
  }
}

TEST_CASE("a disabled lever changes nothing: same trajectories as a zero-rate lever", "[policy]") {
  const auto off =
      run_replicate(test::load(with({"levers.rd_post_subsidy.enabled=false"})).model, {5, 0});
  const auto zero = run_replicate(
      test::load(with({"levers.rd_post_subsidy.enabled=true", "levers.rd_post_subsidy.rate=0.0",
                       "levers.rd_post_subsidy.eligible=rd_active"}))
          .model,
      {5, 0});
  // Bitwise, so that the NaN of undefined base-year flows compares equal to itself.
  REQUIRE(off.indicators.size() == zero.indicators.size());
  CHECK(std::memcmp(off.indicators.data(), zero.indicators.data(),
                    off.indicators.size() * sizeof(double)) == 0);
}

TEST_CASE("an enabled lever pays - and its cost splits by the configured shares", "[policy]") {
  const auto r = run_replicate(test::load(with({"levers.rd_post_subsidy.enabled=true",
                                                "levers.rd_post_subsidy.eligible=rd_active",
                                                "levers.rd_post_subsidy.cost_share={national=0.0,"
                                                "province=0.0,city=0.2,district=0.8}"}))
                                   .model,
                               {5, 0});
  const std::size_t years = r.indicators.size() / kIndicatorCount;
  double paid = 0;
  for (std::size_t t = 1; t < years; ++t) {
    const double total = r.indicators[t * kIndicatorCount + kCostRdPostSubsidy];
    paid += total;
    const double* levels = &r.fiscal[(t * kLeverCount + kLeverRdPostSubsidy) * kGovLevels];
    CHECK(levels[2] == Approx(0.2 * total));
    CHECK(levels[3] == Approx(0.8 * total));
    CHECK(levels[0] == 0.0);
  }
  CHECK(paid > 0);
}

TEST_CASE("a higher post-subsidy rate never lowers mean business R&D (paired streams)",
          "[policy]") {
  // For every eligible group, including hnte where the subsidy interacts with bunching and
  // certification: mean business R&D over paired replicates, at each year, is non-decreasing
  // in the rate. The lever starts after the base year, so both arms start from the same
  // base-year firms (a lever in force at the base year is absorbed by the base year's R&D
  // calibration, which then compares latent intensities rather than behaviour). Paired means over
  // kPairs replicates estimate the expectation: discrete decisions (certification, R&D start, the
  // weighted pick of contract buyers) make single pairs noisy by a few hundredths of a percent.
  constexpr int kPairs = 4;
  for (const std::string eligible : {"rd_active", "hnte", "above_scale", "tech_sme"}) {
    auto mean_rd = [&](double rate) {
      std::vector<double> sum;
      for (std::uint64_t rep = 0; rep < kPairs; ++rep) {
        const auto r =
            run_replicate(test::load(with({"levers.rd_post_subsidy.enabled=true",
                                           "levers.rd_post_subsidy.start_year=2022",
                                           "levers.rd_post_subsidy.eligible=" + eligible,
                                           "levers.rd_post_subsidy.rate=" + std::to_string(rate)}))
                              .model,
                          {9, rep});
        sum.resize(r.indicators.size() / kIndicatorCount, 0.0);
        for (std::size_t t = 0; t < sum.size(); ++t)
          sum[t] += r.indicators[t * kIndicatorCount + kBusinessRd] / kPairs;
      }
      return sum;
    };
    const auto r0 = mean_rd(0.0), r1 = mean_rd(0.2), r2 = mean_rd(0.4);
    for (std::size_t t = 0; t < r0.size(); ++t) {
      INFO(eligible << " year " << t);
      CHECK(r1[t] >= r0[t]);
      CHECK(r2[t] >= r1[t]);
    }
    CHECK(r2.back() > r0.back());
  }
}
