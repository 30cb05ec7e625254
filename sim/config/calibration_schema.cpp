// The [calibration] keys: estimator settings (defaults in configs/model.toml) and a preset's
// free parameters and target moments. Declared after every model key, so that a free
// parameter can be checked against the key it names.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <string>

#include "config/binder.h"
#include "config/model_config.h"
#include "config/observation_schema.h"

namespace innosim {
namespace {

const ParamSpec* find_spec(const Binder& b, const std::string& key) {
  for (const auto& s : b.specs())
    if (s.key == key) return &s;
  return nullptr;
}

FreeParameter describe_parameter(Binder& b, const toml::table& t, const std::string& where) {
  b.entry_keys(t, where, {"key", "lower", "upper"});
  FreeParameter p{b.entry_text(t, where, "key"), b.entry_number(t, where, "lower"),
                  b.entry_number(t, where, "upper")};
  const ParamSpec* spec = find_spec(b, p.key);
  if (!spec || spec->type != "float")
    b.fail(where,
           "key '" + p.key + "': expected a float model parameter (innosim list parameters)");
  if (p.key.rfind("region.", 0) == 0 || p.key.rfind("calibration.", 0) == 0)
    b.fail(where, "key '" + p.key + "': region numbers come from sources and are not fitted");
  if (!(p.lower < p.upper) || p.lower < spec->min || p.upper > spec->max)
    b.fail(where, "expected lower < upper within the range of " + p.key + " [" +
                      std::to_string(spec->min) + ", " + std::to_string(spec->max) + "]");
  return p;
}

Moment describe_moment(Binder& b, const toml::table& t, const std::string& where) {
  Moment m = describe_observation(b, t, where, {});
  if (m.value == 0)
    b.fail(where, "expected a non-zero 'value': moments are matched in relative terms");
  return m;
}

Estimate describe_estimate(Binder& b, const toml::table& t, const std::string& where) {
  b.entry_keys(t, where, {"key", "lower", "upper", "covariance"});
  Estimate e{b.entry_text(t, where, "key"),
             b.entry_number(t, where, "lower"),
             b.entry_number(t, where, "upper"),
             {}};
  const ParamSpec* spec = find_spec(b, e.key);
  if (!spec || spec->type != "float")
    b.fail(where,
           "key '" + e.key + "': expected a float model parameter (innosim list parameters)");
  if (!(e.lower < e.upper) || e.lower < spec->min || e.upper > spec->max)
    b.fail(where, "expected lower < upper within the range of " + e.key + " [" +
                      std::to_string(spec->min) + ", " + std::to_string(spec->max) + "]");
  const toml::array* row = t["covariance"].as_array();
  if (!row) b.fail(where, "expected 'covariance', a list of numbers (this parameter's row)");
  for (const auto& v : *row) {
    const auto x = as_number(v);
    if (!x || !std::isfinite(*x)) b.fail(where, "expected 'covariance' to hold finite numbers");
    e.covariance.push_back(*x);
  }
  return e;
}

// The estimates' covariance must be a k x k symmetric positive semi-definite matrix (a fit
// whose moments do not identify every parameter writes none).
void check_estimates(const Binder& b, const std::vector<Estimate>& es) {
  const std::size_t k = es.size();
  for (std::size_t i = 0; i < k; ++i) {
    const std::string where = "calibration.estimates[" + std::to_string(i) + "]";
    if (es[i].covariance.size() != k)
      b.fail(where, "expected 'covariance' to hold " + std::to_string(k) +
                        " numbers, one per estimate, got " +
                        std::to_string(es[i].covariance.size()));
    for (std::size_t j = 0; j < i; ++j) {
      if (es[i].key == es[j].key)
        b.fail("calibration.estimates", "parameter '" + es[i].key + "' is listed twice");
      const double a = es[i].covariance[j], c = es[j].covariance[i];
      if (std::fabs(a - c) > 1e-9 * std::max({1.0, std::fabs(a), std::fabs(c)}))
        b.fail(where, "expected a symmetric covariance: covariance[" + std::to_string(j) +
                          "] here differs from covariance[" + std::to_string(i) +
                          "] of calibration.estimates[" + std::to_string(j) + "]");
    }
  }
  Eigen::MatrixXd cov(k, k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j)
      cov(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = es[i].covariance[j];
  if (k > 0 && Eigen::LDLT<Eigen::MatrixXd>(cov).vectorD().minCoeff() < 0)
    b.fail("calibration.estimates", "expected a positive semi-definite covariance");
}

}  // namespace

void describe_calibration(Binder& b, CalibrationSpec& c, int base_year) {
  b.integer("calibration.replicates", c.replicates, {2, 10000}, "replicates",
            "replicates per evaluation of the moments");
  int seed = 1;
  b.integer("calibration.seed", seed, {0, 2147483647}, "1",
            "seed of the replicates: the same seed gives the same fit");
  c.seed = static_cast<unsigned long long>(seed);
  b.integer("calibration.max_iterations", c.max_iterations, {0, 1000}, "iterations",
            "Levenberg-Marquardt iterations at most");
  b.real("calibration.measurement_error", c.measurement_error, {0, 1}, "share",
         "relative error of a published statistic, added to the simulated variance of each moment");
  b.choice("calibration.weighting", c.two_step, {{"diagonal", false}, {"two_step", true}},
           "moment weights: diagonal (1 / (replicate variance + error^2)) only, or a second "
           "search with the efficient weights and the J test of the overidentifying restrictions");
  b.integer("calibration.profile_points", c.profile_points, {0, 1000}, "points",
            "grid points across each free parameter's range for its profile interval (the "
            "objective minimised over the others; 0: no profile)");
  if (c.profile_points == 1)
    b.fail("calibration.profile_points", "expected 0 (none) or at least 2");
  b.integer("calibration.start_points", c.start_points, {0, 100000}, "points",
            "points of a Sobol design over the free parameters' bounds evaluated before the "
            "search, which starts from the best of them and the configured values (0: none)");
  b.table_array("calibration.parameters", "free parameters: key, lower, upper",
                [&](const toml::table& t, const std::string& where) {
                  c.parameters.push_back(describe_parameter(b, t, where));
                });
  b.table_array("calibration.moments", "target moments: indicator, year, value, source",
                [&](const toml::table& t, const std::string& where) {
                  Moment m = describe_moment(b, t, where);
                  if (m.year <= base_year)
                    b.fail(where, "year " + std::to_string(m.year) +
                                      ": expected a simulated year, after region.base_year (" +
                                      std::to_string(base_year) + ")");
                  c.moments.push_back(m);
                });
  b.table_array("calibration.estimates",
                "the fit's estimates (innosim calibrate writes them): key, lower, upper and the "
                "key's row of the sampling covariance, for innosim run --parameter-uncertainty",
                [&](const toml::table& t, const std::string& where) {
                  c.estimates.push_back(describe_estimate(b, t, where));
                });
  if (!b.binding()) return;
  check_estimates(b, c.estimates);
  for (std::size_t i = 0; i < c.parameters.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (c.parameters[i].key == c.parameters[j].key)
        b.fail("calibration.parameters", "parameter '" + c.parameters[i].key + "' is listed twice");
  if (!c.parameters.empty() && c.moments.size() < c.parameters.size())
    b.fail("calibration.moments", "expected at least as many moments as free parameters (" +
                                      std::to_string(c.parameters.size()) + ")");
}

}  // namespace innosim
