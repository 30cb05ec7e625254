#include "phases/finance.h"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/levers/money.h"

namespace innosim {
namespace {

void venture_deals(FirmTable& f, YearTotals& totals, FiscalState& fiscal, Now at,
                   const ModelConfig& m) {
  const FinanceParams& p = m.finance;
  const VentureCapital vc = venture_capital(fiscal, at.clock.year, m);
  if (vc.total <= 0) return;
  const auto stage = static_cast<std::size_t>(venture_stage(at.clock.year, m));
  const double max_age = p.stage_max_age[stage];
  // Funds exit on listing, or once a firm is well past the stages they invest in.
  for_each_row(f, [&](std::size_t i) {
    if (f.has(i, kVcBacked) &&
        (f.has(i, kListed) || age_years(at.clock, f, m, i) > p.stage_max_age[2] + p.hold_years))
      f.set(i, kVcBacked, false);
  });
  // Scores in parallel (each from the firm's own stream), gathered in row order.
  const auto eligible = [&](std::size_t i) {
    return !f.has(i, kDead) && !f.has(i, kVcBacked) && age_years(at.clock, f, m, i) <= max_age;
  };
  Scratch<double> score(f.size(), boost::container::default_init);  // read only where written
  for_each_row(f, [&](std::size_t i) {
    if (!eligible(i)) return;
    Stream s = firm_stream(at, f, i, Purpose::kFinance);
    const double growth = f.revenue_hist[0][i] > 0 && f.revenue_hist[1][i] > 0
                              ? std::log(f.revenue_hist[0][i] / f.revenue_hist[1][i])
                              : 0.0;
    score[i] = std::log1p(f.patents[i]) + p.score_growth_weight * growth +
               p.score_signal_weight * (f.carrier[i] != 0) +
               p.score_signal_weight * f.has(i, kTechSme) +
               p.score_signal_weight * f.has(i, kInnovated) + p.score_noise * s.normal();
  });
  auto candidates =
      collect_rows<std::pair<double, std::size_t>>(f.size(), [&](std::size_t i, auto& out) {
        if (eligible(i)) out.emplace_back(-score[i], i);
      });
  Scratch<double>().swap(score);
  // Best first, ties by row. Every deal is at least min_deal, so no more than total /
  // min_deal firms can be reached: only those need ordering. Rows make the order total, so
  // picking the first `ordered` and sorting them gives the partial sort's result.
  const double reachable = p.min_deal > 0 ? std::floor(vc.total / p.min_deal) + 1 : 0;
  const std::size_t ordered = p.min_deal > 0 && reachable < static_cast<double>(candidates.size())
                                  ? static_cast<std::size_t>(reachable)
                                  : candidates.size();
  const auto cut = candidates.begin() + static_cast<std::ptrdiff_t>(ordered);
  if (ordered < candidates.size()) std::nth_element(candidates.begin(), cut, candidates.end());
  candidates.resize(ordered);
  tbb::parallel_sort(candidates.begin(), candidates.end());
  const double government_share = vc.government / vc.total;
  double government_left = vc.government;  // the shares never add up past the tranche
  double left = vc.total;
  for (const auto& [neg_score, i] : candidates) {
    if (left < p.min_deal) break;
    const double deal =
        std::min(left, std::clamp(p.deal_revenue_multiple * f.revenue[i], p.min_deal, p.max_deal));
    left -= deal;
    f.cash[i] += static_cast<float>(deal);
    f.set(i, kVcBacked, true);
    totals.vc_invested += deal;
    if (government_share <= 0) continue;
    const double public_part = std::min(deal * government_share, government_left);
    government_left -= public_part;
    book_guidance_investment(f, fiscal, totals, m, i, public_part);
  }
}

void tech_loans(FirmTable& f, int year, const ModelConfig& m) {
  const FinanceParams& p = m.finance;
  // Repayment of principal and interest out of cash.
  for_each_row(f, [&](std::size_t i) {
    if (f.loan[i] <= 0 || f.has(i, kDead)) return;
    const double principal = std::min<double>(
        f.loan[i], f.loan[i] / static_cast<double>(p.loan_term_years) + p.min_principal);
    f.cash[i] -= static_cast<float>(principal + p.interest_rate * f.loan[i]);
    f.loan[i] -= static_cast<float>(principal);
    if (f.loan[i] < 1.0f) f.loan[i] = 0;
  });
  new_tech_loans(f, year, m);
}

}  // namespace

void finance_year_end(FirmTable& f, YearTotals& totals, FiscalState& fiscal, Now at,
                      const ModelConfig& m) {
  venture_deals(f, totals, fiscal, at, m);
  tech_loans(f, at.clock.year, m);
}

}  // namespace innosim
