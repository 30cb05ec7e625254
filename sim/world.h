// Everything that changes during one replicate: the agents, the clock, the year's
// accumulators and the fiscal ledger. The frozen configuration is a separate `const
// ModelConfig&`; the pair (World&, const ModelConfig&) is what every phase receives.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/firm_table.h"
#include "observe/indicator_catalog.h"
#include "policy/claims.h"
#include "policy/fiscal_ledger.h"

namespace innosim {

// Identifies the random streams of one replicate.
struct RunKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
};

struct World {
  RunKey key;
  FirmTable firms;
  FirmTable exited;  // the last year's exits, with their flows up to exit (moved at year end, cleared when a year opens)
  std::uint64_t next_firm_id = 0;

  int step = 0;        // steps since the start of the first simulated year
  int year = 0;        // calendar year of the current step
  int substep = 0;     // 0 .. steps_per_year-1 within the year

  double value_added_ratio = 0;   // calibrated at initialisation: firm VA / revenue
  double gdp_other = 0;           // non-simulated GDP this year, CNY
  double public_rd = 0;           // non-business R&D this year, CNY
  double public_rd_no_lever = 0;  // the same without fiscal_rd_growth, CNY
  double public_rd_extra = 0;     // what fiscal_rd_growth adds this year, within its budget, CNY
  std::vector<double> sector_productivity;  // mean log productivity by sector, start of step
  std::vector<double> sector_rd;            // mean real R&D per firm by sector last step, CNY

  // Accumulated over the current year.
  double entries = 0;
  double exits = 0;
  double tax_expenditure = 0;
  double relocations = 0;
  FiscalLedger ledger;
  std::array<std::vector<Claim>, kLeverCount> pending;

  std::array<double, kIndicatorCount> indicators{};  // last computed year
};

}  // namespace innosim
