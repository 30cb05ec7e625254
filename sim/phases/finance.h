// Money for young and technology firms (BRIEF 3.3 step 4), at year end. Venture funds,
// private and guidance-fund backed, screen young firms on signals (patents, growth,
// tenancy, tech SME status, recent innovation) with error and invest in the best; the
// guidance fund adds its yearly tranche and the private money it levers. Banks lend tech
// loans against the government risk pool, are repaid with interest, and are compensated
// for part of what firms that exit still owe. Money relaxes the liquidity cap on R&D.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Reads the firms' signals; writes their cash, loans and venture flags, venture money (totals)
// and the guidance fund's outlays (ledger, fiscal).
void finance_year_end(FirmTable& f, YearTotals& totals, FiscalState& fiscal, Now at,
                      const ModelConfig& m);

}  // namespace innosim
