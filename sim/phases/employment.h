// Employees of a firm, from its revenue (docs/ODD.md 2): revenue per employee rises with
// size, rpe(r) = firm.revenue_per_employee (r / 20M)^firm.revenue_per_employee_elasticity, so
// small firms employ more people per yuan than large ones.
#pragma once
#include <cmath>

#include "config/model_config.h"

namespace innosim {

inline double revenue_per_employee(const FirmParams& p, double revenue) {
  return p.revenue_per_employee * std::pow(size_ratio(revenue), p.revenue_per_employee_elasticity);
}

inline double employees(const FirmParams& p, double revenue) {
  return revenue / revenue_per_employee(p, revenue);
}

}  // namespace innosim
