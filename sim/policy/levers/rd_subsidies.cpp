#include "policy/levers/rd_subsidies.h"

#include <algorithm>

#include "phases/phase_context.h"
#include "policy/claims.h"

namespace innosim {
namespace {

double reported_intensity(const FirmTable& f, std::size_t i) {
  return f.revenue_year[i] > 0 ? f.rd_year[i] / f.revenue_year[i] : 0.0;
}

}  // namespace

double expected_subsidy_rate(const RdPostSubsidy& lever, const FirmTable& f, std::size_t i,
                             int year) {
  if (!lever.common.active(year)) return 0.0;
  const bool eligible = lever.eligible == Eligible::kHnte         ? f.has(i, kHnte)
                        : lever.eligible == Eligible::kAboveScale ? f.has(i, kAboveScale)
                        : lever.eligible == Eligible::kTechSme    ? f.has(i, kTechSme)
                                                                  : f.has(i, kRdActive);
  if (!eligible) return 0.0;
  // At the cap a yuan more R&D earns no more subsidy: the lever is then cash, not a price.
  const double planned = (f.intensity[i] + f.relabel[i]) * f.revenue[i];
  const double base = lever.base == RdBase::kTotal ? planned : planned - f.rd_hist[0][i];
  return lever.rate * base < lever.cap_per_firm ? lever.rate : 0.0;
}

void rd_subsidy_claims(FiscalState& fiscal, FirmTable& f, Now at, const ModelConfig& m,
                       std::size_t i) {
  const int year = at.clock.year;
  const Levers& l = m.levers;
  const RdPostSubsidy& post = l.rd_post_subsidy;
  if (post.common.active(year) && expected_subsidy_rate(post, f, i, year) != 0.0) {
    const double base =
        post.base == RdBase::kTotal ? f.rd_year[i] : std::max(0.0, f.rd_year[i] - f.rd_hist[0][i]);
    fiscal.file(kLeverRdPostSubsidy, {f.id[i], std::min(post.rate * base, post.cap_per_firm),
                                      reported_intensity(f, i), year + 1});
  }
  // The first-time flag is set whether or not the lever is on, so a lever switched on later
  // does not reward past crossings.
  if (f.has(i, kAboveScale) && !f.has(i, kEverAboveScale)) {
    f.set(i, kEverAboveScale, true);
    const AboveScaleFirstAward& a = l.above_scale_first_award;
    if (a.common.active(year))
      fiscal.file(kLeverAboveScaleFirstAward,
                  {f.id[i], std::min(a.rate * f.rd_year[i], a.cap), f.rd_year[i], year + 1});
  }
  const SmeProjectGrant& g = l.sme_project_grant;
  if (g.common.active(year) && f.has(i, kTechSme) && f.has(i, kRdActive)) {
    Stream s = firm_stream(at, f, i, Purpose::kPolicy);
    if (s.uniform() < g.apply_prob)
      fiscal.file(
          kLeverSmeProjectGrant,
          {f.id[i], std::min(g.amount_cap, g.project_share * g.project_rd_share * f.rd_year[i]),
           reported_intensity(f, i), year + 1});
  }
}

void rd_subsidy_paid(FirmTable& f, const ModelConfig& m, Lever lever, std::uint64_t firm_id,
                     double amount) {
  if (lever == kLeverSmeProjectGrant)
    f.grant_rd[static_cast<std::size_t>(f.find(firm_id))] +=
        static_cast<float>(m.levers.sme_project_grant.additionality * amount);
}

}  // namespace innosim
