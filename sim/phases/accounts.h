// Year-end accounts of each firm: pre-tax profit (operating margin less real R&D; relabelled
// "R&D" is an existing cost), corporate tax after the R&D super-deduction on reported R&D
// at the firm's rate, and cash (which keeps at most `firm.cash_cap_ratio` of revenue; the
// rest is paid out). Also books the region's tax expenditure: the tax forgone against the
// standard rate with R&D as an ordinary cost; loss-making firms get no benefit.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
// Writes each firm's (and each exited firm's) profit and cash, and the tax forgone.
void accounts(FirmTable& firms, FirmTable& exited, YearTotals& totals, const Clock& clock,
              const ModelConfig& m);
}  // namespace innosim
