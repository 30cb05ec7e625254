#include "policy/levers/research.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {

double transfer_cost_factor(const FiscalState& fiscal, int year, const ModelConfig& m,
                            bool with_university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  double rate = fiscal.expected(kLeverTechTransferSupport, tt.common, year, tt.rate);
  if (with_university)
    rate += fiscal.expected(kLeverUniversityCooperationAward, coop.common, year, coop.rate);
  return std::pow(std::max(m.research.min_net_cost, 1.0 - rate),
                  m.research.transfer_price_elasticity);
}

void contract_claims(FiscalState& fiscal, const FirmTable& f, int year, const ModelConfig& m,
                     std::size_t row, double value, bool university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  const std::uint64_t id = f.id[row];
  if (tt.common.active(year))
    fiscal.file(kLeverTechTransferSupport,
                {id, std::min(tt.rate * value, tt.cap), value, year + 1});
  if (university && coop.common.active(year))
    fiscal.file(kLeverUniversityCooperationAward,
                {id, std::min(coop.rate * value, coop.cap), value, year + 1});
}

double scaleup_expected_rate(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  return fiscal.expected(kLeverPilotScaleupSupport, lever.common, year, lever.rate);
}

void scaleup_claim(FiscalState& fiscal, const FirmTable& f, int year, const ModelConfig& m,
                   std::size_t row, double investment) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  if (lever.common.active(year))
    fiscal.file(kLeverPilotScaleupSupport,
                {f.id[row], std::min(lever.rate * investment, lever.cap), investment, year + 1});
}

void voucher_claims(FiscalState& fiscal, const FirmTable& f, Now at, const ModelConfig& m) {
  const InnovationVoucher& v = m.levers.innovation_voucher;
  const int year = at.clock.year;
  if (!v.common.active(year)) return;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.has(i, kTechSme) || f.has(i, kDead)) continue;
    if (firm_stream(at, f, i, Purpose::kVoucher).uniform() < v.apply_prob)
      fiscal.file(kLeverInnovationVoucher, {f.id[i], v.amount, f.knowledge[i], year + 1});
  }
}

double institute_award_offer(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  return fiscal.expected(kLeverNewRdInstituteAward, award.common, year, award.amount) / 1e6;
}

void institute_award_claim(FiscalState& fiscal, int year, const ModelConfig& m,
                           std::uint32_t org_id) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  if (award.common.active(year))
    fiscal.file(kLeverNewRdInstituteAward, {org_id, award.amount, 1.0, year + 1, Recipient::kOrg});
}

double platform_award_offer(const FiscalState& fiscal, int year, const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  return fiscal.expected(kLeverPlatformAwards, pa.common, year, pa.regional) / 1e6;
}

void platform_award_claims(FiscalState& fiscal, const ResearchTable& research, int year,
                           const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  if (!pa.common.active(year)) return;
  for (const auto& pl : research.platforms)
    fiscal.file(kLeverPlatformAwards, {pl.id, pl.national ? pa.national : pa.regional, pl.knowledge,
                                       year + 1, Recipient::kPlatform});
}

void research_lever_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                         double amount) {
  if (lever != kLeverInnovationVoucher) return;
  f.knowledge[static_cast<std::size_t>(f.find(firm_id))] +=
      static_cast<float>(m.research.voucher_gain * amount);
}

}  // namespace innosim
