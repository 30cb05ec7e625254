#include "init/initial_population.h"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/errors.h"
#include "init/initial_ecosystem.h"
#include "observe/indicators.h"
#include "phases/accounts.h"
#include "phases/certification.h"
#include "phases/collaboration.h"
#include "phases/employment.h"
#include "phases/entry.h"
#include "phases/high_tech_share.h"
#include "phases/phase_context.h"
#include "phases/policy.h"
#include "phases/rd_decision.h"
#include "phases/rd_participation.h"
#include "phases/talent_market.h"

namespace innosim {
namespace {

// Numerical guards and orderings, not behaviour.
constexpr double kTinyShare = 1e-9;       // keeps x_min finite when no firm is above scale
constexpr double kRoundingGuard = 1e-12;  // relative margin so rounding keeps the k-th firm above
constexpr std::size_t kEntrySlack = 8;    // room for entrants before the table grows (memory only)
constexpr int kBisections = 60;           // the R&D factor to double precision
constexpr double kMaxScaleFactor = 1e6;   // a factor search bound (every firm at the cap)

// Rows ordered by a noisy preference (score + Gumbel noise), best first: a random selection
// favouring high scores that is exact in count.
// `ranking` keys the noise, so that two rankings of one firm draw independently.
std::vector<std::size_t> ranked(const World& w, const std::vector<std::size_t>& pool,
                                const std::vector<double>& score, std::uint16_t ranking) {
  // (key, place in the pool): unique, so the parallel sort gives the stable sort's order.
  std::vector<std::pair<double, std::size_t>> keyed(pool.size());
  for_each_index(pool.size(), [&](std::size_t k) {
    const std::size_t i = pool[k];
    Stream s(w.key.seed, w.key.stream(), w.firms.id[i], kInitStep, Purpose::kInitSelect, ranking);
    keyed[k] = {score[i] - std::log(-std::log(s.uniform())), k};
  });
  tbb::parallel_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<std::size_t> order(pool.size());
  for (std::size_t k = 0; k < keyed.size(); ++k) order[k] = pool[keyed[k].second];
  return order;
}

// Keys of the base year's rankings, so that two rankings of one firm draw independently.
enum Ranking : std::uint16_t { kHnteRanking = 1, kSmeRanking, kHntePool, kSmePool };

// Burn-in of the certification states (docs/ODD.md 6). In the steady state an eligible firm is
// certified within a few rounds, so at any time the pool of eligible firms not yet certified is
// what the yearly lapse of certificates refills: steady_lapse_rate x stock / apply probability.
// The preset's count says who is certified, so eligible firms (staff and age aside) beyond that
// pool are taken to miss one criterion: for hnte, the high-tech revenue share (set as far below the
// line as a certified profile is above it); for tech SMEs, the invention patent (its patents go to
// hnte, so the patent stock stays exact).
void settle_pending_pools(World& w, const ModelConfig& m, std::uint64_t hntes,
                          std::uint64_t tech_smes) {
  FirmTable& f = w.firms;
  const RulePrices prices = rule_prices(w.clock, m);
  auto beyond_pool = [&](FirmFlag status, auto eligible, double keep, std::uint16_t ranking) {
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f.has(i, status)) continue;
      // Staff follow R&D demand within a year: the staff criterion counts as met. So does
      // the age: the base year's young firms are drawn like its established ones, R&D and
      // patents included, not like entrants, and would all qualify in the first round.
      CertificationInputs x = certification_inputs(w.clock, f, m, prices, i);
      x.rd_staff_share = std::max(x.rd_staff_share, m.hnte.rd_staff_share_min);
      x.age_years = std::max(x.age_years, kHnteMinAgeYears);
      if (eligible(x)) pool.push_back(i);
    }
    auto order = ranked(w, pool, std::vector<double>(f.size(), 0.0), ranking);
    order.erase(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                   order.size(), std::llround(keep))));
    return order;
  };
  for (std::size_t i : beyond_pool(
           kHnte, [&](const CertificationInputs& x) { return hnte_eligible(x, m.hnte); },
           m.hnte.steady_lapse_rate * static_cast<double>(hntes) / m.hnte.apply_prob, kHntePool))
    f.high_tech_revenue_share[i] = mix_for_share(
        f, i, m.firm, m.hnte.high_tech_revenue_min - m.firm.certified_high_tech_margin);
  // An hnte holder qualifies for tech SME directly: taking its patent would cost it the hnte
  // renewal, so the pool is of firms without one. Before the scheme's first year nobody is
  // eligible, and the scheme's start is a real wave of registrations.
  std::uint64_t moved = 0;
  const bool sme_scheme = w.clock.year >= m.tech_sme.first_year;
  for (std::size_t i : beyond_pool(
           kTechSme,
           [&](const CertificationInputs& x) {
             return sme_scheme && !x.hnte && tech_sme_eligible(x, m.tech_sme);
           },
           m.tech_sme.steady_lapse_rate * static_cast<double>(tech_smes) / m.tech_sme.register_prob,
           kSmePool)) {
    moved += f.patents[i];
    f.patents[i] = 0;
  }
  std::vector<std::size_t> holders;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.has(i, kHnte)) holders.push_back(i);
  if (holders.empty()) return;
  Stream s(w.key.seed, w.key.stream(), kRegionAgent, kInitStep, Purpose::kInnovation, 1);
  for (std::uint64_t k = 0; k < moved; ++k)
    ++f.patents[holders[static_cast<std::size_t>(s.uniform() *
                                                 static_cast<double>(holders.size()))]];
}

// The preset's high-tech share of above-scale industrial value added, where it gives one:
// every firm's product mix s becomes 1 - (1 - s)^k, with the one k (bisection on log k) that
// gives the share with R&D's uplift on top (phases/high_tech_share.h); certified firms keep
// the hnte profile's floor. Value added is
// revenue times one ratio, so the revenue-weighted share is the VA share. Entrants draw
// through the same k later (Macro::high_tech_exponent), so the match holds as firms turn over.
void match_high_tech_share(World& w, const ModelConfig& m) {
  const double target = m.region.high_tech_va_share / 100.0;
  if (target <= 0) return;
  FirmTable& f = w.firms;
  const float floor =
      static_cast<float>(m.hnte.high_tech_revenue_min + m.firm.certified_high_tech_margin);
  const auto share_at = [&](double k) {
    double high = 0, all = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f.has(i, kAboveScale)) continue;
      float s = matched_high_tech_share(f.high_tech_revenue_share[i], k);
      if (f.has(i, kHnte)) s = std::max(s, floor);
      high += raised_share(s, rd_uplift(f, i, m.firm)) * f.revenue[i];
      all += f.revenue[i];
    }
    return all > 0 ? high / all : 0.0;
  };
  constexpr double kWidestExponent = 1e3;  // k in [1/1000, 1000]: far beyond any real match
  constexpr int kShareBisections = 60;
  double lo = -std::log(kWidestExponent), hi = std::log(kWidestExponent);
  if (share_at(std::exp(lo)) > target || share_at(std::exp(hi)) < target)
    throw ModelError("region.high_tech_va_share = " + std::to_string(m.region.high_tech_va_share) +
                     "% cannot be reached with the preset's hnte and sectors");
  for (int it = 0; it < kShareBisections; ++it) {
    const double mid = (lo + hi) / 2;
    (share_at(std::exp(mid)) < target ? lo : hi) = mid;
  }
  const double k = std::exp((lo + hi) / 2);
  w.macro.high_tech_exponent = k;
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.high_tech_revenue_share[i] = matched_high_tech_share(f.high_tech_revenue_share[i], k);
    if (f.has(i, kHnte))
      f.high_tech_revenue_share[i] = std::max(f.high_tech_revenue_share[i], floor);
  }
}

std::size_t count_of(double preset_value, std::size_t available) {
  return std::min<std::size_t>(available, static_cast<std::size_t>(std::llround(preset_value)));
}

}  // namespace

World initial_population(const ModelConfig& m, RunKey key) {
  const RegionConfig& r = m.region;
  World w;
  w.key = key;
  w.clock.year = r.base_year;
  w.clock.step = -1;  // the base year's last step; the first simulated step is 0
  w.clock.substep = m.time.steps_per_year - 1;
  w.macro.sector_productivity.assign(r.sectors.size(), 0.0);
  const auto n = static_cast<std::size_t>(std::llround(r.firms_total));
  double industrial_share = 0;
  for (const auto& s : r.sectors) industrial_share += s.share * s.industrial_share;
  const double above_share =
      r.firms_above_scale / std::max(1.0, industrial_share * static_cast<double>(n));
  if (above_share >= 1.0)
    throw ModelError(
        "region.firms_above_scale exceeds the industrial firms implied by region.sectors (" +
        std::to_string(industrial_share * static_cast<double>(n)) + ")");
  // P(revenue >= 20M) = (xmin / 20M)^alpha = above_share.
  const double alpha = m.firm.revenue_pareto_alpha;
  const double xmin = kAboveScaleRevenue * std::pow(std::max(above_share, kTinyShare), 1.0 / alpha);
  // The top of the distribution is bounded by the region's size: one firm cannot outsell it.
  const double xmax = m.firm.max_revenue_gdp_ratio * r.gdp;
  if (xmax <= std::max(xmin, kAboveScaleRevenue))
    throw ModelError("firm.max_revenue_gdp_ratio x region.gdp (" + std::to_string(xmax) +
                     " CNY) must exceed the 20M above-scale line");

  FirmTable& f = w.firms;
  w.macro.smallest_revenue = xmin;  // until the scaling below moves it
  f.reserve(n + n / kEntrySlack);
  f.add_rows(w.next_firm_id, n);
  w.next_firm_id += n;
  std::vector<double> log_revenue(n), u_rd(n);
  // Each firm from its own stream: in parallel, the same draws whatever the schedule.
  for_each_row(f, [&](std::size_t i) {
    Stream s(key.seed, key.stream(), f.id[i], kInitStep, Purpose::kInit);
    draw_firm_traits(f, i, s, m, std::nullopt);  // scaled below, with the R&D calibration
    f.revenue[i] = s.pareto(xmin, alpha, xmax);
    log_revenue[i] = std::log(f.revenue[i]);
    f.productivity[i] = static_cast<float>(m.firm.productivity_sigma * s.normal());
    f.birth_step[i] = -static_cast<std::int32_t>(std::ceil(s.exponential(m.firm.initial_age_mean) *
                                                           m.time.steps_per_year)) -
                      1;
    f.cash[i] = static_cast<float>(s.uniform() * m.firm.cash_cap_ratio * f.revenue[i]);
    u_rd[i] = s.uniform();  // R&D participation, decided at the final revenue
    const bool above = f.has(i, kIndustrial) && f.revenue[i] >= kAboveScaleRevenue;
    f.set(i, kAboveScale, above);
    f.set(i, kEverAboveScale, above);
  });

  // Exactly r.firms_above_scale industrial firms at or above the 20M line: scale every
  // revenue by the factor that puts the k-th largest industrial revenue on the line (the
  // Pareto shape is kept; only x_min moves).
  {
    std::vector<double> industrial_revenue;
    for (std::size_t i = 0; i < n; ++i)
      if (f.has(i, kIndustrial)) industrial_revenue.push_back(f.revenue[i]);
    const auto k = static_cast<std::size_t>(std::llround(r.firms_above_scale));
    if (k > industrial_revenue.size())
      throw ModelError("region.firms_above_scale (" + std::to_string(k) +
                       ") exceeds the industrial firms drawn (" +
                       std::to_string(industrial_revenue.size()) +
                       "); raise the sectors' industrial_share");
    if (k > 0) {
      std::nth_element(industrial_revenue.begin(),
                       industrial_revenue.begin() + static_cast<std::ptrdiff_t>(k - 1),
                       industrial_revenue.end(), std::greater<>());
      // A relative 1e-12 above the line, so rounding cannot drop the k-th firm below it.
      const double scale = kAboveScaleRevenue / industrial_revenue[k - 1] * (1.0 + kRoundingGuard);
      w.macro.smallest_revenue = xmin * scale;
      for (std::size_t i = 0; i < n; ++i) {
        f.revenue[i] = std::clamp(f.revenue[i] * scale, 1.0, xmax);
        log_revenue[i] = std::log(f.revenue[i]);
        const bool above = f.has(i, kIndustrial) && f.revenue[i] >= kAboveScaleRevenue;
        f.set(i, kAboveScale, above);
        f.set(i, kEverAboveScale, above);
      }
    }
  }

  // R&D participation at its stationary share for the firm's size (phases/rd_participation.h).
  for (std::size_t i = 0; i < n; ++i) {
    f.set(i, kRdActive, u_rd[i] < rd_participation(m.rd, f.revenue[i]));
    f.intensity[i] = f.has(i, kRdActive) ? f.latent_intensity[i] : 0.0f;
  }

  // Exactly r.hntes certified firms among high-tech firms: hnte.initial_above_line_share of them
  // at or above the 20M line (as many as there are high-tech firms that large), the rest below;
  // within each group the ranking favours larger firms mildly (score = initial_size_weight x
  // log revenue plus a Gumbel draw).
  // A candidate whose certified R&D would take the certified firms (hnte and tech SMEs
  // together) past hnte.initial_rd_share_max of the region's business R&D is passed over: the
  // preset's R&D bounds who can be certified. If too few fit, the smallest passed-over firms
  // fill the count: the count is always exact, and base-year R&D may then overshoot.
  const double target_rd = r.rd_expenditure * r.business_rd_share;
  double certified_rd = 0;
  auto certify_count = [&](const std::vector<std::size_t>& rank, std::size_t wanted, Certified kind,
                           auto certify) {
    std::vector<std::size_t> passed_over;
    std::size_t taken = 0;
    for (std::size_t k = 0; k < rank.size() && taken < wanted; ++k) {
      const std::size_t i = rank[k];
      if (f.has(i, kHnte) || f.has(i, kTechSme)) continue;
      // The most a certified profile can take (its widest margin over the line).
      const double least = std::max<double>(
          f.intensity[i], (m.firm.certified_margin_low + m.firm.certified_margin_spread) *
                              min_certified_intensity(m, f.revenue[i], kind, r.base_year));
      if (certified_rd + least * f.revenue[i] > m.hnte.initial_rd_share_max * target_rd) {
        passed_over.push_back(i);
        continue;
      }
      certify(i);
      ++taken;
    }
    // The smallest passed-over firms, in the stable order by revenue; only as many as are
    // still wanted are sorted (revenue, then place in the list: the stable sort's order).
    std::vector<std::size_t> place(passed_over.size());
    std::iota(place.begin(), place.end(), std::size_t{0});
    const std::size_t fill = std::min(wanted - taken, place.size());
    std::partial_sort(place.begin(), place.begin() + static_cast<std::ptrdiff_t>(fill), place.end(),
                      [&](std::size_t a, std::size_t b) {
                        const double ra = f.revenue[passed_over[a]], rb = f.revenue[passed_over[b]];
                        return ra < rb || (ra == rb && a < b);
                      });
    for (std::size_t k = 0; k < fill; ++k, ++taken) certify(passed_over[place[k]]);
    return taken;
  };
  auto certify_hnte = [&](std::size_t i) {
    Stream s(key.seed, key.stream(), f.id[i], kInitStep, Purpose::kCertification);
    give_certified_profile(f, i, s, m, Certified::kHnte, r.base_year);
    certified_rd += f.intensity[i] * f.revenue[i];
    f.set(i, kHnte, true);
    f.set(i, kEverHnte, true);
    f.hnte_expiry[i] = static_cast<std::uint16_t>(
        r.base_year + 1 + static_cast<int>(s.uniform() * m.hnte.validity_years));
  };
  std::vector<std::size_t> high_tech_large, high_tech_small, small;
  std::vector<double> hnte_score(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (f.has(i, kHighTech))
      (f.revenue[i] >= kAboveScaleRevenue ? high_tech_large : high_tech_small).push_back(i);
    hnte_score[i] = m.hnte.initial_size_weight * log_revenue[i];
  }
  const auto large_rank = ranked(w, high_tech_large, hnte_score, kHnteRanking);
  const auto small_rank = ranked(w, high_tech_small, hnte_score, kHnteRanking);
  const std::size_t wanted = count_of(r.hntes, large_rank.size() + small_rank.size());
  const std::size_t wanted_large =
      count_of(m.hnte.initial_above_line_share * static_cast<double>(wanted), large_rank.size());
  std::size_t taken = certify_count(large_rank, wanted_large, Certified::kHnte, certify_hnte);
  taken += certify_count(small_rank, wanted - taken, Certified::kHnte, certify_hnte);
  certify_count(large_rank, wanted - taken, Certified::kHnte, certify_hnte);  // too few small

  // Exactly r.tech_smes registered firms within the size limits; hnte holders qualify
  // directly and come first.
  std::vector<double> sme_score(n);
  std::vector<std::size_t> sme_holders;
  for (std::size_t i = 0; i < n; ++i) {
    if (employees(m.firm, f.revenue[i]) <= m.tech_sme.max_employees &&
        f.revenue[i] <= m.tech_sme.max_revenue)
      (f.has(i, kHnte) ? sme_holders : small).push_back(i);
    sme_score[i] = (f.has(i, kHighTech) ? m.tech_sme.initial_high_tech_weight : 0.0) +
                   m.tech_sme.initial_size_weight * log_revenue[i];
  }
  const std::size_t sme_wanted = count_of(r.tech_smes, sme_holders.size() + small.size());
  const auto holder_rank = ranked(w, sme_holders, sme_score, kSmeRanking);
  for (std::size_t k = 0; k < std::min(sme_wanted, holder_rank.size()); ++k)
    f.set(holder_rank[k], kTechSme, true);
  certify_count(ranked(w, small, sme_score, kSmeRanking),
                sme_wanted - std::min(sme_wanted, holder_rank.size()), Certified::kTechSme,
                [&](std::size_t i) {
                  Stream s(key.seed, key.stream(), f.id[i], kInitStep, Purpose::kCertification, 1);
                  give_certified_profile(f, i, s, m, Certified::kTechSme, r.base_year);
                  certified_rd += f.intensity[i] * f.revenue[i];
                  f.set(i, kTechSme, true);
                });

  // Business R&D: scale the intensities so the total matches. A certified firm keeps the R&D
  // its status needs (up to the profile's widest margin over the line); only R&D beyond that is
  // scaled, as all of an uncertified firm's is. If the kept R&D alone exceeds the preset,
  // base-year R&D overshoots rather than breaking the certified counts.
  auto kept = [&](std::size_t i) {
    if (!f.has(i, kHnte) && !f.has(i, kTechSme)) return 0.0;
    const double line = min_certified_intensity(
        m, f.revenue[i], f.has(i, kHnte) ? Certified::kHnte : Certified::kTechSme, r.base_year);
    return std::min<double>(f.intensity[i],
                            (m.firm.certified_margin_low + m.firm.certified_margin_spread) * line);
  };
  // The factor that makes the capped total equal the target: the total is increasing in the
  // factor, so bisection finds it (the uncapped ratio is its lower bound).
  std::vector<double> keep(n);
  double fixed = 0, free = 0;
  for (std::size_t i = 0; i < n; ++i) {
    keep[i] = kept(i);
    fixed += keep[i] * f.revenue[i];
    free += (f.intensity[i] - keep[i]) * f.revenue[i];
  }
  auto scaled = [&](std::size_t i, double factor) {
    return std::min<double>(keep[i] + (f.intensity[i] - keep[i]) * factor,
                            std::max(keep[i], m.rd.max_intensity));
  };
  auto total = [&](double factor) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += scaled(i, factor) * f.revenue[i];
    return sum;
  };
  double factor = free > 0 ? std::max(0.0, target_rd - fixed) / free : 0.0;
  if (factor > 0 && total(factor) < target_rd) {
    double lo = factor, hi = factor;
    while (total(hi) < target_rd && hi < kMaxScaleFactor) hi *= 2;
    for (int k = 0; k < kBisections; ++k) {
      const double mid = (lo + hi) / 2;
      (total(mid) < target_rd ? lo : hi) = mid;
    }
    factor = hi;
  }
  for (std::size_t i = 0; i < n; ++i) f.intensity[i] = static_cast<float>(scaled(i, factor));

  // The preset's patent stock: one per certified firm, the rest spread over R&D performers.
  double assigned = 0;
  std::vector<std::size_t> performers;
  for (std::size_t i = 0; i < n; ++i) {
    assigned += f.patents[i];
    if (f.has(i, kRdActive)) performers.push_back(i);
  }
  // Each remaining patent goes to a performer drawn uniformly: the stock is exact.
  if (!performers.empty()) {
    Stream s(key.seed, key.stream(), kRegionAgent, kInitStep, Purpose::kInnovation);
    const auto remaining =
        static_cast<std::uint64_t>(std::max(0.0, std::round(r.invention_patents - assigned)));
    for (std::uint64_t k = 0; k < remaining; ++k)
      ++f.patents[performers[static_cast<std::size_t>(s.uniform() *
                                                      static_cast<double>(performers.size()))]];
  }

  // The base year's accounts, a steady past for the three-year rules, and R&D capital at
  // its steady state (R&D / depreciation). Latent intensities are backed out so that today's
  // intensity is the desired one under today's policy. Every other latent intensity, of
  // non-performers now and of entrants later, is drawn from the same distribution: the raw
  // draw times the R&D calibration's factor, at the reference user cost.
  w.macro.latent_scale = factor / plain_user_cost_factor(m, r.base_year);
  double revenue_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    f.revenue_year[i] = f.revenue[i];
    f.rd_year[i] = f.rd_real_year[i] = f.intensity[i] * f.revenue[i];
    for (int h = 0; h < kHistoryYears; ++h) {
      f.rd_hist[h][i] = static_cast<float>(f.rd_year[i]);
      f.revenue_hist[h][i] = static_cast<float>(f.revenue[i]);
    }
    f.knowledge[i] = static_cast<float>(steady_state_stock(f.rd_year[i], m));
    revenue_total += f.revenue[i];
    fund_rd_margin(f, i);
    f.latent_intensity[i] = static_cast<float>(
        f.has(i, kRdActive) && f.intensity[i] > 0
            ? f.intensity[i] / user_cost_factor(w.firms, w.fiscal, m, i, r.base_year)
            : std::min(m.rd.max_intensity, w.macro.latent_scale * f.latent_intensity[i]));
  }
  w.macro.value_added_ratio = r.firm_va_share_of_gdp * r.gdp / revenue_total;
  w.macro.gdp_other = (1.0 - r.firm_va_share_of_gdp) * r.gdp;
  w.macro.public_rd = w.macro.public_rd_no_lever = r.rd_expenditure * (1.0 - r.business_rd_share);
  initial_ecosystem(w, m);

  const Now at = now(w);
  // Claims on the base year if a lever is already in force.
  policy(w.firms, w.eco, w.fiscal, w.totals, w.macro, at, m);
  accounts(w.firms, w.totals, w.clock, m);
  match_talent(w.eco.talent, w.firms, w.eco.research, at, m);
  match_high_tech_share(w, m);
  settle_pending_pools(w, m, static_cast<std::uint64_t>(std::llround(r.hntes)),
                       static_cast<std::uint64_t>(std::llround(r.tech_smes)));
  w.indicators = statistics(w, m);
  for (int k = 0; k < kIndicatorCount; ++k)  // flows need a simulated year
    if (kIndicators[k].measure == Measure::kFlow) w.indicators[k] = std::nan("");
  // As at every year end: R&D for the first simulated year, under that year's policy.
  rd_decision(w.firms, w.fiscal, at, m);
  w.eco.talent_tightness = w.eco.base_tightness =
      match_talent(w.eco.talent, w.firms, w.eco.research, at, m);
  collaboration_year_end(w.eco, w.firms, w.fiscal, w.next_firm_id, at, m);
  return w;
}

}  // namespace innosim
