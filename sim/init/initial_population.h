// Synthesises the base-year population from the region preset (BRIEF 3.5): firm revenues
// from a Pareto distribution whose lower bound puts the preset's share of industrial firms
// above the 20M CNY line; exactly `hntes` certified and `tech_smes` registered firms; R&D
// intensities scaled so that business R&D matches the preset; firms' value added scaled so
// that it is the preset's share of GDP. Leaves the World at the base year's end, with the
// base year's statistics computed.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
World initial_population(const ModelConfig& m, RunKey key);
}
