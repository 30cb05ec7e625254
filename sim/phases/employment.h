// Employees of a firm, from its revenue (docs/ODD.md 7.3): revenue per employee rises with
// size, rpe(r) = firm.revenue_per_employee (r / 20M)^firm.revenue_per_employee_elasticity, so
// small firms employ more people per yuan than large ones.
#pragma once
#include <algorithm>
#include <cmath>

#include "config/model_config.h"

namespace innosim {

inline double revenue_per_employee(const FirmParams& p, double revenue) {
  return p.revenue_per_employee *
         std::pow(std::max(revenue, 1.0) / kAboveScaleRevenue, p.revenue_per_employee_elasticity);
}

inline double employees(const FirmParams& p, double revenue) {
  return revenue / revenue_per_employee(p, revenue);
}

}  // namespace innosim
