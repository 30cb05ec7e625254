#include "phases/research.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "phases/phase_context.h"
#include "policy/levers/research.h"

namespace innosim {
namespace {

// Sub-streams of the year's research draws: each count, and the k-th item of each kind.
enum ContractKind : std::uint16_t {
  kOrgContractCount = 1,
  kPlatformContractCount,
  kOrgContract,
  kPlatformContract,
  kFirmContractCount,
  kFirmContract
};
// Sub-streams of the research openings (Purpose::kResearch).
enum ResearchStream : std::uint16_t { kInstituteCount = 1, kPlatformCount, kNewPlatform };

// Public R&D split over organisations by kind weight; lever money on top; capital accumulates.
void fund_research(ResearchTable& research, double public_rd, const ModelConfig& m) {
  auto& orgs = research.orgs;
  double weights = 0;
  for (const auto& o : orgs) weights += m.research.budget_weight[o.kind];
  const double keep = 1.0 - m.innovation.knowledge_depreciation;
  for (auto& o : orgs) {
    o.budget = weights > 0 ? public_rd * m.research.budget_weight[o.kind] / weights : 0.0;
    o.knowledge = o.knowledge * keep + o.budget + o.received;
  }
  for (auto& p : research.platforms)
    p.knowledge = p.knowledge * keep + m.research.platform_budget + p.received;
}

// Cumulative weights of the rows with a positive weight, for draws in proportion to them.
struct WeightedRows {
  std::vector<std::size_t> rows;
  std::vector<double> cumulative;
  double total() const { return cumulative.empty() ? 0.0 : cumulative.back(); }
  std::size_t pick(double u) const {
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * total());
    return rows[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()),
                                      rows.size() - 1)];
  }
};

// The weights are gathered in parallel, in row order; their running sum stays sequential, so
// each cumulative weight is the same sum in the same order.
template <class Weight>
WeightedRows weighted_rows(const FirmTable& f, Weight weight) {
  using Weighted = std::pair<std::size_t, double>;
  const auto weighted =
      collect_rows<Weighted>(f.size(), [&](std::size_t i, std::vector<Weighted>& out) {
        if (f.has(i, kDead)) return;
        if (const double x = weight(i); x > 0) out.emplace_back(i, x);
      });
  WeightedRows w;
  w.rows.reserve(weighted.size());
  w.cumulative.reserve(weighted.size());
  double sum = 0;
  for (const auto& [i, x] : weighted) {
    w.rows.push_back(i);
    w.cumulative.push_back(sum += x);
  }
  return w;
}

void technology_contracts(FirmTable& f, Ecosystem& eco, FiscalState& fiscal, double& turnover,
                          Now at, const ModelConfig& m) {
  const int year = at.clock.year;
  // Buyers in proportion to their planned R&D (size and need); firm sellers in proportion to
  // their R&D capital.
  const auto buyers = weighted_rows(f, [&](std::size_t i) {
    return f.has(i, kRdActive) ? f.intensity[i] * f.revenue[i] + f.grant_rd[i] : 0.0;
  });
  const auto sellers = weighted_rows(f, [&](std::size_t i) { return f.knowledge[i]; });
  if (buyers.rows.empty()) return;
  const ResearchParams& p = m.research;
  double org_knowledge = 0;
  for (const auto& o : eco.research.orgs) org_knowledge += o.knowledge;
  const double total = transfer_knowledge(eco.research);
  const double from_orgs = total > 0 ? org_knowledge / 1e6 / total : 0.0;
  // Each count has its stream, and the k-th contract of each kind its own: the support levers
  // change counts, never the draws of other contracts.
  auto count = [&](ContractKind kind, double mean) {
    return agent_stream(at, kRegionAgent, Purpose::kContract, kind).poisson(mean);
  };
  const auto n_org =
      eco.research.orgs.empty()
          ? 0
          : count(kOrgContractCount, eco.transfer_scale * total * from_orgs *
                                         transfer_cost_factor(fiscal, year, m, true));
  const auto n_platform =
      count(kPlatformContractCount, eco.transfer_scale * total * (1.0 - from_orgs) *
                                        transfer_cost_factor(fiscal, year, m, false));
  const auto n_firm = count(kFirmContractCount, eco.firm_transfer_scale * sellers.total() / 1e6 *
                                                    transfer_cost_factor(fiscal, year, m, false));
  using Batch = std::pair<std::uint64_t, ContractKind>;
  for (const auto& [n, kind] : {Batch{n_org, kOrgContract}, Batch{n_platform, kPlatformContract},
                                Batch{n_firm, kFirmContract}})
    for (std::uint64_t k = 0; k < n; ++k) {
      Stream s = agent_stream(at, k, Purpose::kContract, kind);
      const std::size_t i = buyers.pick(s.uniform());
      const double value = s.lognormal(std::log(p.contract_median), p.contract_sigma);
      const double u_seller = s.uniform();
      const bool university = kind == kOrgContract;
      if (kind == kFirmContract) {
        const std::size_t seller = sellers.pick(u_seller);
        if (seller == i) continue;  // no contract with itself
        f.cash[seller] += static_cast<float>(value);
      }
      turnover += value;
      // A contract matters to a buyer in proportion to what it adds to its own R&D effort.
      const double own_rd = f.intensity[i] * f.revenue[i] + f.grant_rd[i];
      f.productivity[i] += static_cast<float>(p.transfer_gain * value / (value + own_rd));
      f.knowledge[i] += static_cast<float>(value);
      f.cash[i] -= static_cast<float>(value);
      contract_claims(fiscal, f, year, m, i, value, university);
      if (university) {
        const auto org =
            static_cast<std::size_t>(u_seller * static_cast<double>(eco.research.orgs.size()));
        eco.network.add(f.id[i], kOrgKey | eco.research.orgs[org].id, TieKind::kUniversity);
      }
    }
}

// Firms that innovated this year may take the result through pilot and scale-up.
void scale_ups(FirmTable& f, FiscalState& fiscal, Now at, const ModelConfig& m) {
  const ResearchParams& p = m.research;
  const double expected = scaleup_expected_rate(fiscal, at.clock.year, m);
  const double prob = std::min(
      1.0, p.scaleup_prob * std::pow(1.0 - expected, m.research.transfer_price_elasticity));
  // Who scales up is each firm's own draw, taken in parallel; the claims follow in row order.
  const auto scaling = collect_rows<std::size_t>(f.size(), [&](std::size_t i, auto& out) {
    if (f.has(i, kInnovated) && !f.has(i, kDead) &&
        firm_stream(at, f, i, Purpose::kScaleUp).uniform() < prob)
      out.push_back(i);
  });
  for (const std::size_t i : scaling) {
    const double investment = p.scaleup_investment * f.revenue[i];
    f.productivity[i] += static_cast<float>(p.scaleup_gain);
    f.cash[i] -= static_cast<float>(investment);
    scaleup_claim(fiscal, f, at.clock.year, m, i, investment);
  }
}

}  // namespace

double transfer_knowledge(const ResearchTable& research) {
  double k = 0;
  for (const auto& o : research.orgs) k += o.knowledge;
  for (const auto& p : research.platforms) k += p.knowledge;
  return k / 1e6;
}

void open_orgs(ResearchTable& research, int year, OrgKind kind, int n) {
  for (int k = 0; k < n; ++k)
    research.orgs.push_back({research.next_org_id++, kind, 0.0, 0.0, 0.0, year});
}

void open_platform(ResearchTable& research, CollaborationGraph& network, const FirmTable& f,
                   const ModelConfig& m, Stream& s) {
  Platform p;
  p.id = research.next_platform_id++;
  p.national = s.uniform() < m.research.platform_national_share;
  const auto& orgs = research.orgs;
  p.host_org =
      orgs.empty()
          ? 0
          : orgs[static_cast<std::size_t>(s.uniform() * static_cast<double>(orgs.size()))].id;
  p.knowledge = steady_state_stock(m.research.platform_budget, m);
  research.platforms.push_back(p);
  // The firms it serves.
  if (f.size() == 0) return;
  for (int t = 0; t < m.network.platform_ties; ++t) {
    const std::size_t i = static_cast<std::size_t>(s.uniform() * static_cast<double>(f.size()));
    if (f.has(i, kRdActive)) network.add(f.id[i], kPlatformKey | p.id, TieKind::kPlatform);
  }
}

void research_year_end(Ecosystem& eco, FirmTable& f, FiscalState& fiscal, YearTotals& totals,
                       Handoffs& handoffs, const Macro& macro, Now at, const ModelConfig& m) {
  const ResearchParams& p = m.research;
  const int year = at.clock.year;
  ResearchTable& research = eco.research;
  fund_research(research, macro.public_rd, m);
  technology_contracts(f, eco, fiscal, totals.tech_contract_turnover, at, m);
  scale_ups(f, fiscal, at, m);
  voucher_claims(fiscal, f, at, m);

  // Spin-offs, founded in the next step.
  for (const auto& o : research.orgs) {
    const auto n =
        agent_stream(at, o.id, Purpose::kSpinoff).poisson(p.spinoff_rate * o.budget / 1e8);
    for (std::uint64_t k = 0; k < n; ++k) handoffs.spinoff_orgs.push_back(o.id);
  }

  // New R&D institutes, drawn by the one-off award.
  const double n_new = std::max(1.0, static_cast<double>(research.count(kNewRdInstitute)));
  const auto openings =
      agent_stream(at, kRegionAgent, Purpose::kResearch, kInstituteCount)
          .poisson(p.new_institute_rate * n_new *
                   (1.0 + p.award_response * institute_award_offer(fiscal, year, m)));
  for (std::uint64_t k = 0; k < openings; ++k) {
    open_orgs(research, year, kNewRdInstitute, 1);
    institute_award_claim(fiscal, year, m, research.orgs.back().id);
  }

  // Platforms: new ones drawn by the yearly awards; every platform claims its award.
  const double n_platforms = std::max(1.0, static_cast<double>(research.platforms.size()));
  const auto new_platforms =
      agent_stream(at, kRegionAgent, Purpose::kResearch, kPlatformCount)
          .poisson(p.platform_rate * n_platforms *
                   (1.0 + p.platform_response * platform_award_offer(fiscal, year, m)));
  for (std::uint64_t k = 0; k < new_platforms; ++k) {
    Stream s = agent_stream(at, k, Purpose::kResearch, kNewPlatform);
    open_platform(research, eco.network, f, m, s);
  }
  platform_award_claims(fiscal, research, year, m);
}

}  // namespace innosim
