// Innovation: each step a firm succeeds with probability 1 - exp(-zeta * R&D of the step in
// millions of CNY) (the K+S rule, Dosi et al. 2010); success raises log productivity by an
// exponential draw and yields granted invention patents (BRIEF 3.3 step 6).
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void innovation(World& w, const ModelConfig& m);
}
