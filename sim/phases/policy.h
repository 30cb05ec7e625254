// Policy (BRIEF 3.3 step 9), at year end. Each lever pays the claims due this year within
// its budget (policy/claims.h) and takes new claims on the year just completed:
// - rd_post_subsidy: rate x (total or incremental) R&D of eligible firms, capped;
// - hnte_first_award, demo_enterprise_award: an amount on first reaching the status, in
// installments;
// - above_scale_first_award: rate x the year's R&D on first crossing the above-scale line, capped;
// - sme_project_grant: competitive grants to tech SMEs that apply, ranked by R&D intensity;
//   a grant is spent on R&D next year in proportion to its additionality;
// - fiscal_rd_growth: the extra public R&D over its no-lever path (set when the year opens);
// - attraction_multipliers: incentives claimed when certified firms relocate in (entry phase).
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {

void policy(World& w, const ModelConfig& m);

// Public R&D for the year that opens, under fiscal_rd_growth; advances the no-lever path.
void open_year_public_rd(World& w, const ModelConfig& m);

}  // namespace innosim
