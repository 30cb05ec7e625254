#include "calibrate/region_calibration.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "core/errors.h"
#include "core/version.h"
#include "observe/indicator_catalog.h"
#include "run/ensemble.h"
#include "run/memory_estimate.h"

namespace innosim {
namespace {

// Shortest text that reads back as the same double, always with a decimal point or exponent.
std::string exact(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

// The estimates are written to six significant digits: far finer than their standard errors,
// and readable.
double six_digits(double v) { return std::stod(fmt::format("{:.6g}", v)); }

double value_at(const toml::table& resolved, const std::string& key) {
  const auto v = resolved.at_path(key).value<double>();
  if (!v) throw ModelError("calibration: no value for '" + key + "'");
  return *v;
}

}  // namespace

RegionCalibration calibrate_region(const LoadRequest& request, int threads,
                                   const std::function<void(const std::string&)>& log) {
  LoadRequest base = request;
  base.includes = false;
  const LoadedConfig loaded = load_config(base);
  RegionCalibration out;
  out.region = loaded.model.region.name;
  out.base_year = loaded.model.region.base_year;
  out.spec = loaded.model.calibration;
  const CalibrationSpec& spec = out.spec;
  if (spec.parameters.empty() || spec.moments.empty())
    throw ConfigError(
        region_file(request.data_dir, request.region.empty() ? kDefaultRegion : request.region), 0,
        "calibration",
        "the preset declares nothing to fit: expected [[calibration.parameters]] and "
        "[[calibration.moments]]");
  int last_year = 0;
  for (const auto& m : spec.moments) last_year = std::max(last_year, m.year);

  const auto k = static_cast<Eigen::Index>(spec.parameters.size());
  MsmProblem problem;
  problem.parameters = spec.parameters;
  problem.start.resize(k);
  const toml::table resolved = toml::parse(loaded.resolved_toml);
  for (Eigen::Index i = 0; i < k; ++i) {
    const FreeParameter& p = spec.parameters[i];
    problem.start[i] = std::clamp(value_at(resolved, p.key), p.lower, p.upper);
  }
  problem.observed.resize(static_cast<Eigen::Index>(spec.moments.size()));
  for (std::size_t j = 0; j < spec.moments.size(); ++j)
    problem.observed[static_cast<Eigen::Index>(j)] = spec.moments[j].value;
  problem.measurement_error = spec.measurement_error;
  problem.max_iterations = spec.max_iterations;
  problem.two_step = spec.two_step;
  problem.profile_points = spec.profile_points;
  problem.start_points = spec.start_points;
  out.start = problem.start;

  const auto ensemble_at = [&](const Eigen::VectorXd& theta) {
    LoadRequest at = base;
    at.sets.push_back("time.end_year=" + std::to_string(last_year));
    for (Eigen::Index i = 0; i < k; ++i)
      at.sets.push_back(spec.parameters[i].key + "=" + exact(theta[i]));
    EnsembleSpec run;
    run.scenarios.push_back(load_config(at));
    run.replicates = spec.replicates;
    run.seed = spec.seed;
    run.threads = threads;
    return run;
  };
  // Refused before the first evaluation if one would not fit in memory; the time is per
  // evaluation. Levenberg-Marquardt makes at most 1 + iterations x (k + 1) of them a step
  // (twice with two_step), the design its points, the standard errors 2k (twice after a
  // restart), and each profile point a search over the other k - 1 parameters, one more
  // evaluation for its second start and a search again when the profile beats the estimate.
  const EnsembleSpec first = ensemble_at(problem.start);
  refuse_if_too_large(first, 0);
  const int search_most = 1 + spec.max_iterations * static_cast<int>(k + 1);
  const int profile_most =
      spec.profile_points > 0
          ? static_cast<int>(k) * spec.profile_points *
                    (k > 1 ? 2 + spec.max_iterations * static_cast<int>(k) : 1) +
                search_most + 2 * static_cast<int>(k)
          : 0;
  if (log)
    log(fmt::format("each evaluation needs {}; at most {} evaluations",
                    describe(estimate_peak_memory(first)),
                    spec.start_points + search_most * (spec.two_step ? 2 : 1) +
                        2 * static_cast<int>(k) + profile_most));

  const MomentSimulator simulate = [&](const Eigen::VectorXd& theta) {
    const EnsembleResult r = run_ensemble(ensemble_at(theta));
    const std::size_t years = r.years.size();
    Eigen::MatrixXd draws(spec.replicates, static_cast<Eigen::Index>(spec.moments.size()));
    for (int rep = 0; rep < spec.replicates; ++rep)
      for (std::size_t j = 0; j < spec.moments.size(); ++j) {
        const auto t = static_cast<std::size_t>(spec.moments[j].year - out.base_year);
        const auto ind = static_cast<std::size_t>(find_indicator(spec.moments[j].indicator));
        draws(rep, static_cast<Eigen::Index>(j)) =
            r.trajectories[(static_cast<std::size_t>(rep) * years + t) * kIndicatorCount + ind];
      }
    return draws;
  };
  out.fit = fit_msm(problem, simulate, log);
  return out;
}

namespace {

// The J test's level, and how near a bound (as a share of the range) an estimate counts as on it.
constexpr double kJTestLevel = 0.05;
constexpr double kOnBoundShare = 1e-3;

bool on_bound(double theta, const FreeParameter& p) {
  const double near = kOnBoundShare * (p.upper - p.lower);
  return theta - p.lower < near || p.upper - theta < near;
}

}  // namespace

std::string fit_file_text(const RegionCalibration& c, const std::string& command_line) {
  const MsmFit& f = c.fit;
  std::string s;
  s += fmt::format("# Fitted by `{}` (innosim {}).\n", command_line, kVersion);
  s += "# Method of simulated moments (docs/CALIBRATION.md). The same command, model.toml, preset "
       "and\n";
  s +=
      "# seed write this file again byte for byte. Layered after the preset that includes it.\n#\n";
  s += fmt::format("# seed {}, {} replicates per evaluation, {} evaluations, {} iterations; {}\n",
                   c.spec.seed, c.spec.replicates, f.evaluations, f.iterations, f.stop_reason);
  s += fmt::format(
      "# objective g'Wg: {:.4g} at the start, {:.4g} at the estimate ({} moments, {} parameters)\n",
      f.objective_start, f.objective, c.spec.moments.size(), c.spec.parameters.size());
  if (c.spec.start_points > 0) {
    std::vector<std::string> from;
    for (Eigen::Index i = 0; i < f.search_start.size(); ++i)
      from.push_back(fmt::format("{} = {:.6g}", c.spec.parameters[static_cast<std::size_t>(i)].key,
                                 f.search_start[i]));
    s += fmt::format(
        "# {} Sobol design points over the bounds: the best {:.4g}; the search began at {}\n",
        c.spec.start_points, f.objective_design, fmt::join(from, ", "));
  }
  if (f.two_step)
    s += fmt::format(
        "# two-step efficient weights; J test of the overidentifying restrictions: J = {:.4g}, "
        "{} degree(s) of freedom, p = {:.3g}{}\n",
        f.j_statistic, f.j_df, f.j_p_value,
        f.j_p_value < kJTestLevel ? ": the model does not fit these moments at 5%" : "");
  for (std::size_t i = 0; i < c.spec.parameters.size(); ++i) {
    const FreeParameter& p = c.spec.parameters[i];
    const double t = f.theta[static_cast<Eigen::Index>(i)];
    if (on_bound(t, p))
      s += fmt::format(
          "# WARNING: {} = {:.6g} is on its bound [{:.6g}, {:.6g}]: its standard error is not "
          "valid there\n",
          p.key, t, p.lower, p.upper);
  }
  if (!f.identified)
    s += "# WARNING: G'WG is singular: these moments do not identify every parameter; no standard "
         "errors\n";
  s += "#\n# moment, year: observed | simulated mean (replicate sd) | error of the mean | source\n";
  for (std::size_t j = 0; j < c.spec.moments.size(); ++j) {
    const Moment& m = c.spec.moments[j];
    const auto jj = static_cast<Eigen::Index>(j);
    s += fmt::format("#   {}, {}: {:.6g} | {:.6g} ({:.3g}) | {:+.1f}% | {}\n", m.indicator, m.year,
                     m.value, f.simulated[jj], f.simulated_sd[jj],
                     100.0 * (f.simulated[jj] - m.value) / std::fabs(m.value), m.source);
  }
  if (!f.profiles.empty()) {
    s += fmt::format(
        "#\n# 95% profile intervals: where min over the other parameters of g'S^-1 g is within "
        "{:.3f} of its\n# minimum {:.4g} (chi-squared(1); valid at a bound, conservative there; "
        "docs/CALIBRATION.md){}\n",
        f.profile_critical, f.profile_minimum,
        f.j_p_value < kJTestLevel ? "; the J test rejects, so they are for the best fit of a model "
                                    "that does not fit"
                                  : "");
    if (f.profile_found_lower)
      s += "# WARNING: a profile point beat the first estimate: that search stopped at a local "
           "minimum; the estimate\n# below was searched again from the profile's lowest point, "
           "and the sets use its value\n";
    for (std::size_t i = 0; i < c.spec.parameters.size(); ++i) {
      const FreeParameter& p = c.spec.parameters[i];
      const ProfileInterval& pr = f.profiles[i];
      s += fmt::format("#   {}: [{:.4g}, {:.4g}]{}{}{}\n", p.key, pr.lower, pr.upper,
                       pr.reaches_lower ? "; runs to the lower bound" : "",
                       pr.reaches_upper ? "; runs to the upper bound" : "",
                       pr.gap ? "; not an interval (a grid point inside is outside the set)" : "");
      std::vector<std::string> points;
      for (std::size_t j = 0; j < pr.grid.size(); ++j)
        points.push_back(fmt::format("{:.4g}: {:.4g}", pr.grid[j], pr.objective[j]));
      s += fmt::format("#     profile {}\n", fmt::join(points, ", "));
    }
  }
  s += "#\n# parameter: estimate (standard error) | start | bounds\n";
  for (std::size_t i = 0; i < c.spec.parameters.size(); ++i) {
    const FreeParameter& p = c.spec.parameters[i];
    const auto ii = static_cast<Eigen::Index>(i);
    s += fmt::format("#   {}: {:.6g} ({:.3g}) | {:.6g} | [{:.6g}, {:.6g}]\n", p.key, f.theta[ii],
                     f.standard_error[ii], c.start[ii], p.lower, p.upper);
  }
  // The estimates as keys, grouped by table.
  std::map<std::string, std::vector<std::size_t>> tables;
  for (std::size_t i = 0; i < c.spec.parameters.size(); ++i) {
    const std::string& key = c.spec.parameters[i].key;
    tables[key.substr(0, key.rfind('.'))].push_back(i);
  }
  for (const auto& [table, members] : tables) {
    s += fmt::format("\n[{}]\n", table);
    for (std::size_t i : members) {
      const std::string& key = c.spec.parameters[i].key;
      const auto ii = static_cast<Eigen::Index>(i);
      s += fmt::format("{} = {}  # [fitted] SE {:.3g}, {}\n", key.substr(key.rfind('.') + 1),
                       exact(six_digits(f.theta[ii])), f.standard_error[ii], c.region);
    }
  }
  // The sampling distribution, for innosim run --parameter-uncertainty; none when the
  // moments do not identify every parameter.
  if (f.identified && f.covariance.rows() == static_cast<Eigen::Index>(c.spec.parameters.size())) {
    s += "\n# The estimates' sampling covariance (the sandwich above), for innosim run "
         "--parameter-uncertainty:\n# each replicate draws from the normal it describes, "
         "truncated to these bounds.\n";
    for (std::size_t i = 0; i < c.spec.parameters.size(); ++i) {
      const FreeParameter& p = c.spec.parameters[i];
      std::vector<std::string> row;
      for (Eigen::Index j = 0; j < f.covariance.cols(); ++j)
        row.push_back(exact(0.5 * (f.covariance(static_cast<Eigen::Index>(i), j) +
                                   f.covariance(j, static_cast<Eigen::Index>(i)))));
      s += fmt::format(
          "[[calibration.estimates]]\nkey = \"{}\"\nlower = {}\nupper = {}\ncovariance = [{}]\n",
          p.key, exact(p.lower), exact(p.upper), fmt::join(row, ", "));
    }
  }
  return s;
}

std::string fit_file_path(const std::string& data_dir, const std::string& region) {
  return (std::filesystem::path(data_dir) / "configs" / "calibration" / (region + ".toml"))
      .string();
}

}  // namespace innosim
