// A sweep design (scenarios/<region>/sweeps/*.toml): the region and scenarios, the factors
// (model parameters or lever settings, each over a range or a list of values), the sampler,
// the replicates per point and the seed. Parsed and validated once; a point of the design is a
// list of `key=value` overrides, applied like `innosim run --set`, so one point can be rerun
// alone with `innosim run`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sweep/samplers.h"

namespace innosim::sweep {

enum class Sampler { kGrid, kLatinHypercube, kSobol, kSaltelli, kMorris };

struct Factor {
  std::string key;             // a float or integer key of the model (innosim list parameters)
  double min = 0, max = 0;     // the range, for every sampler but a grid of listed values
  bool log_scale = false;      // log-uniform over [min, max]
  std::vector<double> values;  // a grid's listed values (instead of a range)
  bool integer = false;        // the key is an integer: values are rounded
};

struct SweepDesign {
  std::string file;  // where it was read, for messages
  std::string text;  // the design as given, kept in the output
  std::string region;
  std::vector<std::string> scenarios;  // names in scenarios/<region>/, or paths
  std::vector<std::string> sets;       // overrides applied to every point (like --set)
  std::vector<Factor> factors;
  Sampler sampler = Sampler::kGrid;
  std::string sampler_name;
  int points = 0;  // Latin hypercube, Sobol: points; Saltelli: base rows; Morris: trajectories
  int levels = 0;  // grid levels per ranged factor; Morris grid levels
  int replicates = 1;
  std::uint64_t seed = 1;
  int resamples = 1000;  // bootstrap resamples for the Sobol intervals
  double confidence = 0.95;
  std::vector<std::string> report_indicators;  // printed at the end
  int report_year = 0;                         // 0: the last simulated year
};

// Reads and validates `path`; a wrong key or value is a ConfigError naming file, line and key.
// Factor keys are checked against the model's parameters (type and range).
SweepDesign load_design(const std::string& path);
// The same from the design's text (as a sweep file keeps it); `label` names it in messages.
SweepDesign parse_design(const std::string& text, const std::string& label);

// The design's points on [0, 1]^k, in task order.
Points unit_points(const SweepDesign& d);
// A unit point mapped to the factors' values.
std::vector<double> factor_values(const SweepDesign& d, const Point& unit);
// The `key=value` overrides of a point: the design's common sets, then its factors.
std::vector<std::string> point_sets(const SweepDesign& d, const std::vector<double>& values);

}  // namespace innosim::sweep
