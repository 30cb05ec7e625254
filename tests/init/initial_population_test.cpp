// The synthetic base-year population reproduces the preset (BRIEF 3.5): counts exactly,
// R&D intensity within 2%, the ecosystem's stocks exactly, in every replicate.
#include "init/initial_population.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "phases/certification.h"
#include "phases/entry.h"
#include "test_support.h"

using namespace innosim;

TEST_CASE(
    "the base year reproduces the preset - counts and patents exactly and R&D intensity within 2%",
    "[init]") {
  for (const auto& region : list_regions(test::data_dir())) {
    const LoadedConfig c = load_config({test::data_dir(), region, {}, {}});
    const RegionConfig& r = c.model.region;
    // The national preset (tens of millions of firms) takes minutes a replicate: it is
    // checked by `innosim run --region china`, not in the suite.
    if (r.firms_total > 2e6) continue;
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
      const World w = initial_population(c.model, {61, rep});
      const auto& x = w.indicators;
      INFO(region << " replicate " << rep);
      CHECK(x[kFirmsTotal] == r.firms_total);
      CHECK(x[kFirmsAboveScale] == r.firms_above_scale);
      CHECK(x[kHntes] == r.hntes);
      CHECK(x[kTechSmes] == r.tech_smes);
      CHECK(x[kGdp] == Approx(r.gdp).epsilon(1e-9));
      CHECK(x[kRdIntensity] == Approx(100.0 * r.rd_expenditure / r.gdp).epsilon(0.02));
      CHECK(x[kInventionPatents] == r.invention_patents);
      // A preset that gives its high-tech share of above-scale industrial VA starts there
      // (within 0.5 pp: the eligible-but-uncertified firms cut from the hnte pool lose theirs).
      if (r.high_tech_va_share > 0)
        CHECK(x[kHighTechVaShare] == Approx(r.high_tech_va_share).margin(0.5));
      // The ecosystem: talent, carriers, organisations and platforms exactly; contract
      // turnover is calibrated to the preset.
      const RegionEcosystem& e = r.ecosystem;
      CHECK(x[kTalentTotal] == Approx(e.talent_total).epsilon(1e-12));
      CHECK(x[kRdPersonnel] == e.rd_personnel + e.leading_talents);
      CHECK(x[kLeadingTalents] == e.leading_talents);
      CHECK(x[kMakerSpaces] == e.maker_spaces[0] + e.maker_spaces[1] + e.maker_spaces[2]);
      CHECK(x[kIncubators] == e.incubators[0] + e.incubators[1] + e.incubators[2]);
      CHECK(x[kAccelerators] == e.accelerators[0] + e.accelerators[1] + e.accelerators[2]);
      CHECK(x[kNewRdInstitutes] == e.new_rd_institutes);
      CHECK(x[kPlatforms] == e.platforms);
      CHECK(x[kTechContractTurnover] == e.tech_contract_turnover);
      CHECK(x[kIncubatedFirms] > 0);
      // Every certificate the base year hands out could be renewed on the base year's facts
      // (staff aside: they follow R&D demand; age aside: a holder is a year older by its first
      // renewal), so the first renewals are decided by what holders do next, not by a
      // criterion the burn-in took away.
      // And the firms without one that would qualify on the same terms are at most the
      // steady state's pool (ODD 5, step 12): none is left to be certified at once in the
      // first round, young firms included.
      const RulePrices prices = rule_prices(w.clock, c.model);
      int unrenewable = 0, waiting = 0;
      for (std::size_t i = 0; i < w.firms.size(); ++i) {
        CertificationInputs in = certification_inputs(w.clock, w.firms, c.model, prices, i);
        in.rd_staff_share = std::max(in.rd_staff_share, c.model.hnte.rd_staff_share_min);
        in.age_years = std::max(in.age_years, kHnteMinAgeYears);
        if (w.firms.has(i, kHnte))
          unrenewable += !hnte_eligible(in, c.model.hnte);
        else
          waiting += hnte_eligible(in, c.model.hnte);
      }
      CHECK(unrenewable == 0);
      CHECK(waiting <=
            std::llround(c.model.hnte.steady_lapse_rate * r.hntes / c.model.hnte.apply_prob));
    }
  }
}

TEST_CASE("the high-tech match moves every firm's share one way and entrants with it", "[init]") {
  // A share through the match: 1 - (1 - s)^k, the same share at k = 1, monotone in s and k.
  CHECK(matched_high_tech_share(0.3f, 1.0) == 0.3f);
  CHECK(matched_high_tech_share(0.3f, 2.0) == Approx(1 - 0.7 * 0.7));
  CHECK(matched_high_tech_share(0.3f, 0.5) < 0.3f);
  CHECK(matched_high_tech_share(0.0f, 3.0) == 0.0f);
  CHECK(matched_high_tech_share(1.0f, 0.3) == 1.0f);
  // Linhai 2015 (47.37%) lies above what its sectors give: the exponent exceeds 1.
  const LoadedConfig c = load_config({test::data_dir(), "linhai_2015", {}, {}});
  const World w = initial_population(c.model, {61, 0});
  CHECK(w.macro.high_tech_exponent > 1);
  const LoadedConfig none = load_config({test::data_dir(), "yinchuan", {}, {}});
  CHECK(initial_population(none.model, {61, 0}).macro.high_tech_exponent == 1);
}
