// The region graph: a run of two regions with no edge between them is exactly two runs of
// one region each; an edge carries talent from one to the other.
#include "network/region_graph.h"

#include <catch2/catch.hpp>
#include <cstring>

#include "run/regions.h"
#include "run/replicate.h"
#include "test_support.h"

using namespace innosim;

namespace {

const std::string kEast = "{to=\"east\", outflow_share=0.6, inflow_rate=0.01}";

LoadedConfig region(const std::string& name, const std::string& links) {
  auto sets = test::small_region();
  sets.insert(sets.end(), {"region.name=\"" + name + "\"", "region.links=[" + links + "]"});
  return test::load(sets);
}

}  // namespace

TEST_CASE("the region graph joins the run's regions and the east hub", "[network][regions]") {
  const RegionGraph g({"a", "b"}, {{{"east", 0.5, 0.02}, {"b", 0.3, 0.0}, {"nowhere", 0.1, 0.0}},
                                   {{"east", 0.6, 0.01}}});
  CHECK(boost::num_vertices(g.graph()) == 3);
  CHECK(boost::num_edges(g.graph()) == 3);  // the link to a region not in the run is dropped
  CHECK(g.east_inflow_rate(0) == 0.02);
  CHECK(g.east_inflow_rate(1) == 0.01);
  REQUIRE(g.migration_targets(0).size() == 1);
  CHECK(g.migration_targets(0)[0] == std::make_pair(std::size_t{1}, 0.3));
  CHECK(g.migration_targets(1).empty());
}

TEST_CASE("two regions with no edge between them run as two one-region runs",
          "[network][regions]") {
  const auto a = region("yinchuan", kEast);
  const auto b = region("ningxia", kEast);
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const auto both = run_regions({&a.model, &b.model}, 21, rep);
    const auto alone_a = run_replicate(a.model, {21, rep});
    const auto alone_b = run_replicate(b.model, {21, rep});
    CHECK(test::same_bits(both[0].indicators, alone_a.indicators));
    CHECK(test::same_bits(both[1].indicators, alone_b.indicators));
    CHECK(test::same_bits(both[0].fiscal, alone_a.fiscal));
    // Different regions draw different streams.
    CHECK_FALSE(test::same_bits(alone_a.indicators, alone_b.indicators));
  }
}

TEST_CASE("an edge carries talent outflow to the neighbour region", "[network][regions]") {
  const auto a =
      region("yinchuan", kEast + ", {to=\"ningxia\", outflow_share=0.4, inflow_rate=0.0}");
  const auto b = region("ningxia", kEast);
  double inflow_linked = 0, inflow_alone = 0;
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const auto both = run_regions({&a.model, &b.model}, 23, rep);
    const auto alone = run_replicate(b.model, {23, rep});
    for (std::size_t t = 1; t < alone.indicators.size() / kIndicatorCount; ++t) {
      inflow_linked += both[1].indicators[t * kIndicatorCount + kTalentInflow];
      inflow_alone += alone.indicators[t * kIndicatorCount + kTalentInflow];
    }
    // The sending region is unaffected: its emigrants leave it either way.
    CHECK(test::same_bits(both[0].indicators, run_replicate(a.model, {23, rep}).indicators));
  }
  CHECK(inflow_linked > inflow_alone);
}
