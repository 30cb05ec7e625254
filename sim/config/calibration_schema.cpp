// The [calibration] keys: estimator settings (defaults in configs/model.toml) and a preset's
// free parameters and target moments. Declared after every model key, so that a free
// parameter can be checked against the key it names.
#include <cmath>
#include <string>

#include "config/binder.h"
#include "config/model_config.h"
#include "observe/indicator_catalog.h"

namespace innosim {
namespace {

const ParamSpec* find_spec(const Binder& b, const std::string& key) {
  for (const auto& s : b.specs())
    if (s.key == key) return &s;
  return nullptr;
}

double number(Binder& b, const toml::table& t, const std::string& where, const char* k) {
  const auto v = t[k].value<double>();
  if (!v || std::isnan(*v)) b.fail(where, std::string("expected a number '") + k + "'");
  return *v;
}

std::string text(Binder& b, const toml::table& t, const std::string& where, const char* k) {
  const auto v = t[k].value_exact<std::string>();
  if (!v || v->empty()) b.fail(where, std::string("expected a non-empty string '") + k + "'");
  return *v;
}

void only_keys(Binder& b, const toml::table& t, const std::string& where, const std::vector<std::string>& allowed) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || k.str() == a;
    if (!ok) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      b.fail(where, "unknown key '" + std::string(k.str()) + "'; expected " + list);
    }
  }
}

FreeParameter describe_parameter(Binder& b, const toml::table& t, const std::string& where) {
  only_keys(b, t, where, {"key", "lower", "upper"});
  FreeParameter p{text(b, t, where, "key"), number(b, t, where, "lower"), number(b, t, where, "upper")};
  const ParamSpec* spec = find_spec(b, p.key);
  if (!spec || spec->type != "float")
    b.fail(where, "key '" + p.key + "': expected a float model parameter (innosim list parameters)");
  if (p.key.rfind("region.", 0) == 0 || p.key.rfind("calibration.", 0) == 0)
    b.fail(where, "key '" + p.key + "': region numbers come from sources and are not fitted");
  if (!(p.lower < p.upper) || p.lower < spec->min || p.upper > spec->max)
    b.fail(where, "expected lower < upper within the range of " + p.key + " [" + std::to_string(spec->min) + ", " +
                      std::to_string(spec->max) + "]");
  return p;
}

Moment describe_moment(Binder& b, const toml::table& t, const std::string& where) {
  only_keys(b, t, where, {"indicator", "year", "value", "source"});
  Moment m{text(b, t, where, "indicator"), 0, number(b, t, where, "value"), text(b, t, where, "source")};
  if (find_indicator(m.indicator) < 0) b.fail(where, "unknown indicator '" + m.indicator + "' (innosim list indicators)");
  const auto y = t["year"].value_exact<int64_t>();
  if (!y) b.fail(where, "expected an integer 'year'");
  m.year = static_cast<int>(*y);
  if (m.value == 0) b.fail(where, "expected a non-zero 'value': moments are matched in relative terms");
  return m;
}

}  // namespace

void describe_calibration(Binder& b, CalibrationSpec& c, int base_year) {
  b.integer("calibration.replicates", c.replicates, {2, 10000}, "replicates", "replicates per evaluation of the moments");
  int seed = 1;
  b.integer("calibration.seed", seed, {0, 2147483647}, "1", "seed of the replicates: the same seed gives the same fit");
  c.seed = static_cast<unsigned long long>(seed);
  b.integer("calibration.max_iterations", c.max_iterations, {0, 1000}, "iterations", "Levenberg-Marquardt iterations at most");
  b.real("calibration.measurement_error", c.measurement_error, {0, 1}, "share",
         "relative error of a published statistic, added to the simulated variance of each moment");
  b.table_array("calibration.parameters", "free parameters: key, lower, upper", [&](const toml::table& t, const std::string& where) {
    c.parameters.push_back(describe_parameter(b, t, where));
  });
  b.table_array("calibration.moments", "target moments: indicator, year, value, source", [&](const toml::table& t, const std::string& where) {
    Moment m = describe_moment(b, t, where);
    if (m.year <= base_year)
      b.fail(where, "year " + std::to_string(m.year) + ": expected a simulated year, after region.base_year (" +
                        std::to_string(base_year) + ")");
    c.moments.push_back(m);
  });
  if (!b.binding()) return;
  for (std::size_t i = 0; i < c.parameters.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (c.parameters[i].key == c.parameters[j].key)
        b.fail("calibration.parameters", "parameter '" + c.parameters[i].key + "' is listed twice");
  if (!c.parameters.empty() && c.moments.size() < c.parameters.size())
    b.fail("calibration.moments", "expected at least as many moments as free parameters (" + std::to_string(c.parameters.size()) + ")");
}

}  // namespace innosim
