#include "app/result_table.h"

#include <fmt/format.h>

#include <cmath>

#include "observe/indicator_catalog.h"

namespace innosim {

std::string format_value(double value, std::string_view unit) {
  if (std::isnan(value)) return "-";
  if (unit == "CNY") return fmt::format("{:.3g} bn", value / 1e9);
  if (unit == "%") return fmt::format("{:.2f}%", value);
  return fmt::format("{:.0f}", value);
}

void print_result_table(std::ostream& out, const EnsembleResult& r, const Summary& s) {
  const std::size_t T = r.years.size(), I = kIndicatorCount, Q = kQuantiles.size();
  auto q = [&](std::size_t sc, std::size_t t, std::size_t i, std::size_t k) { return s.quantiles[((sc * T + t) * I + i) * Q + k]; };
  for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
    out << fmt::format("\nScenario '{}' ({} replicates)\n", r.scenario_names[sc], r.replicates);
    out << fmt::format("  {:<22} {:>12}   {:>12}  {:>27}\n", "indicator", std::to_string(r.years.front()),
                       std::to_string(r.years.back()) + " median", "5% - 95%");
    for (std::size_t i = 0; i < I; ++i) {
      const auto unit = kIndicators[i].unit;
      out << fmt::format("  {:<22} {:>12}   {:>12}  {:>12} - {:<12}\n", kIndicators[i].name, format_value(q(sc, 0, i, 2), unit),
                         format_value(q(sc, T - 1, i, 2), unit), format_value(q(sc, T - 1, i, 0), unit),
                         format_value(q(sc, T - 1, i, 4), unit));
    }
  }
  if (s.targets.empty()) return;
  out << "\nTargets: probability of being met\n";
  out << fmt::format("  {:<22} {:>5} {:>9} {:>12}", "indicator", "year", "test", "value");
  for (const auto& name : r.scenario_names) out << fmt::format(" {:>10}", name);
  out << "\n";
  for (std::size_t k = 0; k < s.targets.size(); ++k) {
    const Target& t = s.targets[k];
    const auto unit = kIndicators[find_indicator(t.indicator)].unit;
    const std::string value = t.comparison == "growth>=" ? fmt::format("{:.1f}%/yr", 100 * t.value) : format_value(t.value, unit);
    out << fmt::format("  {:<22} {:>5} {:>9} {:>12}", t.indicator, t.year, t.comparison, value);
    for (std::size_t sc = 0; sc < r.scenario_names.size(); ++sc) {
      const double p = s.target_probability[sc * s.targets.size() + k];
      out << fmt::format(" {:>10}", std::isnan(p) ? std::string("n/a") : fmt::format("{:.0f}%", 100 * p));
    }
    out << "\n";
  }
}

}  // namespace innosim
