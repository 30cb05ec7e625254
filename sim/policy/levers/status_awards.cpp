#include "policy/levers/status_awards.h"

#include <algorithm>

#include "policy/claims.h"

namespace innosim {
namespace {

// One installment: the project it supports, up to the maximum's share.
double installment(const StatusAward& award, double rd) {
  return std::min(award.project_share * rd, award.amount / award.installments);
}

void claim_status_award(FiscalState& fiscal, const FirmTable& f, int year, Lever lever,
                        const StatusAward& award, std::size_t i) {
  if (!award.common.active(year)) return;
  for (int k = 1; k <= award.installments; ++k)
    fiscal.file(lever, {f.id[i], installment(award, f.rd_year[i]),
                        static_cast<double>(f.patents[i]), year + k});
}

}  // namespace

// First-time flags are set whether or not a lever is on, so a lever switched on later does
// not reward past certifications.
void status_award_claims(FiscalState& fiscal, FirmTable& f, int year, const ModelConfig& m,
                         std::size_t i) {
  if (f.has(i, kHnte) && !f.has(i, kEverHnte)) {
    f.set(i, kEverHnte, true);
    claim_status_award(fiscal, f, year, kLeverHnteFirstAward, m.levers.hnte_first_award, i);
  }
  if (f.has(i, kDemo) && !f.has(i, kDemoCounted)) {
    f.set(i, kDemoCounted, true);
    claim_status_award(fiscal, f, year, kLeverDemoEnterpriseAward, m.levers.demo_enterprise_award,
                       i);
  }
}

double expected_hnte_award(const ModelConfig& m, const FirmTable& f, std::size_t i, int year) {
  const StatusAward& award = m.levers.hnte_first_award;
  if (f.has(i, kEverHnte) || !award.common.active(year)) return 0.0;
  const double rd = (f.intensity[i] + f.relabel[i]) * f.revenue[i];
  return installment(award, rd) * award.installments / m.hnte.validity_years;
}

}  // namespace innosim
