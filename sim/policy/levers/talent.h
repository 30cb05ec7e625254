// Talent levers (docs/ODD.md 7.11): talent_allowance pays the most skilled R&D talents a
// yearly living allowance for a few years (it lowers their outflow and draws inflow);
// leading_talent_funding funds each recognised leading talent or team in installments.
#pragma once
#include <cstddef>

#include "config/model_config.h"

namespace innosim {

struct TalentTable;
struct FiscalState;

// The allowance a talent expects, over the wage.
double allowance_ratio(const FiscalState& fiscal, int year, const ModelConfig& m);
// Allowance claims of the year; counts down each recipient's years (talent flows, year end).
void allowance_claims(FiscalState& fiscal, TalentTable& t, int year, const ModelConfig& m);
// The funding a leading talent expects, million CNY, and the installment claims of the
// leading talent in talent row `row` (with a team or not).
double leading_talent_offer(const FiscalState& fiscal, int year, const ModelConfig& m);
void leading_talent_claims(FiscalState& fiscal, const TalentTable& t, int year,
                           const ModelConfig& m, std::size_t row, bool team);

}  // namespace innosim
