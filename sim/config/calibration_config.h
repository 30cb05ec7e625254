// What `innosim calibrate` fits and to what (BRIEF 3.5): the preset's [calibration] table.
// The estimator is in sim/calibrate/msm.h; this is only the validated specification.
#pragma once
#include <string>
#include <vector>

namespace innosim {

// A behavioural parameter to fit: a float key of the configuration and the interval searched.
struct FreeParameter {
  std::string key;  // e.g. "hnte.apply_prob"
  double lower{};
  double upper{};
};

// An observed value the simulation should reproduce: the replicate mean of `indicator` in `year`.
struct Moment {
  std::string indicator;
  int year{};
  double value{};
  std::string source;
};

// A fitted parameter's share of the estimate's sampling distribution, written by `innosim
// calibrate` into the fit file ([[calibration.estimates]]): `innosim run
// --parameter-uncertainty` draws each replicate's parameters from the normal with this
// covariance, centred on the configuration's values and truncated to the bounds searched.
struct Estimate {
  std::string key;
  double lower{};
  double upper{};
  std::vector<double> covariance;  // this parameter's row, in the order of the estimates
};

struct CalibrationSpec {
  int replicates{};            // replicates per evaluation, all on common random numbers
  unsigned long long seed{};   // the seed of those replicates: same seed, same fit
  int max_iterations{};        // Levenberg-Marquardt iterations at most
  double measurement_error{};  // relative error of a published statistic, added to the simulated
                               // variance
  bool two_step{};             // efficient second-step weights and the J test (calibrate/msm.h)
  int profile_points{};        // grid points of each parameter's profile interval; 0: none
  int start_points{};          // Sobol design points tried before the search; 0: none
  std::vector<FreeParameter> parameters;
  std::vector<Moment> moments;
  std::vector<Estimate> estimates;  // the fit a preset includes; empty: no fit or none written
};

}  // namespace innosim
