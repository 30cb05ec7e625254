// Every lever: switched off it costs exactly nothing; on, it never pays more
// in a year than its budget, under every rationing rule.
#include <catch2/catch.hpp>
#include <cmath>

#include "policy/fiscal_ledger.h"
#include "run/replicate.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {

// All levers on, generously, so that each one pays something in a small region.
std::vector<std::string> all_levers_on(const std::string& rationing, const std::string& budget) {
  std::vector<std::string> sets;
  for (const char* lever : kLeverNames) {
    const std::string p = std::string("levers.") + lever + ".";
    sets.insert(sets.end(), {p + "enabled=true", p + "start_year=2022",
                             p + "rationing=" + rationing, p + "budget=" + budget});
  }
  // fiscal_rd_growth adds only what exceeds the region's own public R&D growth (10%).
  sets.insert(sets.end(), {"levers.rd_post_subsidy.eligible=rd_active",
                           "levers.attraction_multipliers.incentive_per_firm=1e5",
                           "levers.fiscal_rd_growth.rate=0.2", "demo_enterprise.min_patents=0",
                           // enough chain leaders in a small region for consortia to form
                           "network.leader_min_revenue=1e7", "network.consortium_prob=0.5"});
  return sets;
}

ReplicateResult run(std::vector<std::string> sets, std::uint64_t rep = 0) {
  auto c = test::scaled(8000, std::move(sets));
  c.model.time.end_year = 2026;
  return run_replicate(c.model, {41, rep});
}

double cost(const ReplicateResult& r, std::size_t t, int lever) {
  return r.indicators[t * kIndicatorCount + kLeverCostBegin + lever];
}

}  // namespace

TEST_CASE("each lever on pays something and switched off costs exactly zero", "[levers]") {
  const auto sets = all_levers_on("pro_rata", "inf");
  const ReplicateResult on = run(sets);
  const std::size_t years = on.indicators.size() / kIndicatorCount;
  for (int lever = 0; lever < kLeverCount; ++lever) {
    double paid = 0;
    for (std::size_t t = 1; t < years; ++t) paid += cost(on, t, lever);
    INFO(kLeverNames[lever] << " paid " << paid);
    CHECK(paid > 0);
    auto without = sets;
    without.push_back(std::string("levers.") + kLeverNames[lever] + ".enabled=false");
    const ReplicateResult off = run(without);
    for (std::size_t t = 1; t < years; ++t) {
      CHECK(cost(off, t, lever) == 0.0);
      for (int level = 0; level < kGovLevels; ++level)
        CHECK(off.fiscal[(t * kLeverCount + lever) * kGovLevels + level] == 0.0);
    }
  }
}

TEST_CASE("no lever pays more than its yearly budget under any rationing rule", "[levers]") {
  const double budget = 2e5;  // small enough to bind for every lever
  for (const std::string rule : {"pro_rata", "first_come", "ranked"}) {
    const auto sets = all_levers_on(rule, std::to_string(budget));
    const ReplicateResult r = run(sets, 1);
    const std::size_t years = r.indicators.size() / kIndicatorCount;
    int binding = 0;
    for (int lever = 0; lever < kLeverCount; ++lever)
      for (std::size_t t = 1; t < years; ++t) {
        INFO(rule << " " << kLeverNames[lever] << " year " << t);
        CHECK(cost(r, t, lever) <= budget * (1 + 1e-12));  // up to the rounding of a sum
        binding += cost(r, t, lever) == Approx(budget).epsilon(1e-9);
      }
    CHECK(binding >= 5);  // the budgets did bind, so the check above tested the rationing
  }
}
