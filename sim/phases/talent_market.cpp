#include "phases/talent_market.h"

#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

#include "phases/phase_context.h"
#include "policy/levers/networks.h"
#include "policy/levers/talent.h"

namespace innosim {
namespace {

constexpr std::uint8_t kRetiring = 1, kLeavingRegion = 2;
// A market with no demand at all still keeps its migration finite.
constexpr double kMinTightness = 0.01;
// Sub-streams of the hiring order (talent_stream uses 0).
constexpr std::uint16_t kBindingTier = 1, kPartTimeTier = 2;

// Employer ranges per thread in the keep-staff pass (load balance only).
constexpr std::size_t kRangesPerThread = 4;

// A talent's place in the skill order as a number: the type above the skill's bits (a
// non-negative float's bits order as the float does; -0 is taken as 0).
std::uint64_t skill_key(std::uint8_t type, float skill) {
  constexpr int kSkillBits = 32;
  return (std::uint64_t{type} << kSkillBits) |
         std::bit_cast<std::uint32_t>(skill == 0 ? 0.0f : skill);
}

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
  // Migration answers demand: a market tighter than at the base year draws more talents in
  // and lets fewer go (a wage premium the model does not price), and a slacker one the reverse.
  const double pull = std::pow(
      std::max(eco.talent_tightness, kMinTightness) / std::max(eco.base_tightness, kMinTightness),
      p.demand_response);
  const double base_gap = std::exp(p.gap_effect * p.wage_gap);
  const double gap = base_gap / pull;
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

  // The pool moves at the base rates, in expectation (it is an aggregate). It is the talent
  // outside R&D, so the R&D market's tightness does not move it: when it did, a policy that
  // brought R&D talents in slackened that market and drove the rest of the talent out.
  const double pool_retire = eco.talent_pool * p.retirement_rate;
  const double pool_out = eco.talent_pool * std::min(1.0, p.outflow_rate * base_gap);
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
  // Only arrivals skilled enough for the allowance answer it (the top eligible share).
  const double eligible = m.levers.talent_allowance.eligible_share;
  const auto arrivals = region(kArrivalCount)
                            .poisson(rd_stock * (p.inflow_rate + eco.east_inflow_rate) * pull *
                                     (1.0 + p.allowance_response * allowance * eligible));
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

double match_talent(TalentTable& t, FirmTable& f, const ResearchTable& research, Now at,
                    const ModelConfig& m) {
  const double per_person = m.rd.cost_per_rd_worker * m.talent.rd_fte_per_person;

  // Demand: research organisations' budgets, firms' planned R&D; whole persons.
  std::vector<double> org_demand(research.orgs.size());
  for (std::size_t k = 0; k < org_demand.size(); ++k)
    org_demand[k] = std::round(research.orgs[k].budget / per_person);
  // A firm doing R&D employs at least one R&D person (part-time, if its R&D is small: R&D
  // personnel are counted by headcount); only the whole persons its R&D needs are binding.
  // Whole persons: exact in float, half the memory at national scale.
  Scratch<float> demand(f.size(), boost::container::default_init),
      wanted(f.size(), boost::container::default_init);
  for_each_row(f, [&](std::size_t i) {
    const double d = rd_staff_demand(f, i, m);
    demand[i] = static_cast<float>(std::round(d));
    wanted[i] = d > 0 ? std::max(1.0f, demand[i]) : 0.0f;
  });
  const std::size_t n_orgs = org_demand.size();
  // Each employed talent's employer, looked up in parallel (organisations 0..n_orgs-1, then
  // firm rows; -1: nobody, or an employer gone).
  Scratch<std::int32_t> firm_row = f.rows_by_id();
  auto row_of = [&](std::uint64_t firm_id) -> std::int32_t {
    return firm_id < firm_row.size() ? firm_row[firm_id] : -1;
  };
  Scratch<std::int32_t> employer(t.size(), boost::container::default_init);
  for_each_index(t.size(), [&](std::size_t i) {
    const std::uint64_t e = t.employer[i];
    employer[i] = -1;
    if (e == kNoEmployer) return;
    if (e & kOrgEmployer)
      employer[i] = static_cast<std::int32_t>(
          research.org_row(static_cast<std::uint32_t>(e & ~kOrgEmployer)));
    else if (const std::int32_t row = row_of(e); row >= 0)
      employer[i] = static_cast<std::int32_t>(n_orgs) + row;
  });

  // Keep staff up to demand, each employer its talents in id order; release the rest and the
  // staff of exited firms. Employers are split in ranges, each range scanning the talents for
  // its own: every employer sees its talents in the same order on any number of threads. A
  // firm's leading talents are counted as it keeps and hires them (each firm by one task; a
  // saturated count does not depend on the order), so the lookups can go before hiring.
  std::fill(f.leading.begin(), f.leading.end(), 0);
  auto count_leading = [&](std::size_t row, std::size_t talent) {
    if (t.type[talent] == kLeadingTalent &&
        f.leading[row] < std::numeric_limits<std::uint8_t>::max())
      ++f.leading[row];
  };
  std::vector<double> org_staff(n_orgs, 0.0);
  Scratch<float> staff = filled_scratch(f.size(), 0.0f);
  const std::size_t employers = n_orgs + f.size(),
                    ranges = kRangesPerThread *
                             static_cast<std::size_t>(tbb::this_task_arena::max_concurrency());
  tbb::parallel_for(std::size_t{0}, ranges, [&](std::size_t part) {
    const std::size_t lo = employers * part / ranges, hi = employers * (part + 1) / ranges;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (employer[i] < 0) {  // nobody's, or its employer is gone
        if (part == 0) t.employer[i] = kNoEmployer;
        continue;
      }
      const auto e = static_cast<std::size_t>(employer[i]);
      if (e < lo || e >= hi) continue;
      const bool keep =
          e < n_orgs ? org_staff[e] < org_demand[e] : staff[e - n_orgs] < demand[e - n_orgs];
      if (!keep) {
        t.employer[i] = kNoEmployer;
      } else if (e < n_orgs) {
        org_staff[e] += 1;
      } else {
        staff[e - n_orgs] += 1;
        count_leading(e - n_orgs, i);
      }
    }
  });
  // The lookups are done with: free them before the hiring's arrays (the national peak).
  Scratch<std::int32_t>().swap(employer);
  Scratch<std::int32_t>().swap(firm_row);

  // Hire without a queue: when free talents are short, every employer's unmet need is filled
  // in the same proportion (largest remainders get the persons left over), research
  // organisations and firms alike; whole persons first (they bind), then the part-timers of
  // small R&D. Which talents an employer gets follows a yearly random order of employers
  // over talents sorted by skill, so no one is first by rule.
  // By type and skill, ties in talent order (the order a stable sort keeps), sorted on packed
  // keys: type, then skill, both descending, then the talent's row.
  using Ranked = std::pair<std::uint64_t, std::size_t>;
  std::vector<Ranked> ranked =
      collect_rows<Ranked>(t.size(), [&](std::size_t i, std::vector<Ranked>& out) {
        if (t.employer[i] == kNoEmployer) out.emplace_back(~skill_key(t.type[i], t.skill[i]), i);
      });
  tbb::parallel_sort(ranked.begin(), ranked.end());
  std::vector<std::size_t> free(ranked.size());
  for_each_index(free.size(), [&](std::size_t k) { free[k] = ranked[k].second; });
  std::vector<Ranked>().swap(ranked);
  // Employers: organisations 0..n_orgs-1, then firm rows. A firm's need is read from its
  // target and staff, not stored; its grant is a whole number of persons no larger than its
  // demand, exact in float like the demand (half the memory at national scale).
  std::vector<double> org_need(n_orgs), org_grant(n_orgs);
  Scratch<float> firm_grant(f.size(), boost::container::default_init);
  const std::size_t n_employers = n_orgs + f.size();
  const double demand_total =
      whole_sum(n_orgs, [&](std::size_t k) { return org_demand[k]; }) +
      whole_sum(f.size(), [&](std::size_t i) { return static_cast<double>(wanted[i]); });
  std::size_t next = 0;
  for (const auto* target : {&demand, &wanted}) {
    for (std::size_t k = 0; k < n_orgs; ++k)
      org_need[k] = std::max(0.0, (target == &demand ? org_demand[k] : 0.0) - org_staff[k]);
    // Read before this tier hires (hiring changes staff).
    const auto need = [&](std::size_t e) {
      return e < n_orgs
                 ? org_need[e]
                 : std::max(0.0, static_cast<double>((*target)[e - n_orgs] - staff[e - n_orgs]));
    };
    const auto grant = [&](std::size_t e) {
      return e < n_orgs ? org_grant[e] : static_cast<double>(firm_grant[e - n_orgs]);
    };
    const double total = whole_sum(n_employers, need);
    const double left = static_cast<double>(free.size() - next);
    const double share = total > left ? left / total : 1.0;
    // Whole persons: the grants sum to the need, or to the talents left when they are fewer.
    const double to_give = std::min(total, left);
    for_each_index(n_employers, [&](std::size_t e) {
      const double n = need(e), g = n > 0 ? std::floor(share * n) : 0.0;
      if (e < n_orgs)
        org_grant[e] = g;
      else
        firm_grant[e - n_orgs] = static_cast<float>(g);
    });
    const double given = whole_sum(n_employers, grant);
    if (given < to_give) {
      // Rationed: the persons the rounding left go one each to the largest remainders (ties
      // to the first employer). Only which ones get them matters, not their order.
      using Remainder = std::pair<double, std::size_t>;
      std::vector<Remainder> remainders =
          collect_rows<Remainder>(n_employers, [&](std::size_t e, std::vector<Remainder>& out) {
            if (const double n = need(e); n > 0) out.emplace_back(-(share * n - grant(e)), e);
          });
      const auto extra = std::min(remainders.size(), static_cast<std::size_t>(to_give - given));
      std::nth_element(remainders.begin(), remainders.begin() + extra, remainders.end());
      for (std::size_t r = 0; r < extra; ++r) {
        const std::size_t e = remainders[r].second;
        if (e < n_orgs)
          org_grant[e] += 1;
        else
          firm_grant[e - n_orgs] += 1;
      }
    }
    // The yearly order in which employers take their grants from the skill-sorted list, each
    // employer's place drawn from its own stream.
    const auto tier = static_cast<std::uint16_t>(target == &demand ? kBindingTier : kPartTimeTier);
    using Place = std::pair<double, std::size_t>;
    std::vector<Place> order = collect_rows<Place>(n_employers, [&](std::size_t e,
                                                                    std::vector<Place>& out) {
      if (grant(e) > 0)
        out.emplace_back(
            agent_stream(at, e < n_orgs ? kOrgKey | research.orgs[e].id : f.stream_key[e - n_orgs],
                         Purpose::kTalent, tier)
                .uniform(),
            e);
    });
    tbb::parallel_sort(order.begin(), order.end());  // employers are distinct: a total order
    // Each employer takes the next grant[e] talents down the list, while they last: where
    // its take starts is a running sum, and then the employers hire in parallel.
    std::vector<std::size_t> first(order.size() + 1, next);
    for (std::size_t k = 0; k < order.size(); ++k)
      first[k + 1] = first[k] + std::min(static_cast<std::size_t>(grant(order[k].second)),
                                         free.size() - first[k]);
    for_each_index(order.size(), [&](std::size_t k) {
      const std::size_t e = order[k].second, taken = first[k + 1] - first[k];
      const std::uint64_t id = e < n_orgs ? kOrgEmployer | research.orgs[e].id : f.id[e - n_orgs];
      for (std::size_t j = first[k]; j != first[k + 1]; ++j) t.employer[free[j]] = id;
      if (e < n_orgs) {
        org_staff[e] += static_cast<double>(taken);
      } else {
        staff[e - n_orgs] += static_cast<float>(taken);
        for (std::size_t j = first[k]; j != first[k + 1]; ++j) count_leading(e - n_orgs, free[j]);
      }
    });
    next = first.back();
  }

  // Staff counts and the shortage cap on R&D.
  for_each_row(f, [&](std::size_t i) {
    f.rd_staff[i] = static_cast<std::uint32_t>(staff[i]);
    if (staff[i] >= demand[i] || f.revenue[i] <= 0) return;
    // A little slack (talent.staff_slack): tiny R&D needs no dedicated hire.
    double cap = (staff[i] + m.talent.staff_slack) * per_person / f.revenue[i];
    cap /= 1.0 - hub_rd_share(m, f, i);
    f.intensity[i] = static_cast<float>(std::min<double>(f.intensity[i], cap));
  });
  return demand_total / std::max(1.0, static_cast<double>(t.size()));
}

}  // namespace innosim
