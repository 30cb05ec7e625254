// Money paid by levers in the current year, by lever and by level of government.
#pragma once
#include <array>

#include "config/model_config.h"

namespace innosim {

enum Lever : int { kLeverRdPostSubsidy, kLeverCount };
inline constexpr std::array<const char*, kLeverCount> kLeverNames = {"rd_post_subsidy"};

struct FiscalLedger {
  std::array<std::array<double, kGovLevels>, kLeverCount> cost{};

  // Books `amount` paid by `lever`, split between levels by the lever's cost shares.
  void book(Lever lever, double amount, const LeverCommon& settings) {
    for (int l = 0; l < kGovLevels; ++l) cost[lever][l] += amount * settings.cost_share[l];
  }
  double lever_total(Lever lever) const {
    double s = 0;
    for (double c : cost[lever]) s += c;
    return s;
  }
  double total() const {
    double s = 0;
    for (int k = 0; k < kLeverCount; ++k) s += lever_total(static_cast<Lever>(k));
    return s;
  }
};

}  // namespace innosim
