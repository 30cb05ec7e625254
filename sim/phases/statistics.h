// Statistics (BRIEF 3.3 step 10): the year's indicators, computed from the World at year
// end. Sums run over rows in id order, so they do not depend on the thread count.
#pragma once
#include "config/model_config.h"
#include "world.h"

static_assert(innosim::kCostFiscalRdGrowth - innosim::kCostRdPostSubsidy + 1 == innosim::kLeverCount,
              "one cost indicator per lever, in lever order");

namespace innosim {
void statistics(World& w, const ModelConfig& m);
}
