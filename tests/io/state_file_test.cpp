// The saved state of a replicate: written at a year end and read back, it continues exactly
// as the replicate never saved (two linked regions and the firm panel included); a damaged
// or foreign file is refused with the file named.
#include "io/state_file.h"

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "test_support.h"

using namespace innosim;

namespace {

LoadedConfig region(const std::string& name, const std::string& links) {
  auto sets = test::small_region();
  sets.insert(sets.end(), {"region.name=\"" + name + "\"", "region.links=[" + links + "]"});
  return test::load(sets, {scenario_file(test::data_dir(), "yinchuan", "plan")});
}

StateHeader header_of(const std::vector<const ModelConfig*>& configs, int year) {
  const ModelConfig& m = *configs.front();
  StateHeader h{"a test run",          5,   1, {"plan"}, {}, m.region.base_year, m.time.end_year,
                m.time.steps_per_year, year};
  for (const auto* c : configs) h.regions.push_back(c->region.name);
  return h;
}

// Saves `run` (at the end of `year`) and reads it back.
ReplicateRun round_trip(ReplicateRun run, const std::vector<const ModelConfig*>& configs, int year,
                        const test::TempDir& dir) {
  const std::string path = dir.path("state.h5");
  std::vector<ReplicateRun> runs;
  runs.push_back(std::move(run));
  write_state_file(path, header_of(configs, year), runs);
  return StateFile(path).read(0, configs, year_count(*configs.front()));
}

}  // namespace

TEST_CASE("a replicate saved at a year end continues bit for bit as one never saved",
          "[io][state]") {
  // Yinchuan sends talent to Ningxia: the handoffs between regions are part of the state.
  const auto a = region("yinchuan",
                        "{to=\"east\", outflow_share=0.6, inflow_rate=0.01}, "
                        "{to=\"ningxia\", outflow_share=0.4, inflow_rate=0.0}");
  const auto b = region("ningxia", "{to=\"east\", outflow_share=0.6, inflow_rate=0.01}");
  const std::vector<const ModelConfig*> configs{&a.model, &b.model};
  const int years = year_count(a.model);
  REQUIRE(years >= 4);

  ReplicateRun whole = start_replicate(configs, 5, 3, true);
  advance_replicate(whole, years);

  test::TempDir dir;
  for (int cut : {1, 2, years - 1}) {
    ReplicateRun part = start_replicate(configs, 5, 3, true);
    advance_replicate(part, cut);
    const int year = a.model.region.base_year + cut - 1;
    ReplicateRun resumed = round_trip(std::move(part), configs, year, dir);
    CHECK(resumed.next_year == cut);
    advance_replicate(resumed, years);
    for (std::size_t k = 0; k < configs.size(); ++k) {
      INFO("cut after year " << year << ", region " << k);
      CHECK(test::same_bits(whole.results[k].indicators, resumed.results[k].indicators));
      CHECK(test::same_bits(whole.results[k].fiscal, resumed.results[k].fiscal));
      CHECK(whole.results[k].firm_steps == resumed.results[k].firm_steps);
    }
    REQUIRE(resumed.panel.rows() == whole.panel.rows());
    for (std::size_t c = 0; c < whole.panel.reals.size(); ++c)
      CHECK(test::same_bits(whole.panel.reals[c], resumed.panel.reals[c]));
    CHECK(whole.panel.ints == resumed.panel.ints);
  }
}

TEST_CASE("a damaged state is refused, naming the file and what is wrong", "[io][state]") {
  const LoadedConfig c = test::load();
  const std::vector<const ModelConfig*> configs{&c.model};
  const int year = c.model.region.base_year + 1;
  test::TempDir dir;
  const auto damaged = [&](auto damage, const std::string& what) {
    ReplicateRun run = start_replicate(configs, 5, 0, false);
    advance_replicate(run, 2);
    damage(run.economy.regions[0]);
    CHECK_THROWS_WITH(
        round_trip(std::move(run), configs, year, dir),
        Catch::Contains("state.h5") && Catch::Contains(what) && Catch::Contains("damaged"));
  };
  damaged([](World& w) { w.firms.sector[0] = 200; }, "sector");
  damaged([](World& w) { w.firms.revenue.pop_back(); }, "firm column revenue");
  damaged([](World& w) { std::swap(w.firms.id[0], w.firms.id[1]); }, "firm ids");
  damaged([](World& w) { w.eco.talent.type.back() = 7; }, "unknown type");
  damaged([](World& w) { w.clock.year += 1; }, "clock");
  damaged([](World& w) { w.eco.network.kinds.push_back(TieKind::kSupply); }, "tie kinds");

  // Another region, or a file that is not a state.
  ReplicateRun run = start_replicate(configs, 5, 0, false);
  advance_replicate(run, 2);
  std::vector<ReplicateRun> runs;
  runs.push_back(std::move(run));
  write_state_file(dir.path("s.h5"), header_of(configs, year), runs);
  const LoadedConfig other = test::load([] {
    auto sets = test::small_region();
    sets.push_back("region.name=\"elsewhere\"");
    return sets;
  }());
  CHECK_THROWS_WITH(StateFile(dir.path("s.h5")).read(0, {&other.model}, year_count(other.model)),
                    Catch::Contains("region 'yinchuan'") && Catch::Contains("'elsewhere'"));
  CHECK_THROWS_WITH(StateFile(dir.path("s.h5")).read(1, configs, year_count(c.model)),
                    Catch::Contains("no task 1"));
  const std::string text = dir.file("not-a-state.h5", "plain text");
  CHECK_THROWS_AS(StateFile(text), IoError);
}
