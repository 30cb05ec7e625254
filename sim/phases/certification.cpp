#include "phases/certification.h"

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

CertificationInputs inputs_of(const World& w, const ModelConfig& m, std::size_t i) {
  const FirmTable& f = w.firms;
  CertificationInputs x;
  x.age_years = (w.step + 1 - f.birth_step[i]) * step_years(m);
  x.revenue = f.revenue_year[i];
  x.employees = x.revenue / m.firm.revenue_per_employee;
  const double rd3 = f.rd_year[i] + f.rd_hist[0][i] + f.rd_hist[1][i];
  const double rev3 = f.revenue_year[i] + f.revenue_hist[0][i] + f.revenue_hist[1][i];
  x.rd_share_3y = rev3 > 0 ? rd3 / rev3 : 0;
  x.rd_intensity = x.revenue > 0 ? f.rd_year[i] / x.revenue : 0;
  const double rd_staff = f.rd_year[i] / m.rd.cost_per_rd_worker;
  x.rd_staff_share = x.employees > 0 ? rd_staff / x.employees : 0;
  x.high_tech_revenue_share = f.high_tech_revenue_share[i];
  x.invention_patents = f.patents[i];
  x.hnte = f.has(i, kHnte);
  return x;
}

}  // namespace

TechSmeScore tech_sme_score(const CertificationInputs& x) {
  static const double staff_t[] = {0.30, 0.25, 0.20, 0.15, 0.10}, staff_p[] = {20, 16, 12, 8, 4};
  static const double rd_t[] = {0.06, 0.05, 0.04, 0.03, 0.02}, rd_p[] = {50, 40, 30, 20, 10};
  // An invention patent is a Class I IP right (30 points).
  const double staff = band_points(x.rd_staff_share, staff_t, staff_p);
  const double ip = x.invention_patents >= 1 ? 30 : 0;
  return {staff + band_points(x.rd_intensity, rd_t, rd_p) + ip, staff > 0};
}

bool hnte_eligible(const CertificationInputs& x, const HnteRules& r) {
  return x.age_years >= 1.0 && x.rd_share_3y >= r.threshold(x.revenue) &&
         x.rd_staff_share >= r.rd_staff_share_min && x.high_tech_revenue_share >= r.high_tech_revenue_min &&
         x.invention_patents >= 1;
}

bool tech_sme_eligible(const CertificationInputs& x, const TechSmeRules& r) {
  if (x.employees > r.max_employees || x.revenue > r.max_revenue) return false;
  if (x.hnte) return true;  // a valid hnte certificate qualifies directly
  const TechSmeScore s = tech_sme_score(x);
  return s.staff_points && s.points >= r.min_score;
}

void certification(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  for_each_firm(w, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    const CertificationInputs x = inputs_of(w, m, i);
    Stream s = firm_stream(w, i, Purpose::kCertification);
    const double u_hnte = s.uniform(), u_sme = s.uniform();
    f.set(i, kAboveScale, f.has(i, kIndustrial) && x.revenue >= kAboveScaleRevenue);
    // hnte: a holder keeps the certificate until its expiry year, then must re-apply.
    const bool holds = f.has(i, kHnte) && f.hnte_expiry[i] > w.year;
    if (!holds) {
      const bool certified = hnte_eligible(x, m.hnte) && u_hnte < m.hnte.apply_prob;
      f.set(i, kHnte, certified);
      if (certified) f.hnte_expiry[i] = static_cast<std::uint16_t>(w.year + m.hnte.validity_years);
    }
    CertificationInputs after = x;
    after.hnte = f.has(i, kHnte);
    // tech_sme registration is yearly; a registered firm re-registers while it qualifies.
    const bool eligible = tech_sme_eligible(after, m.tech_sme);
    f.set(i, kTechSme, eligible && (f.has(i, kTechSme) || u_sme < m.tech_sme.register_prob));
  });
}

}  // namespace innosim
