// `innosim run --parameter-uncertainty`: every replicate runs its own values of the fitted
// parameters, drawn from the fit's sampling distribution (the [[calibration.estimates]] of
// the fit file a preset includes), so that the target odds carry the fit's uncertainty as
// well as Monte Carlo noise. Replicate r's draw is a pure function of (seed, r): the same in
// every scenario, so paired effects stay paired, and the same on any thread count or rank.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "config/config_loader.h"

namespace innosim {

struct ParameterDraws {
  std::vector<std::string> keys;
  std::vector<double> centre;  // the configuration's values: the fit's estimates
  std::vector<double> values;  // [replicate][key]
  std::string fit_file;        // the file the estimates came from
  int rejected = 0;            // draws outside the bounds, drawn again
  // "key=value" overrides that give replicate r its values, exactly.
  std::vector<std::string> sets(int replicate) const;
};

// At most this many draws per replicate before the fit is refused as having almost no mass
// inside its bounds.
inline constexpr int kMaxParameterAttempts = 10000;

// Draws each replicate's parameters from the normal with the estimates' covariance, centred
// on `config`'s values of their keys and truncated to their bounds by rejection. A
// ConfigError if `config` holds no estimates. `data_dir` only names the fit file.
ParameterDraws draw_parameters(const LoadedConfig& config, const std::string& data_dir,
                               std::uint64_t seed, int replicates);

// What a run's spread between replicates is made of, as the output file, the result table,
// `innosim summary` and the report state it; `draws` null: Monte Carlo noise only.
std::string uncertainty_statement(const ParameterDraws* draws);

}  // namespace innosim
