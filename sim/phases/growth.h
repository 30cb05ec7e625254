// Growth: log revenue moves with productivity relative to the mean (market shares shift
// toward the more productive) plus a fat-tailed Laplace shock (BRIEF 3.3 step 7). Revenue
// and R&D spending of the step are booked into the year's totals.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void growth(World& w, const ModelConfig& m);
}
