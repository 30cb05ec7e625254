#include "policy/levers/research.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {

double transfer_cost_factor(const World& w, const ModelConfig& m, bool with_university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  double rate = w.fiscal.expected(kLeverTechTransferSupport, tt.common, w.clock.year, tt.rate);
  if (with_university)
    rate +=
        w.fiscal.expected(kLeverUniversityCooperationAward, coop.common, w.clock.year, coop.rate);
  return std::pow(std::max(m.research.min_net_cost, 1.0 - rate),
                  m.research.transfer_price_elasticity);
}

void contract_claims(World& w, const ModelConfig& m, std::size_t row, double value,
                     bool university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  const std::uint64_t id = w.firms.id[row];
  if (tt.common.active(w.clock.year))
    w.fiscal.file(kLeverTechTransferSupport,
                  {id, std::min(tt.rate * value, tt.cap), value, w.clock.year + 1});
  if (university && coop.common.active(w.clock.year))
    w.fiscal.file(kLeverUniversityCooperationAward,
                  {id, std::min(coop.rate * value, coop.cap), value, w.clock.year + 1});
}

double scaleup_expected_rate(const World& w, const ModelConfig& m) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  return w.fiscal.expected(kLeverPilotScaleupSupport, lever.common, w.clock.year, lever.rate);
}

void scaleup_claim(World& w, const ModelConfig& m, std::size_t row, double investment) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  if (lever.common.active(w.clock.year))
    w.fiscal.file(kLeverPilotScaleupSupport,
                  {w.firms.id[row], std::min(lever.rate * investment, lever.cap), investment,
                   w.clock.year + 1});
}

void voucher_claims(World& w, const ModelConfig& m) {
  const InnovationVoucher& v = m.levers.innovation_voucher;
  if (!v.common.active(w.clock.year)) return;
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.has(i, kTechSme) || f.has(i, kDead)) continue;
    if (firm_stream(w, i, Purpose::kVoucher).uniform() < v.apply_prob)
      w.fiscal.file(kLeverInnovationVoucher, {f.id[i], v.amount, f.knowledge[i], w.clock.year + 1});
  }
}

double institute_award_offer(const World& w, const ModelConfig& m) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  return w.fiscal.expected(kLeverNewRdInstituteAward, award.common, w.clock.year, award.amount) /
         1e6;
}

void institute_award_claim(World& w, const ModelConfig& m, std::uint32_t org_id) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  if (award.common.active(w.clock.year))
    w.fiscal.file(kLeverNewRdInstituteAward,
                  {org_id, award.amount, 1.0, w.clock.year + 1, Recipient::kOrg});
}

double platform_award_offer(const World& w, const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  return w.fiscal.expected(kLeverPlatformAwards, pa.common, w.clock.year, pa.regional) / 1e6;
}

void platform_award_claims(World& w, const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  if (!pa.common.active(w.clock.year)) return;
  for (const auto& pl : w.eco.research.platforms)
    w.fiscal.file(kLeverPlatformAwards, {pl.id, pl.national ? pa.national : pa.regional,
                                         pl.knowledge, w.clock.year + 1, Recipient::kPlatform});
}

void research_lever_paid(World& w, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                         double amount) {
  if (lever != kLeverInnovationVoucher) return;
  w.firms.knowledge[static_cast<std::size_t>(w.firms.find(firm_id))] +=
      static_cast<float>(m.research.voucher_gain * amount);
  w.totals.tech_contract_turnover += amount;
}

}  // namespace innosim
