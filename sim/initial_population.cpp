#include "initial_population.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/errors.h"
#include "phases/certification.h"
#include "phases/entry.h"
#include "phases/phase_context.h"
#include "phases/policy.h"
#include "phases/rd_decision.h"
#include "phases/statistics.h"

namespace innosim {
namespace {

// Rows ordered by a noisy preference (log score + Gumbel noise), best first: a
// size-biased random selection that is exact in count.
std::vector<std::size_t> ranked(const World& w, const std::vector<std::size_t>& pool,
                                const std::vector<double>& log_score, Purpose purpose) {
  std::vector<double> key(w.firms.size());
  for (std::size_t i : pool) {
    Stream s(w.key.seed, w.key.replicate, w.firms.id[i], 0, purpose);
    key[i] = log_score[i] - std::log(-std::log(s.uniform()));
  }
  std::vector<std::size_t> order = pool;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] > key[b]; });
  return order;
}

// Makes firm `i` meet the hnte or tech_sme criteria at the base year, with a margin.
void give_certifiable_profile(FirmTable& f, std::size_t i, double min_intensity, Stream& s) {
  f.set(i, kRdActive, true);
  f.intensity[i] = static_cast<float>(std::max<double>(f.intensity[i], min_intensity * (1.02 + 0.3 * s.uniform())));
  f.patents[i] = std::max<std::uint32_t>(f.patents[i], 1);
}

}  // namespace

World initial_population(const ModelConfig& m, RunKey key) {
  const RegionConfig& r = m.region;
  World w;
  w.key = key;
  w.year = r.base_year;
  w.step = -1;  // the base year's last step; the first simulated step is 0
  w.substep = m.time.steps_per_year - 1;
  const auto n = static_cast<std::size_t>(std::llround(r.firms_total));
  const double industrial = m.firm.industrial_share * static_cast<double>(n);
  const double above_share = r.firms_above_scale / std::max(1.0, industrial);
  if (above_share >= 1.0)
    throw ModelError("region.firms_above_scale exceeds the industrial firms (firm.industrial_share x region.firms_total)");
  // P(revenue >= 20M) = (xmin / 20M)^alpha = above_share.
  const double alpha = m.firm.revenue_pareto_alpha;
  const double xmin = kAboveScaleRevenue * std::pow(std::max(above_share, 1e-9), 1.0 / alpha);

  FirmTable& f = w.firms;
  f.reserve(n + n / 4);
  std::vector<double> log_revenue(n);
  for (std::size_t i = 0; i < n; ++i) {
    f.add(w.next_firm_id++);
    Stream s(key.seed, key.replicate, f.id[i], 0, Purpose::kInit);
    draw_firm_traits(f, i, s, m);
    f.revenue[i] = s.pareto(xmin, alpha);
    log_revenue[i] = std::log(f.revenue[i]);
    f.productivity[i] = static_cast<float>(0.1 * s.normal());
    f.birth_step[i] = -static_cast<std::int32_t>(std::ceil(s.exponential(8.0) * m.time.steps_per_year)) - 1;
    // R&D is more common in larger firms: above the 20M line a firm is as likely to do R&D
    // as to stop (steady state of start/stop rates scaled up), below it at the start rate.
    const double p_active = f.revenue[i] >= kAboveScaleRevenue ? 0.3 : m.rd.start_rate;
    f.set(i, kRdActive, s.bernoulli(p_active));
    f.intensity[i] = f.has(i, kRdActive) ? f.latent_intensity[i] : 0.0f;
    f.set(i, kAboveScale, f.has(i, kIndustrial) && f.revenue[i] >= kAboveScaleRevenue);
  }

  // Certified firms: exactly r.hntes among high-tech firms, size-biased.
  std::vector<std::size_t> high_tech, small;
  for (std::size_t i = 0; i < n; ++i) {
    if (f.has(i, kHighTech)) high_tech.push_back(i);
  }
  const auto hnte_rank = ranked(w, high_tech, log_revenue, Purpose::kInitSelect);
  const auto n_hnte = std::min<std::size_t>(hnte_rank.size(), static_cast<std::size_t>(std::llround(r.hntes)));
  const double staff_intensity = m.hnte.rd_staff_share_min * m.rd.cost_per_rd_worker / m.firm.revenue_per_employee;
  for (std::size_t k = 0; k < n_hnte; ++k) {
    const std::size_t i = hnte_rank[k];
    Stream s(key.seed, key.replicate, f.id[i], 0, Purpose::kCertification);
    give_certifiable_profile(f, i, std::max(m.hnte.threshold(f.revenue[i]), staff_intensity), s);
    f.high_tech_revenue_share[i] = std::max(f.high_tech_revenue_share[i], static_cast<float>(m.hnte.high_tech_revenue_min + 0.05));
    f.set(i, kHnte, true);
    f.hnte_expiry[i] = static_cast<std::uint16_t>(r.base_year + 1 + static_cast<int>(s.uniform() * m.hnte.validity_years));
  }
  // Registered tech SMEs: exactly r.tech_smes among firms within the size limits; hnte
  // holders qualify directly and come first.
  std::vector<double> sme_score(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double employees = f.revenue[i] / m.firm.revenue_per_employee;
    if (employees <= m.tech_sme.max_employees && f.revenue[i] <= m.tech_sme.max_revenue) small.push_back(i);
    sme_score[i] = (f.has(i, kHnte) ? 100.0 : 0.0) + (f.has(i, kHighTech) ? 2.0 : 0.0) + 0.5 * log_revenue[i];
  }
  const auto sme_rank = ranked(w, small, sme_score, Purpose::kInitSelect);
  const auto n_sme = std::min<std::size_t>(sme_rank.size(), static_cast<std::size_t>(std::llround(r.tech_smes)));
  // 4% R&D (30 points) + an invention patent (30) + >= 10% R&D staff (4) = 64 >= 60.
  const double sme_intensity = std::max(0.04, staff_intensity);
  for (std::size_t k = 0; k < n_sme; ++k) {
    const std::size_t i = sme_rank[k];
    Stream s(key.seed, key.replicate, f.id[i], 0, Purpose::kCertification);
    if (!f.has(i, kHnte)) give_certifiable_profile(f, i, sme_intensity, s);
    f.set(i, kTechSme, true);
  }

  // Business R&D: scale the intensities of uncertified performers so the total matches.
  const double target_rd = r.rd_expenditure * r.business_rd_share;
  double fixed = 0, free = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double rd = f.intensity[i] * f.revenue[i];
    (f.has(i, kHnte) || f.has(i, kTechSme) ? fixed : free) += rd;
  }
  // Certified firms keep the R&D their status needs; if that alone exceeds the preset (a
  // very large certified firm in the Pareto tail), base-year R&D overshoots rather than
  // breaking the certified counts.
  const double factor = free > 0 ? std::max(0.0, target_rd - fixed) / free : 0.0;
  for (std::size_t i = 0; i < n; ++i)
    if (!(f.has(i, kHnte) || f.has(i, kTechSme)))
      f.intensity[i] = static_cast<float>(std::min<double>(f.intensity[i] * factor, m.rd.max_intensity));

  // Spread the preset's patent stock: one per certified firm, the rest over R&D performers.
  double assigned = 0;
  std::vector<std::size_t> performers;
  for (std::size_t i = 0; i < n; ++i) {
    assigned += f.patents[i];
    if (f.has(i, kRdActive)) performers.push_back(i);
  }
  const double extra_mean = performers.empty() ? 0 : std::max(0.0, r.invention_patents - assigned) / static_cast<double>(performers.size());
  for (std::size_t i : performers) {
    Stream s(key.seed, key.replicate, f.id[i], 0, Purpose::kInnovation);
    f.patents[i] += static_cast<std::uint32_t>(s.poisson(extra_mean));
  }

  // The base year's accounts, and a steady past for the three-year hnte rule. Latent
  // intensities are backed out so that today's intensity is the desired one under today's policy.
  double revenue_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    f.revenue_year[i] = f.revenue[i];
    f.rd_year[i] = f.intensity[i] * f.revenue[i];
    for (int h = 0; h < kHistoryYears; ++h) {
      f.rd_hist[h][i] = static_cast<float>(f.rd_year[i]);
      f.revenue_hist[h][i] = static_cast<float>(f.revenue[i]);
    }
    revenue_total += f.revenue[i];
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!f.has(i, kRdActive) || f.intensity[i] <= 0) continue;
    f.latent_intensity[i] = static_cast<float>(f.intensity[i] / user_cost_factor(w, m, i, r.base_year));
  }
  w.value_added_ratio = r.firm_va_share_of_gdp * r.gdp / revenue_total;
  w.gdp_other = (1.0 - r.firm_va_share_of_gdp) * r.gdp;
  w.public_rd = r.rd_expenditure * (1.0 - r.business_rd_share);

  policy(w, m);  // claims on the base year's R&D if a lever is already in force
  statistics(w, m);
  w.indicators[kFirmEntries] = w.indicators[kFirmExits] = std::nan("");
  w.indicators[kFiscalCostTotal] = w.indicators[kCostRdPostSubsidy] = std::nan("");
  return w;
}

}  // namespace innosim
