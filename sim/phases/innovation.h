// Innovation (BRIEF 3.3 step 6). Each step a performer succeeds with probability
// 1 - exp(-lambda), lambda = zeta * R&D_m * (1 + knowledge_effect * ln(1 + K_m))
//                            + spillover_effect * (mean R&D per firm of its sector)_m,
// with R&D_m the firm's real R&D of the step and K_m its R&D capital, in millions of CNY
// (the K+S rule of Dosi et al. 2010, with a knowledge stock and intra-sector spillovers).
// Success raises log productivity by an exponential draw and yields invention patent
// applications, a share of them granted.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Probability that firm `i` innovates in this step.
double innovation_probability(const FirmTable& f, const Ecosystem& eco, const ModelConfig& m,
                              std::size_t i);

// Reads the network and research organisations (spillovers, eco); writes firms' productivity,
// patents and innovation flags.
void innovation(FirmTable& f, const Ecosystem& eco, Now at, const ModelConfig& m);

}  // namespace innosim
