// Statistics (BRIEF 3.3 step 10): the year's indicators, computed from the World at year
// end. Sums run over rows in id order, so they do not depend on the thread count.
#pragma once
#include "config/model_config.h"
#include "policy/fiscal_ledger.h"
#include "world.h"

namespace innosim {

// One cost indicator per lever, named cost_<lever>, in lever order.
inline constexpr bool cost_indicators_follow_levers() {
  if (kCostTechLoan - kCostRdPostSubsidy + 1 != kLeverCount) return false;
  for (int k = 0; k < kLeverCount; ++k)
    if (kIndicators[kCostRdPostSubsidy + k].name.substr(5) != std::string_view(kLeverNames[k]))
      return false;
  return true;
}
static_assert(cost_indicators_follow_levers(),
              "one cost indicator per lever, named after it, in lever order");

void statistics(World& w, const ModelConfig& m);
}  // namespace innosim
