#include "app/result_table.h"

#include <fmt/format.h>

#include <cmath>

#include "observe/indicator_catalog.h"

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
  if (unit == "CNY") return fmt::format("{:.3g} bn", value / 1e9);
  if (unit == "%") return fmt::format("{:.2f}%", value);
  if (std::fabs(value) < 100 && std::fabs(value - std::round(value)) > 1e-9)
    return fmt::format("{:.1f}", value);
  return fmt::format("{:.0f}", value);
}

void print_result_table(std::ostream& out, const EnsembleResult& r, const Summary& s) {
  const std::size_t T = r.years.size(), I = kIndicatorCount, Q = kQuantiles.size();
  auto q = [&](std::size_t sc, std::size_t t, std::size_t i, std::size_t k) {
    return s.quantiles[((sc * T + t) * I + i) * Q + k];
  };
  auto e = [&](std::size_t sc, std::size_t i, std::size_t k) {
    return s.effects[((sc * T + T - 1) * I + i) * Q + k];
  };
  for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
    out << fmt::format("\nScenario '{}' ({} replicates)\n", r.scenario_names[sc], r.replicates);
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
    out << fmt::format("\nEffects in {} against '{}' (paired replicates: median [5% - 95%])\n",
                       r.years.back(), r.scenario_names[0]);
    out << fmt::format("  {:<30}", "indicator");
    for (std::size_t sc = 1; sc < r.scenario_names.size(); ++sc)
      out << fmt::format(" {:>34}", r.scenario_names[sc]);
    out << "\n";
    for (int i : kEffectRows) {
      const auto unit = kIndicators[i].unit;
      out << fmt::format("  {:<30}", kIndicators[i].name);
      for (std::size_t sc = 1; sc < r.scenario_names.size(); ++sc)
        out << fmt::format(" {:>34}", fmt::format("{} [{} - {}]", format_value(e(sc, i, 2), unit),
                                                  format_value(e(sc, i, 0), unit),
                                                  format_value(e(sc, i, 4), unit)));
      out << "\n";
    }
  }
  if (s.targets.empty()) return;
  out << "\nTargets: probability of being met\n";
  out << fmt::format("  {:<30} {:>5} {:>9} {:>12}", "indicator", "year", "test", "value");
  for (const auto& name : r.scenario_names) out << fmt::format(" {:>12}", name.substr(0, 12));
  out << "\n";
  for (std::size_t k = 0; k < s.targets.size(); ++k) {
    const Target& t = s.targets[k];
    const auto unit = kIndicators[find_indicator(t.indicator)].unit;
    const std::string value = t.comparison == "growth>=" ? fmt::format("{:.1f}%/yr", 100 * t.value)
                                                         : format_value(t.value, unit);
    out << fmt::format("  {:<30} {:>5} {:>9} {:>12}", t.indicator, t.year, t.comparison, value);
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
      const double p = s.target_probability[sc * s.targets.size() + k];
      out << fmt::format(" {:>12}",
                         std::isnan(p) ? std::string("n/a") : fmt::format("{:.0f}%", 100 * p));
    }
    out << "\n";
  }
}

}  // namespace innosim
