// Status awards (docs/ODD.md 7.8): hnte_first_award and demo_enterprise_award support a project
// a year on first reaching the status: each installment pays project_share of the firm's R&D
// that year, up to amount / installments (the documents give only the maximum, 最高).
#pragma once
#include <cstddef>

#include "config/model_config.h"

namespace innosim {

struct FirmTable;
struct FiscalState;

// Firm `i`'s award claims on the year just completed; marks first certifications.
void status_award_claims(FiscalState& fiscal, FirmTable& f, int year, const ModelConfig& m,
                         std::size_t i);
// What a first hnte certificate in `year` is worth to firm `i` a year of its validity, CNY
// (the bunching decision's award term).
double expected_hnte_award(const ModelConfig& m, const FirmTable& f, std::size_t i, int year);

}  // namespace innosim
