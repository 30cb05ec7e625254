// Running the model directly, for tests that look at firms rather than indicators.
#pragma once
#include <cmath>
#include <functional>

#include "init/initial_population.h"
#include "step.h"
#include "test_support.h"

namespace innosim::test {

// Initialises a World and steps it to the end of `years` simulated years, calling
// `at_year_end` after each year's last step (before the next year opens).
inline World simulate(const ModelConfig& m, RunKey key, int years,
                      const std::function<void(const World&)>& at_year_end = {}) {
  World w = initial_population(m, key);
  for (int y = 0; y < years; ++y) {
    for (int s = 0; s < m.time.steps_per_year; ++s) step(w, m);
    if (at_year_end) at_year_end(w);
  }
  return w;
}

// The default preset at `firms` firms, keeping its proportions, with extra overrides.
inline LoadedConfig scaled(double firms, std::vector<std::string> extra = {}) {
  const double k = firms / 90000.0;
  std::vector<std::string> sets = {
      "region.firms_total=" + std::to_string(firms),
      "region.firms_above_scale=" + std::to_string(std::round(414 * k)),
      "region.hntes=" + std::to_string(std::round(170 * k)),
      "region.tech_smes=" + std::to_string(std::round(700 * k)),
      "region.rd_expenditure=" + std::to_string(3.52e9 * k),
      "region.invention_patents=" + std::to_string(std::round(2000 * k)),
      "time.end_year=2040"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return load(sets);
}

// Preset `region` (with its included fit) at `firms` firms, its counts, money and talent in
// proportion, run to `years` after its base year. Carriers and organisations keep their counts.
inline LoadedConfig scaled_preset(const std::string& region, double firms, int years) {
  const RegionConfig r = load_config({data_dir(), region, {}, {}}).model.region;
  const double k = firms / r.firms_total;
  const RegionEcosystem& e = r.ecosystem;
  auto set = [&](const char* key, double v, bool round) {
    return std::string(key) + "=" + std::to_string(round ? std::round(v) : v);
  };
  return load_config(
      {data_dir(),
       region,
       {},
       {set("region.firms_total", firms, true),
        set("region.firms_above_scale", k * r.firms_above_scale, true),
        set("region.hntes", k * r.hntes, true), set("region.tech_smes", k * r.tech_smes, true),
        set("region.invention_patents", k * r.invention_patents, true),
        set("region.gdp", k * r.gdp, false),
        set("region.rd_expenditure", k * r.rd_expenditure, false),
        set("region.rd_personnel", k * e.rd_personnel, true),
        set("region.talent_total", k * e.talent_total, true),
        set("region.leading_talents", k * e.leading_talents, true),
        set("region.graduates", k * e.graduates, true),
        set("region.tech_contract_turnover", k * e.tech_contract_turnover, false),
        set("region.vc_private", k * e.vc_private, false),
        "time.end_year=" + std::to_string(r.base_year + years)}});
}

}  // namespace innosim::test
