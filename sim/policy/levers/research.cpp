#include "policy/levers/research.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {

double transfer_cost_factor(const World& w, const ModelConfig& m, bool with_university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  double rate =
      tt.common.active(w.year) ? tt.rate * w.payout_ratio[kLeverTechTransferSupport] : 0.0;
  if (with_university && coop.common.active(w.year))
    rate += coop.rate * w.payout_ratio[kLeverUniversityCooperationAward];
  return std::pow(std::max(m.research.min_net_cost, 1.0 - rate),
                  m.research.transfer_price_elasticity);
}

void contract_claims(World& w, const ModelConfig& m, std::size_t row, double value,
                     bool university) {
  const InvestmentShare& tt = m.levers.tech_transfer_support;
  const InvestmentShare& coop = m.levers.university_cooperation_award;
  const std::uint64_t id = w.firms.id[row];
  if (tt.common.active(w.year))
    file_claim(w, kLeverTechTransferSupport,
               {id, std::min(tt.rate * value, tt.cap), value, w.year + 1});
  if (university && coop.common.active(w.year))
    file_claim(w, kLeverUniversityCooperationAward,
               {id, std::min(coop.rate * value, coop.cap), value, w.year + 1});
}

double scaleup_expected_rate(const World& w, const ModelConfig& m) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  return lever.common.active(w.year) ? lever.rate * w.payout_ratio[kLeverPilotScaleupSupport] : 0.0;
}

void scaleup_claim(World& w, const ModelConfig& m, std::size_t row, double investment) {
  const InvestmentShare& lever = m.levers.pilot_scaleup_support;
  if (lever.common.active(w.year))
    file_claim(
        w, kLeverPilotScaleupSupport,
        {w.firms.id[row], std::min(lever.rate * investment, lever.cap), investment, w.year + 1});
}

void voucher_claims(World& w, const ModelConfig& m) {
  const InnovationVoucher& v = m.levers.innovation_voucher;
  if (!v.common.active(w.year)) return;
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.has(i, kTechSme) || f.has(i, kDead)) continue;
    Stream s = firm_stream(w, i, Purpose::kResearch);
    s.uniform();  // the scale-up draw
    if (s.uniform() < v.apply_prob)
      file_claim(w, kLeverInnovationVoucher, {f.id[i], v.amount, f.knowledge[i], w.year + 1});
  }
}

double institute_award_offer(const World& w, const ModelConfig& m) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  return award.common.active(w.year)
             ? award.amount * w.payout_ratio[kLeverNewRdInstituteAward] / 1e6
             : 0.0;
}

void institute_award_claim(World& w, const ModelConfig& m, std::uint32_t org_id) {
  const OneOffAward& award = m.levers.new_rd_institute_award;
  if (award.common.active(w.year))
    file_claim(w, kLeverNewRdInstituteAward,
               {org_id, award.amount, 1.0, w.year + 1, Recipient::kOrg});
}

double platform_award_offer(const World& w, const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  return pa.common.active(w.year) ? pa.regional * w.payout_ratio[kLeverPlatformAwards] / 1e6 : 0.0;
}

void platform_award_claims(World& w, const ModelConfig& m) {
  const PlatformAwards& pa = m.levers.platform_awards;
  if (!pa.common.active(w.year)) return;
  for (const auto& pl : w.research.platforms)
    file_claim(w, kLeverPlatformAwards,
               {pl.id, pl.national ? pa.national : pa.regional, pl.knowledge, w.year + 1,
                Recipient::kPlatform});
}

void research_lever_paid(World& w, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                         double amount) {
  if (lever != kLeverInnovationVoucher) return;
  w.firms.knowledge[static_cast<std::size_t>(w.firms.find(firm_id))] +=
      static_cast<float>(m.research.voucher_gain * amount);
  w.tech_contract_turnover += amount;
}

}  // namespace innosim
