// Year-end accounts of each firm: pre-tax profit (the firm's operating margin before R&D,
// less real R&D, plus lever cash received this year; relabelled "R&D" is an existing cost),
// corporate tax by policy/corporate_tax.h (super-deduction on reported R&D, losses carried
// forward), and cash (which keeps at most `firm.cash_cap_ratio` of revenue; the rest is paid
// out). Also books the region's tax expenditure: the tax forgone against the standard rate
// with R&D as an ordinary cost. Runs after the policy phase has paid the year's claims.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
// Writes each firm's profit and cash, and the tax forgone. The firms that exited during the
// year are still in the table (flagged kDead, compacted after the year end's phases) and pay
// tax on their profit up to exit.
void accounts(FirmTable& firms, YearTotals& totals, const Clock& clock, const ModelConfig& m);
}  // namespace innosim
