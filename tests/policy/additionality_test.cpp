// Additionality of R&D subsidies against the evidence (DOMAIN 3): the extra business R&D a
// yuan of subsidy buys. Grant meta-analyses put it at 0.17-0.25 (World Bank, 37 studies) and
// find no substantial additionality after correcting for publication bias (Dimos & Pugh
// 2016); Chinese subsidies partly crowd out (Boeing 2016). A post-subsidy on hnte R&D at 20%
// (Ningxia's rate, seed 001) must buy some R&D, and at most half a yuan per yuan, over its
// first four years.
#include <catch2/catch.hpp>

#include "observe/indicator_catalog.h"
#include "run/replicate.h"
#include "test_support_sim.h"

using namespace innosim;

TEST_CASE("an R&D post-subsidy buys between 0 and 0.5 yuan of R&D per yuan of outlay",
          "[levers][additionality][slow]") {
  constexpr int kYears = 4;
  constexpr std::uint64_t kReplicates = 12;
  const LoadedConfig base = test::scaled_preset("yinchuan", 30000, kYears);
  LoadedConfig on = base;
  RdPostSubsidy& lever = on.model.levers.rd_post_subsidy;
  lever.common.enabled = true;
  lever.common.start_year = base.model.region.base_year + 1;
  lever.eligible = Eligible::kHnte;
  lever.rate = 0.2;
  double extra_rd = 0, outlay = 0;
  for (std::uint64_t rep = 0; rep < kReplicates; ++rep) {
    const ReplicateResult off_run = run_replicate(base.model, {23, rep});
    const ReplicateResult on_run = run_replicate(on.model, {23, rep});
    for (int t = 1; t <= kYears; ++t) {
      const std::size_t row = static_cast<std::size_t>(t) * kIndicatorCount;
      extra_rd += on_run.indicators[row + kBusinessRd] - off_run.indicators[row + kBusinessRd];
      outlay += on_run.indicators[row + kLeverCostBegin + kLeverRdPostSubsidy];
    }
  }
  INFO("extra business R&D " << extra_rd << ", outlay " << outlay << ": " << extra_rd / outlay
                             << " yuan per yuan");
  REQUIRE(outlay > 0);
  CHECK(extra_rd > 0);
  CHECK(extra_rd / outlay <= 0.5);
}
