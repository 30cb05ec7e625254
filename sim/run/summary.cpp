#include "run/summary.h"

#include <algorithm>
#include <cmath>

#include "observe/indicator_catalog.h"

namespace innosim {

double quantile(std::vector<double> values, double q) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
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
  const std::size_t S = r.scenario_names.size(), R = r.replicates, T = r.years.size(), I = kIndicatorCount,
                    Q = kQuantiles.size();
  auto at = [&](std::size_t s, std::size_t rep, std::size_t t, std::size_t i) {
    return r.trajectories[((s * R + rep) * T + t) * I + i];
  };
  Summary out;
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
        for (std::size_t rep = 0; rep < R; ++rep) effect[rep] = values[rep] - at(0, rep, t, i);
        for (std::size_t q = 0; q < Q; ++q) {
          out.quantiles[((s * T + t) * I + i) * Q + q] = quantile(values, kQuantiles[q]);
          out.effects[((s * T + t) * I + i) * Q + q] = quantile(effect, kQuantiles[q]);
        }
      }
  out.targets = targets;
  out.target_probability.assign(S * targets.size(), std::nan(""));
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
      out.target_probability[s * targets.size() + k] = met / static_cast<double>(R);
    }
  }
  return out;
}

}  // namespace innosim
