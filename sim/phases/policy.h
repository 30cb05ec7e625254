// Policy (BRIEF 3.3 step 9), at year end: the R&D post-subsidy pays last year's claims
// under this year's budget (paid ex post, DOMAIN 2.5) and takes claims on this year's R&D;
// the tax expenditure of the hnte rate and the super-deduction is booked.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {
void policy(World& w, const ModelConfig& m);
}
