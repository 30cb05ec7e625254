#include "phases/policy.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/user_cost.h"

namespace innosim {
namespace {

double reported_intensity(const FirmTable& f, std::size_t i) {
  return f.revenue_year[i] > 0 ? f.rd_year[i] / f.revenue_year[i] : 0.0;
}

void claim(World& w, Lever lever, std::size_t i, double amount, double merit, int pay_year) {
  if (amount > 0) w.pending[lever].push_back({w.firms.id[i], amount, merit, pay_year});
}

void claim_post_subsidy(World& w, const RdPostSubsidy& lever, std::size_t i) {
  const FirmTable& f = w.firms;
  if (expected_subsidy_rate(lever, f, i, w.year) == 0.0) return;
  const double base =
      lever.base == RdBase::kTotal ? f.rd_year[i] : std::max(0.0, f.rd_year[i] - f.rd_hist[0][i]);
  claim(w, kLeverRdPostSubsidy, i, std::min(lever.rate * base, lever.cap_per_firm),
        reported_intensity(f, i), w.year + 1);
}

void claim_status_award(World& w, Lever lever, const StatusAward& award, std::size_t i) {
  if (!award.common.active(w.year)) return;
  for (int k = 1; k <= award.installments; ++k)
    claim(w, lever, i, award.amount / award.installments, w.firms.patents[i], w.year + k);
}

}  // namespace

void open_year_public_rd(World& w, const ModelConfig& m) {
  const FiscalRdGrowth& lever = m.levers.fiscal_rd_growth;
  w.public_rd_no_lever *= 1.0 + m.region.public_rd_growth;
  w.public_rd_extra = 0;
  if (lever.common.active(w.year)) {
    const double rigid = w.public_rd * (1.0 + std::max(m.region.public_rd_growth, lever.rate));
    w.public_rd_extra = std::clamp(rigid - w.public_rd_no_lever, 0.0, lever.common.budget);
  }
  w.public_rd = w.public_rd_no_lever + w.public_rd_extra;
}

void policy(World& w, const ModelConfig& m) {
  const Levers& l = m.levers;
  FirmTable& f = w.firms;
  std::fill(f.grant_rd.begin(), f.grant_rd.end(), 0.0f);
  for (int k = 0; k < kLeverCount; ++k) {
    const auto lever = static_cast<Lever>(k);
    if (lever == kLeverFiscalRdGrowth || lever == kLeverGuidanceFund || lever == kLeverTechLoan)
      continue;  // booked where they act
    const auto paid = pay_due_claims(w, lever, lever_settings(l, lever));
    // Project grants are spent on R&D, in part (additionality); vouchers buy services that
    // add to the firm's knowledge.
    for (const auto& [id, amount] : paid) {
      if (lever == kLeverSmeProjectGrant)
        f.grant_rd[f.find(id)] += static_cast<float>(l.sme_project_grant.additionality * amount);
      if (lever == kLeverConsortiumSupport)
        f.grant_rd[f.find(id)] += static_cast<float>(l.consortium_support.additionality * amount);
      if (lever == kLeverInnovationVoucher) {
        f.knowledge[f.find(id)] += static_cast<float>(m.research.voucher_gain * amount);
        w.tech_contract_turnover +=
            amount;  // testing and R&D services bought count as technical-service contracts
      }
    }
  }
  if (l.fiscal_rd_growth.common.active(w.year)) {
    w.ledger.book(kLeverFiscalRdGrowth, w.public_rd_extra, l.fiscal_rd_growth.common);
    w.receipts.public_research += w.public_rd_extra;
  }

  // New claims on the year just completed. First-time flags are set whether or not a lever
  // is on, so a lever switched on later does not reward past certifications.
  const bool grants = l.sme_project_grant.common.active(w.year);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    if (l.rd_post_subsidy.common.active(w.year)) claim_post_subsidy(w, l.rd_post_subsidy, i);
    if (f.has(i, kHnte) && !f.has(i, kEverHnte)) {
      f.set(i, kEverHnte, true);
      claim_status_award(w, kLeverHnteFirstAward, l.hnte_first_award, i);
    }
    if (f.has(i, kDemo) && !f.has(i, kDemoCounted)) {
      f.set(i, kDemoCounted, true);
      claim_status_award(w, kLeverDemoEnterpriseAward, l.demo_enterprise_award, i);
    }
    if (f.has(i, kAboveScale) && !f.has(i, kEverAboveScale)) {
      f.set(i, kEverAboveScale, true);
      const AboveScaleFirstAward& a = l.above_scale_first_award;
      if (a.common.active(w.year))
        claim(w, kLeverAboveScaleFirstAward, i, std::min(a.rate * f.rd_year[i], a.cap),
              f.rd_year[i], w.year + 1);
    }
    if (grants && f.has(i, kTechSme) && f.has(i, kRdActive)) {
      const SmeProjectGrant& g = l.sme_project_grant;
      Stream s = firm_stream(w, i, Purpose::kPolicy);
      if (s.uniform() < g.apply_prob)
        claim(w, kLeverSmeProjectGrant, i,
              std::min(g.amount_cap, g.project_share * g.project_rd_share * f.rd_year[i]),
              reported_intensity(f, i), w.year + 1);
    }
  }
}

}  // namespace innosim
