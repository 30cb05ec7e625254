// Bunching at the hnte thresholds (Chen, Liu, Suarez Serrato & Xu, AER 2021): with the
// tax notch on, reported R&D intensity piles up just above 5%, 4% and 3% in the matching
// revenue bands; with the notch off (hnte rate = standard rate), it does not.
#include <catch2/catch.hpp>
#include <cmath>

#include "phases/rd_decision.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {

struct Band {
  double lo, hi, threshold;
};
const Band kBands[] = {{0, 5e7, 0.05}, {5e7, 2e8, 0.04}, {2e8, 1e18, 0.03}};

// Firms with reported intensity in [t, t + w) and in [t - w, t), for band b, pooled over
// replicates, at the end of the last simulated year.
std::pair<int, int> around_threshold(const LoadedConfig& c, const Band& b, double width) {
  int above = 0, below = 0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const World w = test::simulate(c.model, {31, rep}, 4);
    const FirmTable& f = w.firms;
    for (std::size_t i = 0; i < f.size(); ++i) {
      const double rev = f.revenue_year[i];
      if (f.has(i, kDead) || rev <= b.lo || rev > b.hi || f.rd_year[i] <= 0) continue;
      const double x = f.rd_year[i] / rev;
      above += x >= b.threshold && x < b.threshold + width;
      below += x >= b.threshold - width && x < b.threshold;
    }
  }
  return {above, below};
}

}  // namespace

TEST_CASE("with the hnte notch on R&D intensity bunches just above each band's threshold",
          "[bunching]") {
  // A region built to populate every band near its threshold: one industrial, mostly
  // high-tech sector whose firms' R&D sits around 3-5%, with many firms above 20M revenue.
  const std::vector<std::string> region = {
      "region.sectors=[{name=\"tech\", share=1.0, industrial_share=1.0, high_tech_share=0.9, "
      "rd_intensity_median=0.04, growth_drift=0.0}]",
      "region.firms_above_scale=6000", "region.rd_expenditure=4e10", "region.hntes=300",
      // Ample R&D staff and no talent-founded startups (at this workforce they would outnumber
      // the region's own entrants): the test isolates the notch from the talent market.
      "region.rd_personnel=200000", "region.leading_talents=1000", "region.talent_total=3000000",
      "talent.entrepreneurship_rate=0",
      // The spread of desired intensities this region was built around (the model default,
      // not a region's fit), so that each band has firms on both sides of its threshold.
      "rd.latent_intensity_sigma=0.8"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), region.begin(), region.end());
    return test::scaled(20000, extra);
  };
  const auto on = with({});
  const auto off = with({"tax.hnte_rate=0.25"});
  for (const Band& b : kBands) {
    // Bunchers report 2% (relative) above t, at most 0.1 pp above it: a 0.2 pp bin holds
    // them all and no more of the smooth density than it must.
    const double width = 0.002;
    const auto [above_on, below_on] = around_threshold(on, b, width);
    const auto [above_off, below_off] = around_threshold(off, b, width);
    INFO("threshold " << b.threshold << ": notch on " << above_on << " above / " << below_on
                      << " below; off " << above_off << " / " << below_off);
    CHECK(above_on >= 30);
    // Excess mass just above the threshold, twice what there is without the notch...
    CHECK(above_on > 2 * above_off);
    // ...and no excess mass just below it (up to two Poisson standard deviations: the lower
    // hnte rate also makes R&D dearer for certified firms, docs/ODD.md 7.4, which moves a few
    // of them down), while the histogram jumps at the threshold with the notch at least
    // twice as much as without it.
    CHECK(below_on <= below_off + 2.0 * std::sqrt(static_cast<double>(below_off)));
    CHECK(static_cast<double>(above_on) / (below_on + 1) > 2.0 * (above_off + 1) / (below_off + 1));
    // Without the notch the two bins are alike: nothing piles up.
    CHECK(above_off < 1.5 * below_off + 10);
  }
}

TEST_CASE("a firm just below the threshold bunches only when the notch pays", "[bunching]") {
  auto c = test::scaled(2000);
  World w = test::simulate(c.model, {32, 0}, 0);
  // A hand-built candidate: high-tech, with a patent, not certified, 30M revenue (5% band).
  const std::size_t i = 0;
  FirmTable& f = w.firms;
  f.set(i, kHnte, false);
  f.set(i, kRdActive, true);
  f.high_tech_revenue_share[i] = 0.8f;
  f.patents[i] = 1;
  f.revenue[i] = 3e7;
  const double funds = 1e9;
  const RdChoice near = bunching_choice(w.firms, w.clock.year + 1, c.model, i, 0.047, funds);
  CHECK(near.real + near.relabel == Approx(0.05 * (1 + c.model.rd.bunching_margin)));
  CHECK(near.relabel > 0);
  CHECK(near.real > 0.047);
  const RdChoice far =
      bunching_choice(w.firms, w.clock.year + 1, c.model, i, 0.005, funds);  // too far below: stays
  CHECK(far.real == 0.005);
  CHECK(far.relabel == 0);
  const RdChoice poor =
      bunching_choice(w.firms, w.clock.year + 1, c.model, i, 0.047, 0.0);  // cannot fund it
  CHECK(poor.relabel == 0);
  c.model.tax.hnte_rate = c.model.tax.corporate_rate;  // no notch
  const RdChoice no_notch = bunching_choice(w.firms, w.clock.year + 1, c.model, i, 0.047, funds);
  CHECK(no_notch.real == 0.047);
  CHECK(no_notch.relabel == 0);
}
