#include "policy/claims.h"

#include <algorithm>

#include "core/random.h"
#include "policy/rationing.h"

namespace innosim {
namespace {

// Whether the recipient of `c` is still there to be paid.
bool present(const Recipients& to, const Claim& c) {
  switch (c.to) {
    case Recipient::kFirm: {
      const std::int64_t row = to.firms.find(c.firm_id);
      return row >= 0 &&
             !to.firms.has(static_cast<std::size_t>(row), kDead);  // firms that exited are not paid
    }
    case Recipient::kCarrier: {
      const Carrier* carrier = to.carriers.find(static_cast<std::uint32_t>(c.firm_id));
      return carrier && !carrier->closed;
    }
    case Recipient::kOrg:
      return to.research.org_row(static_cast<std::uint32_t>(c.firm_id)) >= 0;
    case Recipient::kPlatform:
      return to.research.platform_row(static_cast<std::uint32_t>(c.firm_id)) >= 0;
    case Recipient::kTalent:
      return std::binary_search(to.talent.id.begin(), to.talent.id.end(), c.firm_id);
  }
  return false;
}

void credit(Recipients& to, const Claim& c, double amount) {
  switch (c.to) {
    case Recipient::kFirm: {
      const auto row = static_cast<std::size_t>(to.firms.find(c.firm_id));
      to.firms.cash[row] += static_cast<float>(amount);
      to.firms.support_year[row] += static_cast<float>(amount);
      to.firms.subsidy_year[row] += static_cast<float>(amount);
      break;
    }
    case Recipient::kCarrier: {
      Carrier& carrier = *to.carriers.find(static_cast<std::uint32_t>(c.firm_id));
      carrier.received += amount;
      to.receipts.carriers += amount;
      break;
    }
    case Recipient::kOrg:
      to.research
          .orgs[static_cast<std::size_t>(
              to.research.org_row(static_cast<std::uint32_t>(c.firm_id)))]
          .received += amount;
      break;
    case Recipient::kPlatform:
      to.research
          .platforms[static_cast<std::size_t>(
              to.research.platform_row(static_cast<std::uint32_t>(c.firm_id)))]
          .received += amount;
      break;
    case Recipient::kTalent:
      to.receipts.talents += amount;
      break;
  }
}

}  // namespace

std::vector<std::pair<std::uint64_t, double>> pay_due_claims(
    FiscalState& fiscal, FiscalLedger& ledger, Recipients to, Lever lever,
    const LeverCommon& settings, const RunKey& key, int step, int year) {
  auto& pending = fiscal.claims[lever];
  std::vector<Claim> due, later;
  std::vector<double> claims, priority;
  for (const Claim& c : pending) {
    if (c.pay_year > year) {
      later.push_back(c);
      continue;
    }
    if (!present(to, c)) continue;
    due.push_back(c);
    claims.push_back(c.amount);
    if (settings.rationing == Rationing::kFirstCome) {  // random arrival order, keyed by lever
      Stream s(key.seed, key.stream(), c.firm_id, static_cast<std::uint32_t>(step),
               Purpose::kRationing, static_cast<std::uint16_t>(lever));
      priority.push_back(s.uniform());
    } else {
      priority.push_back(c.merit);
    }
  }
  pending = std::move(later);
  const auto paid = ration(claims, priority, settings.budget, settings.rationing);
  double claimed = 0, granted = 0;
  for (std::size_t k = 0; k < paid.size(); ++k) claimed += claims[k], granted += paid[k];
  if (claimed > 0) fiscal.payout_ratio[lever] = granted / claimed;
  std::vector<std::pair<std::uint64_t, double>> out;
  double total = 0;
  for (std::size_t k = 0; k < paid.size(); ++k) {
    total += paid[k];
    credit(to, due[k], paid[k]);
    out.emplace_back(due[k].firm_id, paid[k]);
  }
  ledger.book(lever, total, settings);
  return out;
}

}  // namespace innosim
