#include "phases/research.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/levers/research.h"

namespace innosim {
namespace {

// Sub-streams of the year's research draws: each count, and the k-th item of each kind.
enum ResearchStream : std::uint16_t {
  kOrgContractCount = 1,
  kPlatformContractCount,
  kOrgContract,
  kPlatformContract,
  kInstituteCount,
  kPlatformCount,
  kNewPlatform
};

std::vector<std::size_t> rd_active_rows(const FirmTable& f) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.has(i, kRdActive) && !f.has(i, kDead)) rows.push_back(i);
  return rows;
}

// Public R&D split over organisations by kind weight; lever money on top; capital accumulates.
void fund_research(World& w, const ModelConfig& m) {
  auto& orgs = w.eco.research.orgs;
  double weights = 0;
  for (const auto& o : orgs) weights += m.research.budget_weight[o.kind];
  const double keep = 1.0 - m.innovation.knowledge_depreciation;
  for (auto& o : orgs) {
    o.budget = weights > 0 ? w.macro.public_rd * m.research.budget_weight[o.kind] / weights : 0.0;
    o.knowledge = o.knowledge * keep + o.budget + o.received;
  }
  for (auto& p : w.eco.research.platforms)
    p.knowledge = p.knowledge * keep + m.research.platform_budget + p.received;
}

void technology_contracts(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  const auto buyers = rd_active_rows(f);
  if (buyers.empty() || w.eco.research.orgs.empty()) return;
  const ResearchParams& p = m.research;
  double org_knowledge = 0;
  for (const auto& o : w.eco.research.orgs) org_knowledge += o.knowledge;
  const double total = transfer_knowledge(w);
  const double from_orgs = total > 0 ? org_knowledge / 1e6 / total : 0.0;
  // Each count has its stream, and the k-th contract of each kind its own: the support levers
  // change counts, never the draws of other contracts.
  const auto n_org =
      region_stream(w, Purpose::kContract, kOrgContractCount)
          .poisson(w.eco.transfer_scale * total * from_orgs * transfer_cost_factor(w, m, true));
  const auto n_firm = region_stream(w, Purpose::kContract, kPlatformContractCount)
                          .poisson(w.eco.transfer_scale * total * (1.0 - from_orgs) *
                                   transfer_cost_factor(w, m, false));
  for (std::uint64_t k = 0; k < n_org + n_firm; ++k) {
    const bool university = k < n_org;
    Stream s = agent_stream(w, university ? k : k - n_org, Purpose::kContract,
                            university ? kOrgContract : kPlatformContract);
    const std::size_t i =
        buyers[static_cast<std::size_t>(s.uniform() * static_cast<double>(buyers.size()))];
    const double value = s.lognormal(std::log(p.contract_median), p.contract_sigma);
    const std::size_t seller =
        static_cast<std::size_t>(s.uniform() * static_cast<double>(w.eco.research.orgs.size()));
    w.totals.tech_contract_turnover += value;
    f.productivity[i] += static_cast<float>(p.transfer_gain);
    f.knowledge[i] += static_cast<float>(value);
    f.cash[i] -= static_cast<float>(value);
    contract_claims(w, m, i, value, university);
    if (university)
      w.eco.network.add(f.id[i], kOrgKey | w.eco.research.orgs[seller].id, TieKind::kUniversity);
  }
}

// Firms that innovated this year may take the result through pilot and scale-up.
void scale_ups(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  const ResearchParams& p = m.research;
  const double expected = scaleup_expected_rate(w, m);
  const double prob = std::min(
      1.0, p.scaleup_prob * std::pow(1.0 - expected, m.research.transfer_price_elasticity));
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.has(i, kInnovated) || f.has(i, kDead)) continue;
    if (firm_stream(w, i, Purpose::kScaleUp).uniform() >= prob) continue;
    const double investment = p.scaleup_investment * f.revenue[i];
    f.productivity[i] += static_cast<float>(p.scaleup_gain);
    f.cash[i] -= static_cast<float>(investment);
    scaleup_claim(w, m, i, investment);
  }
}

}  // namespace

double transfer_knowledge(const World& w) {
  double k = 0;
  for (const auto& o : w.eco.research.orgs) k += o.knowledge;
  for (const auto& p : w.eco.research.platforms) k += p.knowledge;
  return k / 1e6;
}

void open_orgs(World& w, OrgKind kind, int n) {
  for (int k = 0; k < n; ++k)
    w.eco.research.orgs.push_back(
        {w.eco.research.next_org_id++, kind, 0.0, 0.0, 0.0, w.clock.year});
}

void open_platform(World& w, const ModelConfig& m, Stream& s) {
  Platform p;
  p.id = w.eco.research.next_platform_id++;
  p.national = s.uniform() < m.research.platform_national_share;
  const auto& orgs = w.eco.research.orgs;
  p.host_org =
      orgs.empty()
          ? 0
          : orgs[static_cast<std::size_t>(s.uniform() * static_cast<double>(orgs.size()))].id;
  p.knowledge = steady_state_stock(m.research.platform_budget, m);
  w.eco.research.platforms.push_back(p);
  // The firms it serves.
  const FirmTable& f = w.firms;
  if (f.size() == 0) return;
  for (int t = 0; t < m.network.platform_ties; ++t) {
    const std::size_t i = static_cast<std::size_t>(s.uniform() * static_cast<double>(f.size()));
    if (f.has(i, kRdActive)) w.eco.network.add(f.id[i], kPlatformKey | p.id, TieKind::kPlatform);
  }
}

void research_year_end(World& w, const ModelConfig& m) {
  const ResearchParams& p = m.research;
  fund_research(w, m);
  technology_contracts(w, m);
  scale_ups(w, m);
  voucher_claims(w, m);

  // Spin-offs, founded in the next step.
  for (const auto& o : w.eco.research.orgs) {
    const auto n =
        agent_stream(w, o.id, Purpose::kSpinoff).poisson(p.spinoff_rate * o.budget / 1e8);
    for (std::uint64_t k = 0; k < n; ++k) w.handoffs.spinoff_orgs.push_back(o.id);
  }

  // New R&D institutes, drawn by the one-off award.
  const double n_new = std::max(1.0, static_cast<double>(w.eco.research.count(kNewRdInstitute)));
  const auto openings = region_stream(w, Purpose::kResearch, kInstituteCount)
                            .poisson(p.new_institute_rate * n_new *
                                     (1.0 + p.award_response * institute_award_offer(w, m)));
  for (std::uint64_t k = 0; k < openings; ++k) {
    open_orgs(w, kNewRdInstitute, 1);
    institute_award_claim(w, m, w.eco.research.orgs.back().id);
  }

  // Platforms: new ones drawn by the yearly awards; every platform claims its award.
  const double n_platforms = std::max(1.0, static_cast<double>(w.eco.research.platforms.size()));
  const auto new_platforms = region_stream(w, Purpose::kResearch, kPlatformCount)
                                 .poisson(p.platform_rate * n_platforms *
                                          (1.0 + p.platform_response * platform_award_offer(w, m)));
  for (std::uint64_t k = 0; k < new_platforms; ++k) {
    Stream s = agent_stream(w, k, Purpose::kResearch, kNewPlatform);
    open_platform(w, m, s);
  }
  platform_award_claims(w, m);
}

}  // namespace innosim
