// Exact common random numbers: changing one lever or parameter changes only the draws that
// depend on it. Each test steps one phase from the same state under two configurations that
// differ in one number, and checks that everything the number cannot reach is bit-identical.
#include <catch2/catch.hpp>
#include <map>

#include "phases/collaboration.h"
#include "phases/entry.h"
#include "phases/phase_context.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {

// The entrants of one entry phase: traits of each firm that is not an hnte relocation, in
// order, and the number of hnte relocations.
struct Entrants {
  std::vector<std::array<double, 5>> others;
  std::size_t hnte = 0;
};

Entrants enter(World w, const ModelConfig& m) {
  const std::uint64_t first = w.next_firm_id;
  w.clock.step += 1;  // as step() would: a fresh step, so the draws are new ones
  entry({w.firms, w.next_firm_id, w.eco, w.handoffs, w.totals, w.fiscal}, w.macro, now(w), m);
  Entrants out;
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.id[i] < first) continue;
    if (f.has(i, kHnte)) {
      ++out.hnte;
      continue;
    }
    out.others.push_back({f.revenue[i], static_cast<double>(f.sector[i]), f.latent_intensity[i],
                          static_cast<double>(f.birth_step[i]), f.productivity[i]});
  }
  return out;
}

}  // namespace

TEST_CASE("the attraction lever's hnte multiplier moves no draw but the hnte relocations",
          "[crn]") {
  // The same region with the attraction lever on, relocations frequent enough to be counted,
  // and only the hnte multiplier different.
  const std::vector<std::string> common = {
      "levers.attraction_multipliers.enabled=true", "levers.attraction_multipliers.start_year=2000",
      "levers.attraction_multipliers.tech_sme=3", "firm.relocation_rate=0.05"};
  auto with = [&](const char* hnte) {
    auto sets = test::small_region();
    sets.insert(sets.end(), common.begin(), common.end());
    sets.push_back(std::string("levers.attraction_multipliers.hnte=") + hnte);
    return test::load(sets).model;
  };
  const ModelConfig a = with("1"), b = with("8");
  int hnte_differs = 0;
  for (std::uint64_t replicate = 0; replicate < 4; ++replicate) {
    World w = test::simulate(a, {5, replicate}, 1);
    for (int s = 0; s < 8; ++s) {
      const Entrants ea = enter(w, a), eb = enter(w, b);
      CHECK(ea.others == eb.others);  // startups, tech SME and other relocations, flying graduates
      hnte_differs += ea.hnte != eb.hnte;
      w.clock.step += 1;
    }
  }
  CHECK(hnte_differs > 0);  // and the lever does change the hnte relocations
}

TEST_CASE("supply ties, consortia and flying R&D centres draw apart", "[crn]") {
  const std::vector<std::string> common = {
      "levers.flying_rd_center.enabled=true", "levers.flying_rd_center.start_year=2000",
      "levers.flying_rd_center.adopt_prob=0.5", "network.consortium_prob=0.5",
      "network.leader_min_revenue=1e6"};
  auto with = [&](std::vector<std::string> extra) {
    auto sets = test::small_region();
    sets.insert(sets.end(), common.begin(), common.end());
    sets.insert(sets.end(), extra.begin(), extra.end());
    return test::load(sets).model;
  };
  auto consortia_of = [](const World& w) {
    std::vector<std::pair<std::uint64_t, std::vector<std::uint64_t>>> out;
    for (const auto& c : w.eco.consortia) out.emplace_back(c.leader, c.members);
    return out;
  };
  auto centres_of = [](const World& w) {
    std::vector<std::uint64_t> out;
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.has(i, kFlyingRdCenter)) out.push_back(w.firms.id[i]);
    return out;
  };
  auto supply_ties_of = [](const World& w) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    for (std::size_t k = 0; k < w.eco.network.ties.size(); ++k)
      if (w.eco.network.kinds[k] == TieKind::kSupply)
        out.emplace_back(w.eco.network.ties[k].a, w.eco.network.ties[k].b);
    return out;
  };
  const ModelConfig base = with({});
  World w = test::simulate(base, {9, 0}, 1);
  w.eco.network_next_id = 0;  // every firm forms its supply ties in this round
  auto run = [&](const ModelConfig& m) {
    World copy = w;
    collaboration_year_end(copy.eco, copy.firms, copy.fiscal, copy.next_firm_id, now(copy), m);
    return copy;
  };
  const World ref = run(base);
  REQUIRE(!consortia_of(ref).empty());
  REQUIRE(!centres_of(ref).empty());

  // More supply ties: consortia and centres as they were.
  const World more_ties = run(with({"network.supply_ties=5"}));
  CHECK(supply_ties_of(more_ties) != supply_ties_of(ref));
  CHECK(consortia_of(more_ties) == consortia_of(ref));
  CHECK(centres_of(more_ties) == centres_of(ref));

  // Likelier consortia: supply ties and centres as they were.
  const World more_consortia = run(with({"network.consortium_prob=0.9"}));
  CHECK(consortia_of(more_consortia) != consortia_of(ref));
  CHECK(supply_ties_of(more_consortia) == supply_ties_of(ref));
  CHECK(centres_of(more_consortia) == centres_of(ref));
}
