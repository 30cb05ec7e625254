// One step of the model: the phases in order, nothing else (BRIEF 3.3).
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void step(World& w, const ModelConfig& m);
}
