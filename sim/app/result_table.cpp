#include "app/result_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

// Lever cost rows are shown only for levers that cost something in some scenario.
bool worth_showing(const EnsembleResult& r, const Summary& s, std::size_t i) {
  if (i < kLeverCostBegin || i >= kLeverCostEnd) return true;
  const std::size_t T = r.years.size(), I = kIndicatorCount;
  for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc)
    for (std::size_t t = 0; t < T; ++t)
      if (s.mean[(sc * T + t) * I + i] > 0) return true;
  return false;
}

// The indicators whose paired effects a planner reads first.
constexpr int kEffectRows[] = {kRdIntensity,     kBusinessRd,      kHntes,
                               kTechSmes,        kFirmsAboveScale, kInventionPatents,
                               kFiscalCostTotal, kTaxExpenditure};

}  // namespace

std::string format_value(double value, std::string_view unit) {
  if (std::isnan(value)) return "-";
  if (std::isinf(value)) return value > 0 ? "no gain" : "-inf";
  if (unit == "CNY") return fmt::format("{:.3g} bn", value / 1e9);
  if (unit == "%") return fmt::format("{:.2f}%", value);
  if (std::fabs(value) < 100 && std::fabs(value - std::round(value)) > 1e-9)
    return fmt::format("{:.1f}", value);
  return fmt::format("{:.0f}", value);
}

std::string format_effect(double value, std::string_view unit) {
  if (std::isnan(value)) return "-";
  if (unit == "%") return fmt::format("{:+.3f} pp", value);  // a difference of percentages
  if (unit == "CNY") return fmt::format("{:+.3g} bn", value / 1e9);
  if (std::fabs(value) < 100 && std::fabs(value - std::round(value)) > 1e-9)
    return fmt::format("{:+.1f}", value);
  return fmt::format("{:+.0f}", value);
}

namespace {

std::string band(double median, double low, double high, std::string_view unit,
                 std::string (*format)(double, std::string_view)) {
  return fmt::format("{} [{} - {}]", format(median, unit), format(low, unit), format(high, unit));
}

std::size_t column_width(const std::vector<std::string>& names, std::size_t at_least) {
  std::size_t w = at_least;
  for (const auto& n : names) w = std::max(w, n.size());
  return w;
}

void print_targets(std::ostream& out, const EnsembleResult& r, const Summary& s) {
  const std::size_t w = column_width(r.scenario_names, 12);
  out << fmt::format(
      "\nTargets: probability of being met (share of {} replicates, +- its Monte Carlo standard "
      "error)\n",
      r.replicates);
  out << fmt::format("  {:<30} {:>5} {:>9} {:>12}", "indicator", "year", "test", "value");
  for (const auto& name : r.scenario_names) out << fmt::format(" {:>{}}", name, w);
  out << "\n";
  for (std::size_t k = 0; k < s.targets.size(); ++k) {
    const Target& t = s.targets[k];
    const auto unit = kIndicators[find_indicator(t.indicator)].unit;
    const std::string value = t.comparison == "growth>=" ? fmt::format("{:.1f}%/yr", 100 * t.value)
                                                         : format_value(t.value, unit);
    out << fmt::format("  {:<30} {:>5} {:>9} {:>12}", t.indicator, t.year, t.comparison, value);
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
      const double p = s.target_probability[sc * s.targets.size() + k];
      const double se = s.target_probability_se[sc * s.targets.size() + k];
      out << fmt::format(
          " {:>{}}",
          std::isnan(p) ? std::string("n/a") : fmt::format("{:.0f}% +-{:.0f}", 100 * p, 100 * se),
          w);
    }
    out << "\n";
  }
}

void print_costs(std::ostream& out, const EnsembleResult& r, const Summary& s) {
  const std::size_t L = kLeverCount, G = kGovLevels, Q = kQuantiles.size();
  const std::size_t w = column_width(r.scenario_names, 30);
  const auto cum = [&](std::size_t sc, std::size_t l, std::size_t g, std::size_t q) {
    return s.cumulative_cost[((sc * (L + 1) + l) * (G + 1) + g) * Q + q];
  };
  out << fmt::format(
      "\nCumulative cost {}-{}, all levers, by level of government (median [5% - 95%])\n",
      r.years[std::min<std::size_t>(1, r.years.size() - 1)], r.years.back());
  out << fmt::format("  {:<30}", "paid by");
  for (const auto& name : r.scenario_names) out << fmt::format(" {:>{}}", name, w);
  out << "\n";
  for (std::size_t g = 0; g <= G; ++g) {
    out << fmt::format("  {:<30}", g < G ? std::string(kGovLevelNames[g]) : std::string("all"));
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc)
      out << fmt::format(
          " {:>{}}",
          band(cum(sc, L, g, 2), cum(sc, L, g, 0), cum(sc, L, g, 4), "CNY", format_value), w);
    out << "\n";
  }
  out << "  (levers that reward R&D pay their claims the year after it: a lever's first year can "
         "show no outlay; per lever: /summary/cumulative_cost)\n";
  if (r.scenario_names.size() < 2) return;
  out << fmt::format(
      "\nCost-effectiveness against '{}': extra cumulative outlay per unit of the {} effect "
      "(median [5% - 95%]; \"no gain\": the effect was not positive)\n",
      r.scenario_names[s.reference], r.years.back());
  out << fmt::format("  {:<40}", "CNY");
  for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc)
    if (sc != s.reference) out << fmt::format(" {:>{}}", r.scenario_names[sc], w);
  out << "\n";
  for (std::size_t m = 0; m < kCostMeasures.size(); ++m) {
    out << fmt::format("  {:<40}", std::string(kCostMeasures[m].label).substr(4));
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
      if (sc == s.reference) continue;
      const double* q = &s.cost_effectiveness[(sc * kCostMeasures.size() + m) * Q];
      out << fmt::format(" {:>{}}", band(q[2], q[0], q[4], "CNY", format_value), w);
    }
    out << "\n";
  }
}

}  // namespace

void print_result_table(std::ostream& out, const EnsembleResult& r, const Summary& s,
                        const std::string& uncertainty) {
  const std::size_t T = r.years.size(), I = kIndicatorCount, Q = kQuantiles.size();
  out << "Spread between replicates: " << uncertainty << "\n";
  auto q = [&](std::size_t sc, std::size_t t, std::size_t i, std::size_t k) {
    return s.quantiles[((sc * T + t) * I + i) * Q + k];
  };
  auto e = [&](std::size_t sc, std::size_t i, std::size_t k) {
    return s.effects[((sc * T + T - 1) * I + i) * Q + k];
  };
  for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
    out << fmt::format("\nScenario '{}' ({} replicate{})\n", r.scenario_names[sc], r.replicates,
                       r.replicates == 1 ? "" : "s");
    out << fmt::format("  {:<30} {:>12}   {:>12}  {:>27}\n", "indicator",
                       std::to_string(r.years.front()), std::to_string(r.years.back()) + " median",
                       "5% - 95%");
    for (std::size_t i = 0; i < I; ++i) {
      if (!worth_showing(r, s, i)) continue;
      const auto unit = kIndicators[i].unit;
      out << fmt::format("  {:<30} {:>12}   {:>12}  {:>12} - {:<12}\n", kIndicators[i].name,
                         format_value(q(sc, 0, i, 2), unit), format_value(q(sc, T - 1, i, 2), unit),
                         format_value(q(sc, T - 1, i, 0), unit),
                         format_value(q(sc, T - 1, i, 4), unit));
    }
  }
  if (r.scenario_names.size() > 1) {
    const std::size_t w = column_width(r.scenario_names, 34);
    out << fmt::format(
        "\nEffects in {} against '{}' (paired replicates: median [5% - 95%]; pp: percentage "
        "points)\n",
        r.years.back(), r.scenario_names[s.reference]);
    out << fmt::format("  {:<30}", "indicator");
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc)
      if (sc != s.reference) out << fmt::format(" {:>{}}", r.scenario_names[sc], w);
    out << "\n";
    for (int i : kEffectRows) {
      const auto unit = kIndicators[i].unit;
      out << fmt::format("  {:<30}", kIndicators[i].name);
      for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc)
        if (sc != s.reference)
          out << fmt::format(" {:>{}}",
                             band(e(sc, i, 2), e(sc, i, 0), e(sc, i, 4), unit, format_effect), w);
      out << "\n";
    }
  }
  if (!s.targets.empty()) print_targets(out, r, s);
  print_costs(out, r, s);
}

}  // namespace innosim
