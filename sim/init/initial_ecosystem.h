// The base-year ecosystem (BRIEF 3.5): carriers by kind and level with tenants among the
// young firms, universities, institutes and platforms sharing public R&D, R&D personnel and
// leading talents as individuals and the rest of the talent stock as a pool, the east hub's
// cooperation inflow, and the calibration of technology transfer to the preset's turnover.
// Called by initial_population once the firms exist and public R&D is known.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void initial_ecosystem(World& w, const ModelConfig& m);
}
