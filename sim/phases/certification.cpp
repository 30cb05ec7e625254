#include "phases/certification.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "phases/employment.h"
#include "phases/high_tech_share.h"
#include "phases/phase_context.h"

namespace innosim {
namespace {

// Points for a value against descending thresholds: the first threshold met wins.
template <std::size_t N>
double band_points(double value, const double (&thresholds)[N], const double (&points)[N]) {
  for (std::size_t k = 0; k < N; ++k)
    if (value >= thresholds[k]) return points[k];
  return 0;
}

enum class Outcome { kUnchanged, kGranted, kRenewed, kLapsed };

// Renews or grants a time-limited status: a holder keeps it through its expiry year, then
// must qualify again; an eligible firm gets it (again) with probability `p`.
Outcome certify(FirmTable& f, std::size_t i, FirmFlag flag, std::vector<std::uint16_t>& expiry,
                int year, bool eligible, double u, double p, int validity) {
  const bool holder = f.has(i, flag);
  if (holder && expiry[i] > year) return Outcome::kUnchanged;
  const bool granted = eligible && u < p;
  f.set(i, flag, granted);
  if (granted) expiry[i] = static_cast<std::uint16_t>(year + validity);
  if (holder) return granted ? Outcome::kRenewed : Outcome::kLapsed;
  return granted ? Outcome::kGranted : Outcome::kUnchanged;
}

}  // namespace

RulePrices rule_prices(const Clock& clock, const ModelConfig& m) {
  const int year = clock.year, base = m.region.base_year;
  return {m.prices.level(year, base), m.prices.level(year - 1, base),
          m.prices.level(year - kHistoryYears, base)};
}

CertificationInputs certification_inputs(const Clock& clock, const FirmTable& f,
                                         const ModelConfig& m, const RulePrices& prices,
                                         std::size_t i) {
  CertificationInputs x;
  x.year = clock.year;
  x.age_years = (clock.step + 1 - f.birth_step[i]) * step_years(m);
  // The rules' money lines are in current CNY: revenue and profit at the year's prices.
  x.revenue = f.revenue_year[i] * prices.now;
  x.employees = employees(m.firm, f.revenue_year[i]);
  const double previous = f.revenue_hist[0][i] * prices.last;
  x.revenue_growth = previous > 0 ? x.revenue / previous - 1.0 : 0.0;
  x.revenue_3y_ago = f.revenue_hist[kHistoryYears - 1][i] * prices.first;
  x.revenue_growth_3y = x.revenue_3y_ago > 0 ? std::cbrt(x.revenue / x.revenue_3y_ago) - 1.0 : 0.0;
  const double rd3 = f.rd_year[i] + f.rd_hist[0][i] + f.rd_hist[1][i];
  const double rev3 = f.revenue_year[i] + f.revenue_hist[0][i] + f.revenue_hist[1][i];
  x.rd_share_3y = rev3 > 0 ? rd3 / rev3 : 0;
  x.rd_intensity = f.revenue_year[i] > 0 ? f.rd_year[i] / f.revenue_year[i] : 0;
  const double st_staff = f.rd_real_year[i] / m.rd.cost_per_rd_worker * m.rd.st_staff_per_rd_staff;
  x.rd_staff_share = x.employees > 0 ? st_staff / x.employees : 0;
  x.high_tech_revenue_share = high_tech_share(f, i, m.firm);
  x.profit = f.profit_last[i] * prices.now;
  x.invention_patents = f.patents[i];
  x.hnte = f.has(i, kHnte);
  return x;
}

// The scoring table of 《科技型中小企业评价办法》 (国科发政〔2017〕115号, annex): points by band
// of S&T staff share and of R&D intensity; an invention patent is a Class I IP right.
constexpr double kStaffBands[] = {0.30, 0.25, 0.20, 0.15, 0.10};
constexpr double kStaffPoints[] = {20, 16, 12, 8, 4};
constexpr double kRdBands[] = {0.06, 0.05, 0.04, 0.03, 0.02};
constexpr double kRdPoints[] = {50, 40, 30, 20, 10};
constexpr double kClassOnePatentPoints = 30;

TechSmeScore tech_sme_score(const CertificationInputs& x) {
  const double staff = band_points(x.rd_staff_share, kStaffBands, kStaffPoints);
  const double ip = x.invention_patents >= 1 ? kClassOnePatentPoints : 0;
  return {staff + band_points(x.rd_intensity, kRdBands, kRdPoints) + ip, staff > 0};
}

bool hnte_eligible(const CertificationInputs& x, const HnteRules& r) {
  return x.age_years >= kHnteMinAgeYears && x.rd_share_3y >= r.threshold(x.revenue, x.year) &&
         x.rd_staff_share >= r.rd_staff_share_min &&
         x.high_tech_revenue_share >= r.high_tech_revenue_min && x.invention_patents >= 1;
}

bool tech_sme_eligible(const CertificationInputs& x, const TechSmeRules& r) {
  if (x.employees > r.max_employees || x.revenue > r.max_revenue) return false;
  if (x.hnte) return true;  // a valid hnte certificate qualifies directly
  const TechSmeScore s = tech_sme_score(x);
  return s.staff_points && s.points >= r.min_score;
}

bool specialized_sme_eligible(const CertificationInputs& x, const SpecializedSmeRules& r) {
  return x.employees <= r.max_employees && x.age_years >= r.min_age && x.revenue >= r.min_revenue &&
         x.rd_intensity >= r.min_rd_intensity && x.revenue_growth >= r.min_revenue_growth &&
         x.invention_patents >= r.min_patents;
}

bool gazelle(const CertificationInputs& x, const GazelleRules& r) {
  return x.age_years <= r.max_age && x.revenue_3y_ago >= r.min_revenue &&
         x.revenue_growth_3y >= r.min_growth;
}

bool listing_eligible(const CertificationInputs& x, const ListingRules& r) {
  return x.revenue >= r.min_revenue && x.profit > 0;
}

bool demo_eligible(const CertificationInputs& x, const DemoRules& r) {
  return x.hnte && x.revenue >= r.min_revenue && x.rd_intensity >= r.min_rd_intensity &&
         x.invention_patents >= r.min_patents;
}

HnteRound certification(FirmTable& f, Now at, const ModelConfig& m) {
  std::vector<std::uint8_t> demo_candidate(f.size(), 0);
  // Integer counts: their sum does not depend on the order the threads add them in.
  std::atomic<std::uint64_t> certified{0}, first{0}, lapsed{0};
  const RulePrices prices = rule_prices(at.clock, m);
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    CertificationInputs x = certification_inputs(at.clock, f, m, prices, i);
    Stream s = firm_stream(at, f, i, Purpose::kCertification);
    const double u_hnte = s.uniform(), u_sme = s.uniform(), u_spec = s.uniform(),
                 u_list = s.uniform();
    const bool above = f.has(i, kIndustrial) && x.revenue >= kAboveScaleRevenue;
    f.set(i, kAboveScale, above);
    const Outcome hnte =
        certify(f, i, kHnte, f.hnte_expiry, at.clock.year, hnte_eligible(x, m.hnte), u_hnte,
                m.hnte.certify_prob(f.has(i, kHnte)), m.hnte.validity_years);
    if (hnte == Outcome::kLapsed) lapsed.fetch_add(1, std::memory_order_relaxed);
    if (hnte == Outcome::kGranted || hnte == Outcome::kRenewed)
      certified.fetch_add(1, std::memory_order_relaxed);
    if (hnte == Outcome::kGranted && !f.has(i, kEverHnte))
      first.fetch_add(1, std::memory_order_relaxed);
    x.hnte = f.has(i, kHnte);
    // tech_sme registration is yearly; a registered firm re-registers while it qualifies.
    const bool sme = at.clock.year >= m.tech_sme.first_year && tech_sme_eligible(x, m.tech_sme);
    f.set(i, kTechSme, sme && (f.has(i, kTechSme) || u_sme < m.tech_sme.register_prob));
    certify(f, i, kSpecializedSme, f.specialized_expiry, at.clock.year,
            specialized_sme_eligible(x, m.specialized_sme), u_spec, m.specialized_sme.apply_prob,
            m.specialized_sme.validity_years);
    f.set(i, kGazelle, gazelle(x, m.gazelle));
    if (!f.has(i, kListed) && listing_eligible(x, m.listing) && u_list < m.listing.rate)
      f.set(i, kListed, true);
    demo_candidate[i] = !f.has(i, kDemo) && demo_eligible(x, m.demo_enterprise);
  });
  // The demonstration round has a quota: the candidates with most invention patents, then
  // the highest R&D, then the lowest id, are recognised.
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (demo_candidate[i]) candidates.push_back(i);
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return f.patents[a] != f.patents[b] ? f.patents[a] > f.patents[b] : f.rd_year[a] > f.rd_year[b];
  });
  const std::size_t quota = std::min<std::size_t>(
      candidates.size(), static_cast<std::size_t>(m.demo_enterprise.quota_per_year));
  for (std::size_t k = 0; k < quota; ++k) f.set(candidates[k], kDemo, true);
  return {certified.load(), first.load(), lapsed.load()};
}

}  // namespace innosim
