#include "policy/levers/talent.h"

#include "policy/claims.h"

namespace innosim {

double allowance_ratio(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const TalentAllowance& a = m.levers.talent_allowance;
  return fiscal.expected(kLeverTalentAllowance, a.common, year, a.amount) / m.talent.wage;
}

void allowance_claims(FiscalState& fiscal, TalentTable& t, int year, const ModelConfig& m) {
  const TalentAllowance& a = m.levers.talent_allowance;
  if (!a.common.active(year)) return;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.allowance_years[i] == kAllowanceDone || t.skill[i] < 1.0 - a.eligible_share) continue;
    if (t.allowance_years[i] == 0) t.allowance_years[i] = static_cast<std::uint8_t>(a.years);
    fiscal.file(kLeverTalentAllowance,
                {t.id[i], a.amount, t.skill[i], year + 1, Recipient::kTalent});
    if (--t.allowance_years[i] == 0) t.allowance_years[i] = kAllowanceDone;
  }
}

double leading_talent_offer(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const LeadingTalentFunding& lever = m.levers.leading_talent_funding;
  return fiscal.expected(kLeverLeadingTalentFunding, lever.common, year, lever.talent_amount) / 1e6;
}

void leading_talent_claims(FiscalState& fiscal, const TalentTable& t, int year,
                           const ModelConfig& m, std::size_t row, bool team) {
  const LeadingTalentFunding& lever = m.levers.leading_talent_funding;
  if (!lever.common.active(year)) return;
  const double amount = team ? lever.team_amount : lever.talent_amount;
  for (std::size_t y = 0; y < lever.schedule.size(); ++y)
    fiscal.file(kLeverLeadingTalentFunding, {t.id[row], amount * lever.schedule[y], 1.0,
                                             year + 1 + static_cast<int>(y), Recipient::kTalent});
}

}  // namespace innosim
