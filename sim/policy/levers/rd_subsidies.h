// R&D subsidy levers (docs/ODD.md 7.8): rd_post_subsidy (rate x total or incremental R&D of
// eligible firms, capped), above_scale_first_award (rate x the year's R&D on first crossing
// the above-scale line, capped), sme_project_grant (competitive grants to tech SMEs that
// apply, ranked by R&D intensity, spent on R&D in proportion to their additionality).
#pragma once
#include <cstddef>
#include <cstdint>

#include "config/model_config.h"
#include "policy/lever.h"

namespace innosim {

struct FirmTable;
struct FiscalState;
struct Now;

// Post-subsidy rate firm `i` expects on its R&D of `year` (the price channel of the user cost):
// the lever's rate if the firm is eligible and its planned claim is below the cap, else 0.
double expected_subsidy_rate(const RdPostSubsidy& lever, const FirmTable& f, std::size_t i,
                             int year);
// Firm `i`'s claims on the year just completed; marks its first year above scale.
void rd_subsidy_claims(FiscalState& fiscal, FirmTable& f, Now at, const ModelConfig& m,
                       std::size_t i);
// What a claim paid to firm `firm_id` does besides the cash: project grants are spent on R&D, in
// part.
void rd_subsidy_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                     double amount);

}  // namespace innosim
