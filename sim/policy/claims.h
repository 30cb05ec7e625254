// Claims on a lever, paid ex post (DOMAIN 2.5): a claim made at the end of year y is paid at
// the end of its `pay_year` (y + 1, or later for awards paid in installments), to a firm
// still alive, within the lever's budget for that year and its rationing rule. What is paid
// goes to the firm's cash and is booked in the fiscal ledger by government level.
#pragma once
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "agents/carrier_table.h"
#include "agents/firm_table.h"
#include "agents/research_table.h"
#include "agents/talent_table.h"
#include "core/run_key.h"
#include "policy/fiscal_ledger.h"

namespace innosim {

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

// Money given by levers to agents that are not firms (firms record it in support_year).
struct NonFirmReceipts {
  double banks = 0;     // risk-pool compensation for defaulted tech loans
  double carriers = 0;  // awards, subsidies and flying-incubator support (also on each carrier)
  double talents = 0;   // allowances and leading-talent funding
  double public_research = 0;  // fiscal_rd_growth on top of public R&D
};

template <std::size_t N = kLeverCount>
constexpr std::array<double, N> filled(double v) {
  std::array<double, N> a{};
  a.fill(v);
  return a;
}

// Lever state that outlives a year: claims filed and not yet paid, and what agents expect of
// each lever.
struct FiscalState {
  std::array<std::vector<Claim>, kLeverCount> claims;  // by lever
  // Share of the claims due that each lever paid the last time it had any (1 while its budget
  // does not bind): what agents expect a claim to be worth when they decide.
  std::array<double, kLeverCount> payout_ratio = filled(1.0);
  double guidance_committed = 0;  // government money the guidance fund has invested so far, CNY

  // What an agent expects `amount` claimed on `lever` to pay (docs/ODD.md 7.8): nothing while
  // the lever is off in `year`, else the amount at the share of claims the lever last paid.
  double expected(Lever lever, const LeverCommon& settings, int year, double amount) const {
    return settings.active(year) ? amount * payout_ratio[lever] : 0.0;
  }

  // Files claim `c` on `lever` (a claim of nothing is not filed). Every lever files here.
  void file(Lever lever, const Claim& c) {
    if (c.amount > 0) claims[lever].push_back(c);
  }
};

// The agents a claim can pay, and where money paid to others is recorded.
struct Recipients {
  FirmTable& firms;
  CarrierTable& carriers;
  ResearchTable& research;
  const TalentTable& talent;
  NonFirmReceipts& receipts;
};

// Pays every claim of `lever` due in `year` to recipients still present, within the lever's
// budget and rationing rule, and books it in `ledger`; returns what each recipient id was
// paid. Records the share of the claims paid in fiscal.payout_ratio[lever]. First-come order
// is drawn from each claimant's stream at `step`.
std::vector<std::pair<std::uint64_t, double>> pay_due_claims(FiscalState& fiscal,
                                                             FiscalLedger& ledger, Recipients to,
                                                             Lever lever,
                                                             const LeverCommon& settings,
                                                             const RunKey& key, int step, int year);

}  // namespace innosim
