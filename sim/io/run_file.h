// Reads back what `innosim summary` (and later readers) need from a run's file, trusting
// nothing in it: what it is, its schema version, and that every array has the shape its index
// says, all checked before any element is used. A foreign or damaged file is an IoError.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace innosim {

namespace h5 {
class File;
}

struct RunFileSummary {
  std::int64_t seed = 0;
  std::int64_t replicates = 0;
  std::string uncertainty;  // what the spread between replicates is made of
  std::vector<std::string> scenarios;
  std::vector<std::int64_t> years;
  std::vector<std::string> indicators;
  std::vector<std::string> units;  // one per indicator
  // [scenario, time, indicator, quantile]; quantiles q05 q25 q50 q75 q95.
  std::vector<double> quantiles;
  std::vector<double> effects;  // the same shape, paired against the reference scenario
  std::size_t reference = 0;    // the scenario effects are measured against
  static constexpr std::size_t kQuantiles = 5;
  // The quantile `q` of indicator `i` in scenario `s` at year index `t`.
  double at(const std::vector<double>& v, std::size_t s, std::size_t t, std::size_t i,
            std::size_t q) const {
    return v[((s * years.size() + t) * indicators.size() + i) * kQuantiles + q];
  }
};

// `label` names the file in messages.
RunFileSummary read_run_summary(const h5::File& f, const std::string& label);

// What `innosim report` needs beyond the summary: the targets and their odds, the costs, the
// cost-effectiveness and the provenance, each array checked against the summary's index.
struct RunFileReport {
  RunFileSummary summary;
  std::string region_label, innosim_version, date_created, command;
  std::vector<std::string> configs;  // resolved TOML, one per scenario
  struct Target {
    std::string indicator, comparison, source;
    std::int64_t year = 0;
    double value = 0;
  };
  std::vector<Target> targets;
  std::vector<double> probability, probability_se;  // [scenario][target]
  std::vector<std::string> cost_levers, payers;     // the levers, then "all"; the levels, "all"
  std::vector<double> cumulative_cost;              // [scenario][cost lever][payer][quantile]
  std::vector<double> cost_effectiveness;           // [scenario][kCostMeasures][quantile]
};
RunFileReport read_run_report(const h5::File& f, const std::string& label);

}  // namespace innosim
