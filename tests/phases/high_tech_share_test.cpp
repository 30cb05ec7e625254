// A firm's high-tech revenue share: its product mix raised by its R&D capital, within the
// uplift's bound, inverted exactly by mix_for_share, the mix itself when the uplift is off,
// and moved by an R&D lever in the region's high-tech value added.
#include "phases/high_tech_share.h"

#include <catch2/catch.hpp>

#include "observe/indicator_catalog.h"
#include "run/replicate.h"
#include "test_support_sim.h"

using namespace innosim;

TEST_CASE("R&D capital raises a firm's high-tech share toward its bound, and only it",
          "[high_tech]") {
  const LoadedConfig c = test::scaled(2000);
  World w = test::simulate(c.model, {41, 0}, 0);
  FirmTable& f = w.firms;
  const FirmParams& p = c.model.firm;
  const std::size_t i = 0;
  f.high_tech_revenue_share[i] = 0.5f;
  f.revenue[i] = 1e7;
  f.knowledge[i] = 0;
  CHECK(high_tech_share(f, i, p) == 0.5);  // no R&D capital: the product mix
  // R&D capital of half-point size gives half the most.
  f.knowledge[i] = static_cast<float>(p.high_tech_rd_half * f.revenue[i]);
  CHECK(high_tech_share(f, i, p) == Approx(0.5 + 0.5 * p.high_tech_rd_uplift / 2));
  // More R&D capital never lowers the share, and it stays below the bound.
  double last = 0;
  for (double phi : {0.0, 0.01, 0.05, 0.2, 1.0, 10.0, 1000.0}) {
    f.knowledge[i] = static_cast<float>(phi * f.revenue[i]);
    const double h = high_tech_share(f, i, p);
    CHECK(h >= last);
    CHECK(h < 0.5 + 0.5 * p.high_tech_rd_uplift);
    last = h;
  }
  // mix_for_share inverts it, and gives 0 where R&D alone gives more.
  f.knowledge[i] = static_cast<float>(0.3 * f.revenue[i]);
  f.high_tech_revenue_share[i] = mix_for_share(f, i, p, 0.55);
  CHECK(high_tech_share(f, i, p) == Approx(0.55).epsilon(1e-6));
  CHECK(mix_for_share(f, i, p, 0.01) == 0.0f);
  // With the uplift off the share is the mix, bit for bit.
  FirmParams off = p;
  off.high_tech_rd_uplift = 0;
  f.high_tech_revenue_share[i] = 0.37f;
  CHECK(high_tech_share(f, i, off) == static_cast<double>(0.37f));
  CHECK(mix_for_share(f, i, off, 0.55) == 0.55f);
}

TEST_CASE("an R&D post-subsidy raises the high-tech value added through R&D capital",
          "[high_tech][levers][slow]") {
  constexpr int kYears = 4;
  constexpr std::uint64_t kReplicates = 8;
  const auto paired_effect = [&](double uplift) {
    LoadedConfig base = test::scaled_preset("yinchuan", 30000, kYears);
    base.model.firm.high_tech_rd_uplift = uplift;
    LoadedConfig on = base;
    RdPostSubsidy& lever = on.model.levers.rd_post_subsidy;
    lever.common.enabled = true;
    lever.common.start_year = base.model.region.base_year + 1;
    lever.eligible = Eligible::kRdActive;
    lever.rate = 0.5;
    double effect = 0;
    const std::size_t last = static_cast<std::size_t>(kYears) * kIndicatorCount;
    for (std::uint64_t rep = 0; rep < kReplicates; ++rep)
      effect += run_replicate(on.model, {29, rep}).indicators[last + kHighTechVaShare] -
                run_replicate(base.model, {29, rep}).indicators[last + kHighTechVaShare];
    return effect / kReplicates;
  };
  const double with_uplift = paired_effect(test::shipped_model().firm.high_tech_rd_uplift);
  const double without = paired_effect(0.0);
  INFO("high-tech VA share effect, pp: " << with_uplift << " with the uplift, " << without
                                         << " without");
  CHECK(with_uplift > 0);
  CHECK(with_uplift > without);
}
