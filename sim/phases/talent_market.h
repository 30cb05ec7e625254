// The talent market (BRIEF 3.3 step 3). At year end, before the statistics: retirements and
// departures (raised by the wage and amenity gap to the east hub, lowered by allowances),
// inflows (the east hub's cooperation, allowances, leading-talent funding with teams,
// flying incubators, migrants from other regions of the run), graduates who stay, and R&D
// talents who start firms. After the R&D decision: R&D staff are matched to firms and
// research organisations, and a firm short of staff has its R&D capped.
#pragma once
#include "config/model_config.h"
#include "phases/phase_context.h"
#include "world.h"

namespace innosim {

// Talent in the region: individuals plus the pool, persons.
double talent_total(const Ecosystem& eco);
// The yearly flows; keeps the identity total(t) = total(t-1) + inflow + graduates - outflow -
// retirements.
// Reads the carriers, the hub link and venture money (totals); writes talents and the pool
// (eco), talent flows (totals), emigrants, arrivals and founders (handoffs), and talent-lever
// claims (fiscal).
void talent_flows(Ecosystem& eco, YearTotals& totals, Handoffs& handoffs, FiscalState& fiscal,
                  Now at, const ModelConfig& m);
// Matches R&D talents to employers and caps the R&D of firms short of staff.
// Reads the firms' R&D plans and organisations' budgets; writes talents' employers and firms'
// staff, leading talents and staff-capped intensity. Returns the market's tightness: persons
// wanted (organisations and firms) per R&D talent.
double match_talent(TalentTable& t, FirmTable& f, const ResearchTable& research, Now at,
                    const ModelConfig& m);
// Persons a firm needs for the R&D it plans this year (fractional).
double rd_staff_demand(const FirmTable& f, std::size_t i, const ModelConfig& m);

}  // namespace innosim
