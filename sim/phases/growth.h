// Growth (BRIEF 3.3 step 7): log revenue moves with the sector's drift and with productivity
// relative to the sector mean (market shares shift toward the more productive), plus a
// fat-tailed Laplace shock. The step's revenue and R&D (real and reported) are booked into
// the year's totals, and real R&D accumulates into the firm's knowledge stock.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void growth(World& w, const ModelConfig& m);
}
