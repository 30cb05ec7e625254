// An observed value of an indicator in a year, with its source: what a plan's target
// ([[region.targets]]) and a calibration moment ([[calibration.moments]]) both are, read one way.
#pragma once
#include <string>
#include <vector>

#include "config/binder.h"
#include "config/calibration_config.h"

namespace innosim {

// Reads indicator (a known one), year, value and source; a key outside these and
// `extra_keys` is an error located at `where`. Defined in model_schema.cpp.
Moment describe_observation(Binder& b, const toml::table& t, const std::string& where,
                            const std::vector<std::string>& extra_keys);

}  // namespace innosim
