// Exit: a hazard that falls with age and size (BRIEF 3.3 step 7):
//   h = exit_hazard * (1 + young_excess * exp(-age / age_scale)) * (revenue / ref)^(-size_elasticity)
// A firm exits in a step with probability 1 - exp(-h dt). Exited firms are flagged and
// removed at the end of the step.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void exit_firms(World& w, const ModelConfig& m);
}
