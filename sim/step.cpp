#include "step.h"

#include <chrono>

#include "observe/indicators.h"
#include "phases/accounts.h"
#include "phases/certification.h"
#include "phases/collaboration.h"
#include "phases/entry.h"
#include "phases/exit.h"
#include "phases/finance.h"
#include "phases/growth.h"
#include "phases/incubation.h"
#include "phases/innovation.h"
#include "phases/phase_context.h"
#include "phases/policy.h"
#include "phases/rd_decision.h"
#include "phases/research.h"
#include "phases/talent_market.h"
#include "policy/levers/attraction.h"
#include "policy/levers/money.h"

namespace innosim {
namespace {

void advance_clock(World& w, const ModelConfig& m) {
  ++w.clock.step;
  if (++w.clock.substep == m.time.steps_per_year) {
    w.clock.substep = 0;
    ++w.clock.year;
  }
}

// Sector means the phases compare firms with: log productivity weighted by revenue (the
// market-share-weighted mean of replicator dynamics, so that selection moves shares without
// creating output: sum of s_i (a_i - mean) = 0). Sequential sums, in row order.
void sector_means(World& w, const ModelConfig& m) {
  const std::size_t n = m.region.sectors.size();
  std::vector<double> productivity(n, 0.0), revenue(n, 0.0);
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    productivity[f.sector[i]] += f.productivity[i] * f.revenue[i];
    revenue[f.sector[i]] += f.revenue[i];
  }
  for (std::size_t k = 0; k < n; ++k)
    if (revenue[k] > 0) w.macro.sector_productivity[k] = productivity[k] / revenue[k];
}

// Rolls the year's flows into the history and opens the next year's accounts.
void open_year(World& w, const ModelConfig& m) {
  w.firms.open_year();
  w.exited.clear();
  w.eco.open_year();
  w.totals.reset();
  w.handoffs.emigrants.clear();
  w.macro.gdp_other *= 1.0 + m.region.gdp_growth;
  open_year_public_rd(w.macro, w.clock.year, m);
}

// Runs `phase` and, with `times`, adds its wall time.
template <class F>
void timed(PhaseTimes* times, Phase phase, F run) {
  if (!times) return run();
  const auto t0 = std::chrono::steady_clock::now();
  run();
  times->seconds[phase] +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

void step(World& w, const ModelConfig& m, PhaseTimes* times) {
  advance_clock(w, m);
  if (w.clock.substep == 0) open_year(w, m);
  timed(times, kPhaseSectorMeans, [&] { sector_means(w, m); });
  const Now at = now(w);
  timed(times, kPhaseEntry, [&] {
    entry({w.firms, w.next_firm_id, w.eco, w.handoffs, w.totals, w.fiscal}, w.macro, at, m);
  });
  timed(times, kPhaseGrowth, [&] { growth(w.firms, w.eco.carriers, w.macro, at, m); });
  timed(times, kPhaseInnovation, [&] { innovation(w.firms, w.eco, at, m); });
  timed(times, kPhaseExit, [&] { exit_firms(w.firms, w.eco.carriers, w.totals, at, m); });
  timed(times, kPhaseIncubation, [&] { incubation(w.firms, w.eco.carriers, at, m); });
  if (!year_end(w, m)) return;
  timed(times, kPhaseCertification, [&] {
    const HnteRound round = certification(w.firms, at, m);
    w.totals.hnte_certified = static_cast<double>(round.certified);
    w.totals.hnte_first_certified = static_cast<double>(round.first);
    w.totals.hnte_lapsed = static_cast<double>(round.lapsed);
  });
  timed(times, kPhasePolicy, [&] { policy(w.firms, w.eco, w.fiscal, w.totals, w.macro, at, m); });
  timed(times, kPhaseAccounts, [&] { accounts(w.firms, w.totals, w.clock, m); });
  timed(times, kPhaseCarriers, [&] {
    carriers_year_end(w.eco.carriers, w.firms, w.fiscal, w.handoffs, w.eco.east_link, at, m);
  });
  timed(times, kPhaseResearch,
        [&] { research_year_end(w.eco, w.firms, w.fiscal, w.totals, w.handoffs, w.macro, at, m); });
  timed(times, kPhaseFinance, [&] { finance_year_end(w.firms, w.totals, w.fiscal, at, m); });
  timed(times, kPhaseDefaults, [&] { settle_defaults(w.totals, w.firms, m); });
  timed(times, kPhaseTalentFlows,
        [&] { talent_flows(w.eco, w.totals, w.handoffs, w.fiscal, at, m); });
  timed(times, kPhaseStatistics, [&] { w.indicators = statistics(w, m); });
  timed(times, kPhaseRdDecision, [&] { rd_decision(w.firms, w.fiscal, at, m); });
  timed(times, kPhaseTalentMatching, [&] {
    w.eco.talent_tightness = match_talent(w.eco.talent, w.firms, w.eco.research, at, m);
  });
  // One compaction a year: the year's exits move out of the live table, and the network
  // is rebuilt over what remains.
  timed(times, kPhaseCompaction, [&] {
    if (w.keep_exits)
      w.firms.move_dead_to(w.exited);
    else
      w.firms.drop_dead();
  });
  timed(times, kPhaseNetwork,
        [&] { collaboration_year_end(w.eco, w.firms, w.fiscal, w.next_firm_id, at, m); });
}

}  // namespace innosim
