// The yearly R&D decision (BRIEF 3.3 step 5), taken at year end for the next year.
// 1. Desired real intensity = latent * (user_cost / reference_user_cost)^elasticity, capped by
//    `rd.max_intensity`; the chosen intensity closes `rd.adjustment_speed` of the gap a year.
// 2. Liquidity: real R&D cannot exceed cash plus the year's operating profit.
// 3. Bunching (Chen, Liu, Suarez Serrato & Xu, AER 2021): a firm that will need an hnte
//    certificate next year and otherwise qualifies, but whose R&D is below its band's
//    threshold, compares the yearly tax saving (and any first-certification award) with the
//    cost of reaching the threshold: for the share it really adds, the loss from moving off
//    its optimal R&D (second order near the optimum, the envelope argument behind bunching
//    estimators); `rd.relabel_cost` per yuan for the share it relabels
//    (`rd.relabel_gap_share`). If the expected gain is larger it reports just above the
//    threshold.
// 4. Persistence: performers stop and non-performers start at fixed yearly rates (Peters
//    2009); certified firms and grant holders do not stop.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Loss, per yuan of revenue, of spending intensity `chosen` instead of the optimum, for a
// firm whose R&D has constant user-cost elasticity `elasticity` at user cost `u`.
double optimum_departure_cost(double optimum, double chosen, double u, double elasticity);

// (user_cost / reference_user_cost)^elasticity for firm `i` in `year`.
double user_cost_factor(const FirmTable& f, const FiscalState& fiscal, const ModelConfig& m,
                        std::size_t i, int year);

// The same factor for a firm with no status and no subsidy (an entrant's, a non-performer's).
double plain_user_cost_factor(const ModelConfig& m, int year);

// Desired real R&D intensity of firm `i` for `year` under the current policy.
double desired_intensity(const FirmTable& f, const FiscalState& fiscal, const ModelConfig& m,
                         std::size_t i, int year);

// The real and relabelled intensities firm `i` chooses if it bunches at the hnte threshold
// `next_year`, or {intensity, 0} if it does not. `funds` caps real R&D (CNY).
struct RdChoice {
  double real = 0;
  double relabel = 0;
};
RdChoice bunching_choice(const FirmTable& f, int next_year, const ModelConfig& m, std::size_t i,
                         double intensity, double funds);

// Reads the clock and the levers' payout shares (fiscal); writes firms' R&D intensity,
// relabelling and R&D status for next year.
void rd_decision(FirmTable& f, const FiscalState& fiscal, Now at, const ModelConfig& m);

}  // namespace innosim
