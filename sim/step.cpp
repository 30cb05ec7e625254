#include "step.h"

#include "phases/certification.h"
#include "phases/entry.h"
#include "phases/exit.h"
#include "phases/growth.h"
#include "phases/innovation.h"
#include "phases/phase_context.h"
#include "phases/policy.h"
#include "phases/rd_decision.h"
#include "phases/statistics.h"

namespace innosim {
namespace {

void advance_clock(World& w, const ModelConfig& m) {
  ++w.step;
  if (++w.substep == m.time.steps_per_year) {
    w.substep = 0;
    ++w.year;
  }
}

double mean_productivity(const FirmTable& f) {
  double sum = 0;
  for (float p : f.productivity) sum += p;
  return f.size() ? sum / static_cast<double>(f.size()) : 0.0;
}

// Rolls the year's totals into the three-year history and starts the next year's accounts.
void close_year(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    for (int h = kHistoryYears - 1; h > 0; --h) {
      f.rd_hist[h][i] = f.rd_hist[h - 1][i];
      f.revenue_hist[h][i] = f.revenue_hist[h - 1][i];
    }
    f.rd_hist[0][i] = static_cast<float>(f.rd_year[i]);
    f.revenue_hist[0][i] = static_cast<float>(f.revenue_year[i]);
    f.rd_year[i] = 0;
    f.revenue_year[i] = 0;
  }
  w.entries = w.exits = w.tax_expenditure = 0;
  w.ledger = FiscalLedger{};
  w.gdp_other *= 1.0 + m.region.gdp_growth;
  w.public_rd *= 1.0 + m.region.public_rd_growth;
}

}  // namespace

void step(World& w, const ModelConfig& m) {
  advance_clock(w, m);
  if (w.substep == 0) close_year(w, m);
  w.mean_productivity = mean_productivity(w.firms);
  entry(w, m);
  growth(w, m);
  innovation(w, m);
  exit_firms(w, m);
  if (year_end(w, m)) {
    certification(w, m);
    policy(w, m);
    statistics(w, m);
    rd_decision(w, m);
  }
  w.firms.remove_dead();
}

}  // namespace innosim
