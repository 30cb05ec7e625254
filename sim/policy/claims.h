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

// Who a claim pays: a firm (its cash), a carrier or research organisation or platform (its
// budget), or a talent (income outside the model's firm accounts).
enum class Recipient : std::uint8_t { kFirm, kCarrier, kOrg, kPlatform, kTalent };

struct Claim {
  std::uint64_t firm_id = 0;  // the recipient's id (a firm id unless `to` says otherwise)
  double amount = 0;          // CNY
  double merit = 0;           // ranks claims under the "ranked" rule: higher first
  int pay_year = 0;
  Recipient to = Recipient::kFirm;
};

// Files claim `c` on `lever` (a claim of nothing is not filed). Every lever files through here.
void file_claim(World& w, Lever lever, const Claim& c);

// Pays every claim of `lever` due this year to recipients still present; returns what each
// recipient id was paid. Records the share of the claims paid in w.payout_ratio[lever].
std::vector<std::pair<std::uint64_t, double>> pay_due_claims(World& w, Lever lever,
                                                             const LeverCommon& settings);

}  // namespace innosim
