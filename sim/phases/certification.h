// Status (BRIEF 3.3 step 8): the yearly certification rounds on the year just completed
// (BRIEF 3.4, DOMAIN 2.1 and 2.3): above_scale (a statistical definition), hnte
// certification and re-certification, tech_sme registration, specialized_sme recognition,
// gazelle status, listing, and the demonstration-enterprise round with its quota.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Facts about one firm that the rules look at, measured over the completed year.
struct CertificationInputs {
  int year = 0;  // the round's year (the rules changed in 2016)
  double age_years = 0;
  double employees = 0;
  double revenue = 0;            // last year, current CNY (the rules' money lines are nominal)
  double revenue_growth = 0;     // last year over the year before
  double revenue_growth_3y = 0;  // average yearly growth over three years (0 if no history)
  double revenue_3y_ago = 0;     // CNY
  double rd_share_3y = 0;        // reported R&D over revenue over the last three years
  double rd_intensity = 0;       // reported, last year
  double rd_staff_share = 0;     // S&T staff over employees
  double high_tech_revenue_share = 0;
  double profit = 0;  // CNY
  std::uint32_t invention_patents = 0;
  bool hnte = false;
};

// The tech SME evaluation score (0-100) of 国科发政〔2017〕115号 and whether its S&T-staff part is
// non-zero.
struct TechSmeScore {
  double points = 0;
  bool staff_points = false;
};
TechSmeScore tech_sme_score(const CertificationInputs& x);

// 国科发火〔2016〕32号 art. 11(1): registered for at least a year before applying.
inline constexpr double kHnteMinAgeYears = 1.0;

bool hnte_eligible(const CertificationInputs& x, const HnteRules& r);
bool tech_sme_eligible(const CertificationInputs& x, const TechSmeRules& r);
bool specialized_sme_eligible(const CertificationInputs& x, const SpecializedSmeRules& r);
bool gazelle(const CertificationInputs& x, const GazelleRules& r);
bool listing_eligible(const CertificationInputs& x, const ListingRules& r);
bool demo_eligible(const CertificationInputs& x, const DemoRules& r);

// The price levels the rules' money lines need in the clock's year (over the base year's):
// that year's, the year before's and the first of the three-year window's. The same for every
// firm, so a round computes them once.
struct RulePrices {
  double now = 1, last = 1, first = 1;
};
RulePrices rule_prices(const Clock& clock, const ModelConfig& m);

// The facts of row `i` of `f` (the World's live firms, or those that exited this year).
CertificationInputs certification_inputs(const Clock& clock, const FirmTable& f,
                                         const ModelConfig& m, const RulePrices& prices,
                                         std::size_t i);

// The hnte round's flows: certificates granted (first and renewed), first-ever
// certifications, and certificates of live firms that expired without renewal.
struct HnteRound {
  std::uint64_t certified = 0;
  std::uint64_t first = 0;
  std::uint64_t lapsed = 0;
};

// Writes each firm's statuses (hnte, tech SME, above scale, specialized, gazelle, listed, demo)
// and returns the hnte round's flows.
HnteRound certification(FirmTable& firms, Now at, const ModelConfig& m);

}  // namespace innosim
