// Status: the yearly certification rounds (BRIEF 3.4, DOMAIN 2.1 and 2.3) on the year just
// completed: above_scale (a statistical definition), tech_sme registration, hnte
// certification and re-certification.
#pragma once
#include "config/model_config.h"
#include "world.h"

namespace innosim {

// National statistical definition of an above-scale industrial firm (main revenue >= 20M CNY
// a year, NBS since 2011).
inline constexpr double kAboveScaleRevenue = 2e7;

// Facts about one firm that the rules look at, measured over the completed year.
struct CertificationInputs {
  double age_years = 0;
  double employees = 0;
  double revenue = 0;             // last year, CNY
  double rd_share_3y = 0;         // R&D over revenue over the last three years
  double rd_intensity = 0;        // last year
  double rd_staff_share = 0;      // R&D staff over employees
  double high_tech_revenue_share = 0;
  std::uint32_t invention_patents = 0;
  bool hnte = false;
};

// The tech SME evaluation score (0-100) of 国科发政〔2017〕115号 and whether its S&T-staff part is non-zero.
struct TechSmeScore {
  double points = 0;
  bool staff_points = false;
};
TechSmeScore tech_sme_score(const CertificationInputs& x);

bool hnte_eligible(const CertificationInputs& x, const HnteRules& r);
bool tech_sme_eligible(const CertificationInputs& x, const TechSmeRules& r);

void certification(World& w, const ModelConfig& m);

}  // namespace innosim
