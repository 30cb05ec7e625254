// `innosim calibrate` for one region: simulate the preset (without its included fit files,
// so a fit depends only on model.toml, the preset and the seed) at candidate parameter
// values, fit its [calibration] moments by the method of simulated moments (calibrate/msm.h),
// and render the fit file a preset includes.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "calibrate/msm.h"
#include "config/config_loader.h"

namespace innosim {

struct RegionCalibration {
  std::string region;
  int base_year = 0;
  CalibrationSpec spec;
  Eigen::VectorXd start;  // the parameters' values in model.toml and the preset
  MsmFit fit;
};

RegionCalibration calibrate_region(const LoadRequest& request, int threads,
                                   const std::function<void(const std::string&)>& log = {});

// The fit file: the estimates as configuration keys, with the fit report in comments.
std::string fit_file_text(const RegionCalibration& c, const std::string& command_line);

// Where `innosim calibrate --region R` writes by default: configs/calibration/R.toml.
std::string fit_file_path(const std::string& data_dir, const std::string& region);

}  // namespace innosim
