// A preset scaled to another number of firms, as --set overrides: every count and money stock
// of the region in proportion, its organisations and carriers as they are. For measuring how
// the cost grows with size (innosim bench --firms, bench/, the large determinism test).
#pragma once
#include <string>
#include <vector>

#include "config/model_config.h"

namespace innosim {

std::vector<std::string> scaled_region_sets(const ModelConfig& m, double firms);

}  // namespace innosim
