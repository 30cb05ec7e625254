// Money levers (docs/ODD.md 7.13): guidance_fund adds a yearly tranche of government money
// to venture funds, with the private money it levers and its stage focus, booked as the
// government's part of each deal; tech_loan has banks lend to technology firms against a
// government risk pool, whose compensation for defaulted balances is the lever's cost.
#pragma once
#include <cstddef>

#include "config/model_config.h"

namespace innosim {

struct FirmTable;
struct FiscalState;
struct YearTotals;

// Venture money available this year (private flow plus the guidance fund's tranche with its
// leverage) and the government's part of it, CNY.
struct VentureCapital {
  double total = 0;
  double government = 0;
};
VentureCapital venture_capital(const FiscalState& fiscal, int year, const ModelConfig& m);
// The stage the year's venture money looks for (the fund's focus while it invests).
Stage venture_stage(int year, const ModelConfig& m);
// Books the government's part of a deal with firm `row`.
void book_guidance_investment(FirmTable& f, FiscalState& fiscal, YearTotals& totals,
                              const ModelConfig& m, std::size_t row, double amount);
// New tech loans of the year, the banks' safest applicants first (profit margin).
void new_tech_loans(FirmTable& f, int year, const ModelConfig& m);
// Risk-pool compensation for the tech loans of firms that exited this year (before compaction).
void settle_defaults(YearTotals& totals, const FirmTable& f, const ModelConfig& m);

}  // namespace innosim
