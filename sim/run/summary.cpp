#include "run/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {

namespace {

// The non-NaN values, sorted.
std::vector<double> sorted_finite(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  std::sort(values.begin(), values.end());
  return values;
}

double quantile_of_sorted(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  if (sorted[hi] == sorted[lo]) return sorted[lo];  // also two infinities (inf - inf is NaN)
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Summary::cumulative_cost and Summary::cost_effectiveness.
void summarise_costs(const EnsembleResult& r, Summary& out) {
  const std::size_t S = r.scenario_names.size(), R = r.replicates, T = r.years.size(),
                    L = kLeverCount, G = kGovLevels, Q = kQuantiles.size();
  // total[s][rep][lever + 1][level + 1]: sums over years (a year's NaN counts as nothing).
  std::vector<double> total(S * R * (L + 1) * (G + 1), 0.0);
  const auto tot = [&](std::size_t s, std::size_t rep, std::size_t l, std::size_t g) -> double& {
    return total[((s * R + rep) * (L + 1) + l) * (G + 1) + g];
  };
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t rep = 0; rep < R; ++rep)
      for (std::size_t t = 0; t < T; ++t)
        for (std::size_t l = 0; l < L; ++l)
          for (std::size_t g = 0; g < G; ++g) {
            const double v = r.fiscal[((((s * R + rep) * T + t) * L + l) * G + g)];
            if (std::isnan(v)) continue;
            tot(s, rep, l, g) += v;
            tot(s, rep, L, g) += v;
            tot(s, rep, l, G) += v;
            tot(s, rep, L, G) += v;
          }
  out.cumulative_cost.assign(S * (L + 1) * (G + 1) * Q, std::nan(""));
  std::vector<double> values(R);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t l = 0; l <= L; ++l)
      for (std::size_t g = 0; g <= G; ++g) {
        for (std::size_t rep = 0; rep < R; ++rep) values[rep] = tot(s, rep, l, g);
        const auto q = quantiles(values);
        std::copy(q.begin(), q.end(),
                  out.cumulative_cost.begin() + ((s * (L + 1) + l) * (G + 1) + g) * Q);
      }
  out.cost_effectiveness.assign(S * kCostMeasures.size() * Q, std::nan(""));
  const std::size_t ref = out.reference, I = kIndicatorCount;
  const auto last = [&](std::size_t s, std::size_t rep, int i) {
    return r.trajectories[((s * R + rep) * T + T - 1) * I + static_cast<std::size_t>(i)];
  };
  for (std::size_t s = 0; s < S; ++s) {
    if (s == ref) continue;
    for (std::size_t m = 0; m < kCostMeasures.size(); ++m) {
      const CostMeasure& c = kCostMeasures[m];
      for (std::size_t rep = 0; rep < R; ++rep) {
        const double gain = (last(s, rep, c.indicator) - last(ref, rep, c.indicator)) / c.per;
        const double extra = tot(s, rep, L, G) - tot(ref, rep, L, G);
        values[rep] = std::isnan(gain) ? std::nan("")
                      : gain > 0       ? extra / gain
                                       : std::numeric_limits<double>::infinity();
      }
      const auto q = quantiles(values);
      std::copy(q.begin(), q.end(),
                out.cost_effectiveness.begin() + (s * kCostMeasures.size() + m) * Q);
    }
  }
}

}  // namespace

double quantile(std::vector<double> values, double q) {
  return quantile_of_sorted(sorted_finite(std::move(values)), q);
}

std::array<double, kQuantiles.size()> quantiles(std::vector<double> values) {
  const std::vector<double> sorted = sorted_finite(std::move(values));
  std::array<double, kQuantiles.size()> out{};
  for (std::size_t k = 0; k < kQuantiles.size(); ++k)
    out[k] = quantile_of_sorted(sorted, kQuantiles[k]);
  return out;
}

bool target_met(const Target& t, const std::vector<double>& by_year, int base_year) {
  const double x = by_year[t.year - base_year];
  if (t.comparison == ">=") return x >= t.value;
  if (t.comparison == "<=") return x <= t.value;
  // growth>=: average yearly growth from the base year, or for a flow (undefined in the base
  // year) from the first year it is defined.
  std::size_t first = 0;
  while (first < by_year.size() && std::isnan(by_year[first])) ++first;
  const int first_year = base_year + static_cast<int>(first);
  if (first == by_year.size() || first_year >= t.year || !(by_year[first] > 0)) return false;
  return std::pow(x / by_year[first], 1.0 / (t.year - first_year)) - 1.0 >= t.value;
}

Summary summarise(const EnsembleResult& r, const std::vector<Target>& targets) {
  const std::size_t S = r.scenario_names.size(), R = r.replicates, T = r.years.size(),
                    I = kIndicatorCount, Q = kQuantiles.size();
  auto at = [&](std::size_t s, std::size_t rep, std::size_t t, std::size_t i) {
    return r.trajectories[((s * R + rep) * T + t) * I + i];
  };
  Summary out;
  for (std::size_t s = 0; s < S; ++s)
    if (r.scenario_names[s] == "baseline") out.reference = s;
  const std::size_t ref = out.reference;
  out.mean.assign(S * T * I, std::nan(""));
  out.quantiles.assign(S * T * I * Q, std::nan(""));
  out.effects.assign(S * T * I * Q, std::nan(""));
  std::vector<double> values(R), effect(R);
  for (std::size_t s = 0; s < S; ++s)
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t i = 0; i < I; ++i) {
        double sum = 0, n = 0;
        for (std::size_t rep = 0; rep < R; ++rep) {
          values[rep] = at(s, rep, t, i);
          if (!std::isnan(values[rep])) sum += values[rep], n += 1;
        }
        out.mean[(s * T + t) * I + i] = n > 0 ? sum / n : std::nan("");
        for (std::size_t rep = 0; rep < R; ++rep) effect[rep] = values[rep] - at(ref, rep, t, i);
        const auto level_q = quantiles(values), effect_q = quantiles(effect);
        std::copy(level_q.begin(), level_q.end(),
                  out.quantiles.begin() + ((s * T + t) * I + i) * Q);
        std::copy(effect_q.begin(), effect_q.end(),
                  out.effects.begin() + ((s * T + t) * I + i) * Q);
      }
  out.targets = targets;
  out.target_probability.assign(S * targets.size(), std::nan(""));
  out.target_probability_se.assign(S * targets.size(), std::nan(""));
  const int base = r.years.front();
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const Target& tg = targets[k];
    if (tg.year < base || tg.year > r.years.back()) continue;
    const int i = find_indicator(tg.indicator);
    for (std::size_t s = 0; s < S; ++s) {
      double met = 0;
      std::vector<double> by_year(T);
      for (std::size_t rep = 0; rep < R; ++rep) {
        for (std::size_t t = 0; t < T; ++t) by_year[t] = at(s, rep, t, i);
        met += target_met(tg, by_year, base);
      }
      const double p = met / static_cast<double>(R);
      out.target_probability[s * targets.size() + k] = p;
      out.target_probability_se[s * targets.size() + k] =
          std::sqrt(p * (1 - p) / static_cast<double>(R));
    }
  }
  summarise_costs(r, out);
  return out;
}

std::vector<Target> run_targets(const std::vector<LoadedConfig>& scenarios) {
  std::vector<Target> out;
  const auto add = [&](const Target& t) {
    for (const Target& o : out)
      if (o.indicator == t.indicator && o.year == t.year && o.comparison == t.comparison &&
          o.value == t.value)
        return;
    out.push_back(t);
  };
  for (const auto& s : scenarios) {
    for (const Target& t : s.model.region.targets) add(t);
    for (const Target& t : s.model.scenario.targets) add(t);
  }
  return out;
}

}  // namespace innosim
