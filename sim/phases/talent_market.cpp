#include "phases/talent_market.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "phases/phase_context.h"
#include "policy/levers/networks.h"
#include "policy/levers/talent.h"

namespace innosim {
namespace {

constexpr std::uint8_t kRetiring = 1, kLeavingRegion = 2;

Stream talent_stream(Now at, std::uint64_t talent_id, Purpose p = Purpose::kTalent) {
  return agent_stream(at, talent_id, p);
}

// Streams of the year's inflows: each count, and the k-th arrival of each kind, its own.
enum ArrivalStream : std::uint16_t {
  kArrivalCount = 1,
  kArrivalSkill,
  kGraduateCount,
  kGraduateSkill,
  kLeadingArrivals,
  kFlyingCount,
  kFlyingSkill
};

std::size_t add_talent(Ecosystem& eco, TalentType type, float skill) {
  return eco.talent.add(eco.next_talent_id++, type, skill, kNoEmployer);
}

// New leading talents, some with teams; each is recognised and funded in installments.
double leading_inflow(Ecosystem& eco, FiscalState& fiscal, int year, const ModelConfig& m,
                      Stream& s, double leading_stock, double rate) {
  const double offer = leading_talent_offer(fiscal, year, m);
  const auto n =
      s.poisson(std::max(1.0, leading_stock) * rate * (1.0 + m.talent.leading_response * offer));
  double arrivals = 0;
  for (std::uint64_t k = 0; k < n; ++k) {
    const bool team = s.uniform() < m.talent.team_share;
    const std::size_t row = add_talent(eco, kLeadingTalent, static_cast<float>(s.uniform()));
    arrivals += 1;
    if (team)
      for (int t = 0; t < static_cast<int>(m.talent.team_size); ++t, arrivals += 1)
        add_talent(eco, kRdTalent, static_cast<float>(s.uniform()));
    leading_talent_claims(fiscal, eco.talent, year, m, row, team);
  }
  return arrivals;
}

}  // namespace

double talent_total(const Ecosystem& eco) {
  return static_cast<double>(eco.talent.size()) + eco.talent_pool;
}

double rd_staff_demand(const FirmTable& f, std::size_t i, const ModelConfig& m) {
  if (!f.has(i, kRdActive) || f.has(i, kDead)) return 0.0;
  double rd = f.intensity[i] * f.revenue[i] + f.grant_rd[i];
  rd *= 1.0 - hub_rd_share(m, f, i);  // done in the hub, by its staff
  return rd / (m.rd.cost_per_rd_worker * m.talent.rd_fte_per_person);
}

void talent_flows(Ecosystem& eco, YearTotals& totals, Handoffs& handoffs, FiscalState& fiscal,
                  Now at, const ModelConfig& m) {
  const TalentParams& p = m.talent;
  const int year = at.clock.year;
  TalentTable& t = eco.talent;
  TalentFlows& flows = totals.talent_flows;
  const double gap = std::exp(p.gap_effect * p.wage_gap);
  const double allowance = allowance_ratio(fiscal, year, m);
  const std::size_t before = t.size();

  // Retirements and departures of individuals, each on its own stream.
  double leading = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    Stream s = talent_stream(at, t.id[i]);
    const double u_retire = s.uniform(), u_leave = s.uniform();
    const bool supported = t.allowance_years[i] > 0 && t.allowance_years[i] != kAllowanceDone;
    const double out = std::min(
        1.0, p.outflow_rate * gap *
                 (supported ? std::max(0.0, 1.0 - p.allowance_response * allowance) : 1.0));
    if (u_retire < p.retirement_rate)
      t.leaving[i] = kRetiring;
    else if (u_leave < out)
      t.leaving[i] = kLeavingRegion;
    if (t.leaving[i] == kRetiring) flows.retirements += 1;
    if (t.leaving[i] == kLeavingRegion) {
      flows.outflow += 1;
      handoffs.emigrants.push_back({static_cast<TalentType>(t.type[i]), t.skill[i], t.id[i]});
    }
    if (!t.leaving[i] && t.type[i] == kLeadingTalent) leading += 1;
  }
  t.remove_leavers();

  // The pool moves at the same rates, in expectation (it is an aggregate).
  const double pool_retire = eco.talent_pool * p.retirement_rate;
  const double pool_out = eco.talent_pool * std::min(1.0, p.outflow_rate * gap);
  const double pool_in = eco.talent_pool * (p.inflow_rate + eco.east_inflow_rate);
  const double pool_grads =
      m.region.ecosystem.graduates * p.graduate_retention * (1.0 - p.graduate_rd_share);
  eco.talent_pool += pool_in + pool_grads - pool_out - pool_retire;
  flows.retirements += pool_retire;
  flows.outflow += pool_out;
  flows.inflow += pool_in;
  flows.graduates += pool_grads;

  // Inflows of individuals.
  auto skill = [&](ArrivalStream kind, std::uint64_t k) {
    return agent_stream(at, k, Purpose::kArrival, kind).uniform();
  };
  const double rd_stock = static_cast<double>(before);
  auto region = [&](ArrivalStream kind) {
    return agent_stream(at, kRegionAgent, Purpose::kArrival, kind);
  };
  const auto arrivals = region(kArrivalCount)
                            .poisson(rd_stock * (p.inflow_rate + eco.east_inflow_rate) *
                                     (1.0 + p.allowance_response * allowance));
  for (std::uint64_t k = 0; k < arrivals; ++k)
    add_talent(eco, kRdTalent, static_cast<float>(skill(kArrivalSkill, k)));
  const auto graduates =
      region(kGraduateCount)
          .poisson(m.region.ecosystem.graduates * p.graduate_rd_share * p.graduate_retention);
  for (std::uint64_t k = 0; k < graduates; ++k)
    add_talent(eco, kRdTalent, static_cast<float>(p.graduate_skill_max * skill(kGraduateSkill, k)));
  Stream leading_stream = region(kLeadingArrivals);
  const double team_arrivals = leading_inflow(eco, fiscal, year, m, leading_stream, leading,
                                              p.inflow_rate + eco.east_inflow_rate);
  Stream flying_stream = region(kFlyingCount);
  const auto flying = flying_incubator_talents(eco.east_link, year, m, flying_stream);
  for (std::uint64_t k = 0; k < flying; ++k)
    add_talent(eco, kRdTalent, static_cast<float>(skill(kFlyingSkill, k)));
  for (const Migrant& g : handoffs.arrivals) add_talent(eco, g.type, g.skill);
  flows.inflow += static_cast<double>(arrivals + flying + handoffs.arrivals.size()) + team_arrivals;
  flows.graduates += static_cast<double>(graduates);
  handoffs.arrivals.clear();

  // Allowances for the most skilled R&D talents, paid yearly for a few years.
  allowance_claims(fiscal, t, year, m);

  // Entrepreneurship: more free carrier places and more venture money, more startups.
  double free_places = 0;
  for (const auto& c : eco.carriers.rows)
    if (!c.flying) free_places += std::max(0.0, c.capacity - c.tenants);
  const double per100 = std::max(1.0, static_cast<double>(t.size()) / 100.0);
  const double rate = p.entrepreneurship_rate * (1.0 + p.carrier_effect * free_places / per100) *
                      (1.0 + p.vc_effect * totals.vc_invested / 1e6 / per100);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.type[i] != kRdTalent) continue;
    if (talent_stream(at, t.id[i], Purpose::kFounding).uniform() < rate)
      handoffs.founders.push_back(t.id[i]);
  }
}

void match_talent(TalentTable& t, FirmTable& f, const ResearchTable& research,
                  const ModelConfig& m) {
  const double per_person = m.rd.cost_per_rd_worker * m.talent.rd_fte_per_person;

  // Demand: research organisations' budgets, firms' planned R&D; whole persons.
  std::vector<double> org_demand(research.orgs.size());
  for (std::size_t k = 0; k < org_demand.size(); ++k)
    org_demand[k] = std::round(research.orgs[k].budget / per_person);
  // A firm doing R&D employs at least one R&D person (part-time, if its R&D is small: R&D
  // personnel are counted by headcount); only the whole persons its R&D needs are binding.
  std::vector<float> demand(f.size()),
      wanted(f.size());  // whole persons: exact in float, half the memory at national scale
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double d = rd_staff_demand(f, i, m);
    demand[i] = static_cast<float>(std::round(d));
    wanted[i] = d > 0 ? std::max(1.0f, demand[i]) : 0.0f;
  }

  // Keep staff up to demand (in id order); release the rest and the staff of exited firms.
  std::vector<double> org_staff(org_demand.size(), 0.0);
  std::vector<float> staff(f.size(), 0.0f);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::uint64_t e = t.employer[i];
    if (e == kNoEmployer) continue;
    if (e & kOrgEmployer) {
      const auto id = static_cast<std::uint32_t>(e & ~kOrgEmployer);
      const std::int64_t k = research.org_row(id);
      if (k >= 0 &&
          org_staff[static_cast<std::size_t>(k)] < org_demand[static_cast<std::size_t>(k)])
        org_staff[static_cast<std::size_t>(k)] += 1;
      else
        t.employer[i] = kNoEmployer;
      continue;
    }
    const std::int64_t row = f.find(e);
    if (row >= 0 && staff[row] < demand[row])
      staff[row] += 1;
    else
      t.employer[i] = kNoEmployer;
  }

  // Hire: leading talents first, then by skill; research organisations first, then firms by
  // productivity (the better firms pay more).
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.employer[i] == kNoEmployer) free.push_back(i);
  std::stable_sort(free.begin(), free.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(t.type[a], t.skill[a]) > std::make_pair(t.type[b], t.skill[b]);
  });
  std::size_t next = 0;
  for (std::size_t k = 0; k < org_demand.size() && next < free.size(); ++k)
    while (org_staff[k] < org_demand[k] && next < free.size()) {
      t.employer[free[next++]] = kOrgEmployer | research.orgs[k].id;
      org_staff[k] += 1;
    }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (wanted[i] > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return f.productivity[a] > f.productivity[b];
  });
  // Whole persons first (they bind), then the part-timers of small R&D.
  for (const auto* target : {&demand, &wanted})
    for (std::size_t i : order)
      while (staff[i] < (*target)[i] && next < free.size()) {
        t.employer[free[next++]] = f.id[i];
        staff[i] += 1;
      }

  // Staff counts, leading talents, and the shortage cap on R&D.
  std::fill(f.leading.begin(), f.leading.end(), 0);
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.type[i] == kLeadingTalent && t.employer[i] != kNoEmployer &&
        !(t.employer[i] & kOrgEmployer))
      if (const std::int64_t row = f.find(t.employer[i]);
          row >= 0 && f.leading[row] < std::numeric_limits<std::uint8_t>::max())
        ++f.leading[row];
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.rd_staff[i] = static_cast<std::uint32_t>(staff[i]);
    if (staff[i] >= demand[i] || f.revenue[i] <= 0) continue;
    // A little slack (talent.staff_slack): tiny R&D needs no dedicated hire.
    double cap = (staff[i] + m.talent.staff_slack) * per_person / f.revenue[i];
    cap /= 1.0 - hub_rd_share(m, f, i);
    f.intensity[i] = static_cast<float>(std::min<double>(f.intensity[i], cap));
  }
}

}  // namespace innosim
