// Money paid by levers in the current year, by lever and by level of government.
#pragma once
#include <array>

#include "config/model_config.h"
#include "policy/lever.h"

namespace innosim {

struct FiscalLedger {
  std::array<std::array<double, kGovLevels>, kLeverCount> cost{};  // by lever and level
  std::array<double, kLeverCount>
      paid{};  // by lever: exactly what was paid, never re-summed from the split

  // Books `amount` paid by `lever`, split between levels by the lever's cost shares.
  void book(Lever lever, double amount, const LeverCommon& settings) {
    paid[lever] += amount;
    for (int l = 0; l < kGovLevels; ++l) cost[lever][l] += amount * settings.cost_share[l];
  }
  double lever_total(Lever lever) const { return paid[lever]; }
  double total() const {
    double s = 0;
    for (int k = 0; k < kLeverCount; ++k) s += lever_total(static_cast<Lever>(k));
    return s;
  }
};

}  // namespace innosim
