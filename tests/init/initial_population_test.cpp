// The synthetic base-year population reproduces the preset (BRIEF 3.5): counts exactly,
// R&D intensity within 2%, the ecosystem's stocks exactly, in every replicate.
#include "init/initial_population.h"

#include <catch2/catch.hpp>

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
    }
  }
}
