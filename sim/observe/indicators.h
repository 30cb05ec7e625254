// Statistics (BRIEF 3.3 step 10): the year's indicators, computed from the World at year
// end. Sums run over rows in id order, so they do not depend on the thread count.
#pragma once
#include "config/model_config.h"
#include "policy/fiscal_ledger.h"
#include "world.h"

namespace innosim {

// Reads the whole World; writes nothing (the step stores the result in World::indicators).
Indicators statistics(const World& w, const ModelConfig& m);

}  // namespace innosim
