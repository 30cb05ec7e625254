// Every region preset loads, and every number in it carries a source: a publication or seed
// document, or "ASSUMPTION:" with the reasoning (BRIEF 6: never a number without saying where
// it comes from). Every target quotes its source.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace innosim;

TEST_CASE("every preset number carries a source or an explicit assumption flag", "[presets]") {
  const auto regions = list_regions(test::data_dir());
  REQUIRE_FALSE(regions.empty());
  // The preset's numbers: every region.* key declared as a number or list of numbers, plus the
  // sector table and the region graph's links.
  std::vector<std::string> numbers = {"sectors", "links"};
  for (const auto& p : parameter_specs())
    if (p.key.rfind("region.", 0) == 0 &&
        (p.type == "float" || p.type == "integer" || p.type == "list of float") &&
        p.key != "region.base_year")
      numbers.push_back(p.key.substr(7));
  for (const auto& region : regions) {
    const LoadedConfig c = load_config({test::data_dir(), region, {}, {}});
    const RegionConfig& r = c.model.region;
    for (const auto& key : numbers) {
      if (key == "links" && r.ecosystem.links.empty()) continue;
      INFO(region << ": region.source." << key);
      const auto it = r.sources.find(key);
      REQUIRE(it != r.sources.end());
      CHECK(it->second.size() >= 10);  // a citation or an argued assumption, not a placeholder
    }
    for (const auto& [key, text] : r.sources) {
      INFO(region << ": region.source." << key << " names no preset number");
      CHECK(std::find(numbers.begin(), numbers.end(), key) != numbers.end());
    }
    for (const auto& t : r.targets) {
      INFO(region << ": target " << t.indicator << " " << t.year);
      CHECK(t.source.size() >= 5);
    }
    // Every preset's default scenarios exist and load.
    for (const auto& s : r.default_scenarios)
      CHECK_NOTHROW(load_config(
          {test::data_dir(), region, {scenario_file(test::data_dir(), region, s)}, {}}));
  }
}
