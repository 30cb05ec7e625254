// Policy (BRIEF 3.3 step 9), at year end: each lever paid by claims pays those due this year
// within its budget (policy/claims.h), then firms file new claims on the year just completed.
// The levers' own rules are in policy/levers/<family>.cpp (the registry names each family).
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {

// Reads the firms' year; writes payments to every recipient (firms, carriers, organisations,
// platforms, talents), the ledger and receipts (totals), claims and payout shares (fiscal).
void policy(World& w, const ModelConfig& m);

}  // namespace innosim
