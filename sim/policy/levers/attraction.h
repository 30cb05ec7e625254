// Attraction levers (docs/ODD.md 7.8): attraction_multipliers credit the arrival of certified
// firms (more relocations of a type, and a cash incentive per certified firm that relocates
// in); fiscal_rd_growth guarantees public R&D a yearly growth rate (刚性增长), booked as the
// public R&D above its no-lever path.
#pragma once
#include <cstddef>

#include "config/model_config.h"

namespace innosim {

struct FirmTable;
struct FiscalState;
struct Macro;
struct YearTotals;

// Relocation intensity multiplier of a type under the attraction lever in `year`.
double attraction_factor(const AttractionMultipliers& lever, int year, double multiplier);
// The incentive claim of a certified firm that relocated in (row `row`).
void relocation_incentive_claim(FiscalState& fiscal, const FirmTable& f, int year,
                                const ModelConfig& m, std::size_t row);
// Public R&D for the year that opens, under fiscal_rd_growth; advances the no-lever path.
void open_year_public_rd(Macro& macro, int year, const ModelConfig& m);
// Books the year's extra public R&D (at year end).
void book_fiscal_rd_growth(YearTotals& totals, const Macro& macro, int year, const ModelConfig& m);

}  // namespace innosim
