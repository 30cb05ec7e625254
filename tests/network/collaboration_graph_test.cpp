// Spillovers travel along the collaboration graph and nowhere else: a firm's spillover
// changes with its neighbours' knowledge, not with anyone else's; with no edges there is no
// spillover at all and innovation is what it is with the spillover switched off.
#include <tbb/task_arena.h>

#include <catch2/catch.hpp>

#include "phases/collaboration.h"
#include "phases/innovation.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {

// Five firms in a row: 0 - 1 - 2, and 3, 4 on their own; firm 1 also tied to a university.
World line_world() {
  World w;
  for (std::uint64_t id = 0; id < 5; ++id) {
    const std::size_t i = w.firms.add(id);
    w.firms.knowledge[i] = static_cast<float>(1e6 * static_cast<double>(id + 1));
    w.firms.revenue[i] = 1e7;
    w.firms.intensity[i] = 0.05f;
    w.firms.set(i, kRdActive, true);
  }
  w.eco.research.orgs.push_back({1, kUniversity, 0.0, 5e7, 0.0, 0});
  w.eco.network.add(0, 1, TieKind::kSupply);
  w.eco.network.add(1, 2, TieKind::kConsortium);
  w.eco.network.add(1, kOrgKey | 1, TieKind::kUniversity);
  w.eco.network.add(3, 99, TieKind::kSupply);  // to a firm that is gone: dropped at the rebuild
  w.eco.network.rebuild(w.firms, w.eco.research);
  return w;
}

}  // namespace

TEST_CASE("spillovers reach only graph neighbours", "[network]") {
  World w = line_world();
  const auto c = test::load();
  CHECK(w.eco.network.adjacent(0, 1));
  CHECK(w.eco.network.adjacent(1, 2));
  CHECK_FALSE(w.eco.network.adjacent(0, 2));
  CHECK(w.eco.network.ties.size() == 3);  // the tie to the missing firm was pruned
  const double s0 = network_spillover(w.firms, w.eco, c.model, 0),
               s2 = network_spillover(w.firms, w.eco, c.model, 2),
               s3 = network_spillover(w.firms, w.eco, c.model, 3);
  CHECK(s0 > 0);
  CHECK(s3 == 0.0);
  // Firm 1's knowledge reaches 0 and 2; firm 4's (no ties) and firm 2's reach nobody but 1.
  w.firms.knowledge[4] *= 100;
  w.firms.knowledge[2] *= 100;
  CHECK(network_spillover(w.firms, w.eco, c.model, 0) == s0);
  CHECK(network_spillover(w.firms, w.eco, c.model, 3) == 0.0);
  w.firms.knowledge[1] *= 2;
  CHECK(network_spillover(w.firms, w.eco, c.model, 0) > s0);
  CHECK(network_spillover(w.firms, w.eco, c.model, 2) > s2);
  // The university's knowledge is shared among its partners: it reaches firm 1 only.
  const double s1 = network_spillover(w.firms, w.eco, c.model, 1),
               s0_now = network_spillover(w.firms, w.eco, c.model, 0);
  w.eco.research.orgs[0].knowledge *= 2;
  CHECK(network_spillover(w.firms, w.eco, c.model, 1) > s1);
  CHECK(network_spillover(w.firms, w.eco, c.model, 0) == s0_now);
}

TEST_CASE("removing all edges removes spillover effects", "[network]") {
  auto c = test::load();
  auto no_spill = c;
  no_spill.model.innovation.spillover_effect = 0;
  World w = line_world();
  w.eco.network.ties.clear();
  w.eco.network.rebuild(w.firms, w.eco.research);
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    CHECK(network_spillover(w.firms, w.eco, c.model, i) == 0.0);
    CHECK(innovation_probability(w.firms, w.eco, c.model, i) ==
          innovation_probability(w.firms, w.eco, no_spill.model, i));
  }
  // With the edges back, the linked firms innovate more.
  World linked = line_world();
  CHECK(innovation_probability(linked.firms, linked.eco, c.model, 0) >
        innovation_probability(w.firms, w.eco, c.model, 0));
  // A whole region simulated without ties innovates as it does without spillovers.
  // Every way a tie forms, closed: supply chains, consortia, platforms, contracts, spin-offs.
  auto isolated = test::scaled(
      3000, {"network.supply_ties=0", "network.consortium_prob=0", "network.platform_ties=0",
             "region.tech_contract_turnover=0", "research.spinoff_rate=0"});
  auto isolated_no_spill = isolated;
  isolated_no_spill.model.innovation.spillover_effect = 0;
  const World a = test::simulate(isolated.model, {3, 0}, 3);
  const World b = test::simulate(isolated_no_spill.model, {3, 0}, 3);
  REQUIRE(a.firms.size() == b.firms.size());
  CHECK(a.eco.network.ties.empty());
  for (std::size_t i = 0; i < a.firms.size(); ++i)
    CHECK(a.firms.productivity[i] == b.firms.productivity[i]);
}

TEST_CASE(
    "a large graph built in parallel gives each firm its neighbours in tie order, on any "
    "thread count",
    "[network]") {
  // 300,000 ties among 20,000 firms (the rebuild splits the ties when there are more than
  // 2^16 a thread): each firm's neighbour knowledge is the sum over its ties, in the order
  // the ties were added, of the partner's knowledge over the partner's degree.
  constexpr std::uint64_t kFirms = 20000;
  constexpr std::size_t kTies = 300000;
  World w;
  for (std::uint64_t id = 0; id < kFirms; ++id) {
    const std::size_t i = w.firms.add(id);
    w.firms.knowledge[i] = static_cast<float>(1.0 + static_cast<double>((id * 7919) % 1000));
  }
  std::uint64_t state = 12345;
  const auto next = [&] {  // a fixed pseudo-random sequence (LCG), skewed to low ids
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t u = state >> 33;
    return u % 3 == 0 ? u % kFirms : u % 97;
  };
  std::vector<std::pair<std::uint64_t, std::uint64_t>> added;
  while (added.size() < kTies) {
    const std::uint64_t a = next(), b = next();
    if (a == b) continue;
    added.push_back({a, b});
    w.eco.network.add(a, b, TieKind::kSupply);
  }
  std::vector<double> degree(kFirms, 0.0);
  for (const auto& [a, b] : added) {
    ++degree[a];
    ++degree[b];
  }
  std::vector<double> expected(kFirms, 0.0);
  for (const auto& [a, b] : added) {
    expected[a] += static_cast<double>(w.firms.knowledge[b]) / degree[b];
    expected[b] += static_cast<double>(w.firms.knowledge[a]) / degree[a];
  }
  for (int threads : {1, 2}) {
    INFO(threads << " thread(s)");
    CollaborationGraph g = w.eco.network;
    tbb::task_arena(threads).execute([&] { g.rebuild(w.firms, w.eco.research); });
    REQUIRE(g.ties.size() == kTies);
    std::size_t exact = 0;
    for (std::size_t i = 0; i < kFirms; ++i)
      exact += g.neighbour_knowledge(i, w.firms, w.eco.research) == expected[i];
    CHECK(exact == kFirms);  // the same sums in the same order: equal to the last bit
  }
}
