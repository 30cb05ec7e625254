// The yearly R&D decision (BRIEF 3.3 step 5), taken at year end for the next year. A firm's
// desired intensity is its latent intensity scaled by the user cost of R&D relative to the
// no-policy user cost, to the power of the price elasticity:
//   desired = latent * (user_cost / reference_user_cost)^elasticity, capped by max_intensity;
// the chosen intensity closes a share `adjustment_speed` of the gap each year. Performers
// stop and non-performers start at fixed yearly rates (R&D persistence, Peters 2009);
// certified firms (hnte, tech_sme) do not stop, since their status rests on their R&D.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {

// (user_cost / reference_user_cost)^elasticity for firm `i` in `year`.
double user_cost_factor(const World& w, const ModelConfig& m, std::size_t i, int year);

// Desired R&D intensity of firm `i` for `year` under the current policy.
double desired_intensity(const World& w, const ModelConfig& m, std::size_t i, int year);

void rd_decision(World& w, const ModelConfig& m);

}  // namespace innosim
