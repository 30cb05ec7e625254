// Growth (BRIEF 3.3 step 7): log revenue moves with the sector's drift and with productivity
// relative to the sector mean (market shares shift toward the more productive), plus a
// fat-tailed Laplace shock. The step's revenue and R&D (real and reported) are booked into
// the year's totals, and real R&D accumulates into the firm's knowledge stock.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {
// Reads the carriers (tenants grow faster) and the sector means; writes the firms' revenue,
// the year's revenue and R&D flows and their knowledge.
void growth(FirmTable& firms, const CarrierTable& carriers, const Macro& macro, Now at,
            const ModelConfig& m);
}  // namespace innosim
