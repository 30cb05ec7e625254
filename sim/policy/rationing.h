// Cutting a lever's claims down to its yearly budget. The total paid never exceeds the budget.
#pragma once
#include <vector>

#include "config/model_config.h"

namespace innosim {

// Returns what each claim is paid. `priority` orders claims for first_come (arrival order)
// and ranked (merit): the higher the priority, the earlier it is served; ties go to the
// earlier index. pro_rata scales every claim by budget / total claims.
std::vector<double> ration(const std::vector<double>& claims, const std::vector<double>& priority,
                           double budget, Rationing rule);

}  // namespace innosim
