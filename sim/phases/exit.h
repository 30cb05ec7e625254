// Exit (BRIEF 3.3 step 7): a hazard that falls with age and size and rises after a loss
// and while cash is negative:
//   h = exit_hazard * (1 + young_excess * exp(-age / age_scale)) * (revenue /
//   ref)^(-size_elasticity)
//       * (loss_multiplier if last year's profit < 0) * (illiquid_multiplier if cash < 0).
// A firm exits in a step with probability 1 - exp(-h dt). Exited firms are flagged and stay
// in the table, skipped by every phase, until the year closes.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Yearly exit hazard of firm `i`.
double exit_hazard(const FirmTable& f, const CarrierTable& carriers, const Clock& clock,
                   const ModelConfig& m, std::size_t i);

// Reads the carriers; flags exiting firms kDead and counts them in totals.exits.
void exit_firms(FirmTable& firms, const CarrierTable& carriers, YearTotals& totals, Now at,
                const ModelConfig& m);

}  // namespace innosim
