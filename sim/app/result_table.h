// The short table `innosim run` prints: each indicator at the base and last year (median and
// 5-95% band over replicates) per scenario, the effects against the reference scenario, each
// target with its odds, the cumulative costs and the cost-effectiveness of each scenario.
#pragma once
#include <ostream>

#include "run/ensemble.h"
#include "run/summary.h"

namespace innosim {

// A value in its unit, readable at a glance: CNY in billions, % with two decimals.
std::string format_value(double value, std::string_view unit);
// A difference, signed: percentage points for a % indicator ("+0.042 pp").
std::string format_effect(double value, std::string_view unit);

// `uncertainty`: what the spread between replicates is made of (run/parameter_draws.h).
void print_result_table(std::ostream& out, const EnsembleResult& r, const Summary& s,
                        const std::string& uncertainty);

}  // namespace innosim
