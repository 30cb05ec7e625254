// Claims on a lever, paid ex post (DOMAIN 2.5): a claim made at the end of year y is paid at
// the end of its `pay_year` (y + 1, or later for awards paid in installments), to a firm
// still alive, within the lever's budget for that year and its rationing rule. What is paid
// goes to the firm's cash and is booked in the fiscal ledger by government level.
#pragma once
#include <cstdint>
#include <vector>

#include "policy/fiscal_ledger.h"

namespace innosim {

struct World;

struct Claim {
  std::uint64_t firm_id = 0;
  double amount = 0;   // CNY
  double merit = 0;    // ranks claims under the "ranked" rule: higher first
  int pay_year = 0;
};

// Pays every claim of `lever` due this year; returns what each firm id was paid.
std::vector<std::pair<std::uint64_t, double>> pay_due_claims(World& w, Lever lever, const LeverCommon& settings);

}  // namespace innosim
