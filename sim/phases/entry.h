// Entry: new firms appear at a rate proportional to the population (BRIEF 3.3 step 1).
#pragma once
#include "config/model_config.h"
#include "core/random.h"
#include "world.h"

namespace innosim {

void entry(World& w, const ModelConfig& m);

// Draws the traits every new firm needs (sector flags, high-tech revenue share, latent R&D
// intensity, R&D activity); shared by entry and the initial population.
void draw_firm_traits(FirmTable& f, std::size_t row, Stream& s, const ModelConfig& m);

}  // namespace innosim
