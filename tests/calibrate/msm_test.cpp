// The estimator on simulators whose truth is known: it recovers the parameters, keeps to
// their bounds, and says so when the moments cannot identify a parameter.
#include "calibrate/msm.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace innosim;

namespace {

// Fixed noise: the same draws at every theta (common random numbers), as the model's streams give.
Eigen::MatrixXd fixed_noise(int replicates, int moments, double sd) {
  std::mt19937_64 gen(42);
  std::normal_distribution<double> z(0.0, sd);
  Eigen::MatrixXd n(replicates, moments);
  for (int r = 0; r < replicates; ++r)
    for (int j = 0; j < moments; ++j) n(r, j) = z(gen);
  return n;
}

// Three non-linear moments of two parameters, with 5% multiplicative noise.
Eigen::VectorXd expected_moments(const Eigen::VectorXd& t) {
  Eigen::VectorXd m(3);
  m << 100.0 * t[0] + 20.0 * t[1], 50.0 * std::exp(0.8 * t[1]), 30.0 * t[0] * t[1] + 10.0;
  return m;
}

MomentSimulator noisy(const Eigen::MatrixXd& noise) {
  return [noise](const Eigen::VectorXd& t) {
    const Eigen::VectorXd m = expected_moments(t);
    Eigen::MatrixXd draws(noise.rows(), noise.cols());
    for (Eigen::Index r = 0; r < noise.rows(); ++r)
      draws.row(r) = (m.array() * (1.0 + noise.row(r).transpose().array())).transpose();
    return draws;
  };
}

MsmProblem problem(Eigen::VectorXd truth, Eigen::VectorXd start) {
  MsmProblem p;
  p.parameters = {{"a.x", 0.0, 1.0}, {"a.y", 0.2, 3.0}};
  p.start = std::move(start);
  p.observed = expected_moments(truth);
  p.max_iterations = 40;
  return p;
}

// Moments of x alone, with a little replicate spread: y is not identified.
MomentSimulator ignores_y() {
  return [](const Eigen::VectorXd& t) {
    Eigen::MatrixXd draws(4, 3);
    for (int r = 0; r < 4; ++r) draws.row(r) << 100.0 * t[0] + 1.0 * r, 50.0 + r, 40.0 * t[0] + r;
    return draws;
  };
}

}  // namespace

TEST_CASE("the method of simulated moments recovers known parameters from a distant start",
          "[calibrate]") {
  const Eigen::VectorXd truth = Eigen::Vector2d(0.35, 1.7);
  const MsmFit fit =
      fit_msm(problem(truth, Eigen::Vector2d(0.8, 0.5)), noisy(fixed_noise(20, 3, 0.05)));
  INFO("estimate " << fit.theta.transpose() << ", SE " << fit.standard_error.transpose() << ", "
                   << fit.stop_reason);
  REQUIRE(fit.identified);
  CHECK(fit.objective < 0.01 * fit.objective_start);
  for (int i = 0; i < 2; ++i) {
    CHECK(std::isfinite(fit.standard_error[i]));
    CHECK(fit.standard_error[i] > 0);
    // The noise has mean zero over few replicates only: the estimate is within its own error of the
    // truth.
    CHECK(std::fabs(fit.theta[i] - truth[i]) < 2 * fit.standard_error[i] + 0.02);
  }
}

TEST_CASE("more replicates and a smaller measurement error give smaller standard errors",
          "[calibrate]") {
  const Eigen::VectorXd truth = Eigen::Vector2d(0.35, 1.7);
  MsmProblem noisy_data = problem(truth, truth);
  noisy_data.measurement_error = 0.10;
  MsmProblem precise_data = problem(truth, truth);
  precise_data.measurement_error = 0.01;
  const MsmFit a = fit_msm(noisy_data, noisy(fixed_noise(20, 3, 0.05)));
  const MsmFit b = fit_msm(precise_data, noisy(fixed_noise(20, 3, 0.05)));
  for (int i = 0; i < 2; ++i) CHECK(b.standard_error[i] < a.standard_error[i]);
}

TEST_CASE("the estimate stays inside the bounds when the data point outside them", "[calibrate]") {
  // x = 1.3 would fit; the bound is 1.
  const MsmFit fit = fit_msm(problem(Eigen::Vector2d(1.3, 1.0), Eigen::Vector2d(0.5, 1.0)),
                             noisy(fixed_noise(10, 3, 0.02)));
  CHECK(fit.theta[0] <= 1.0);
  CHECK(fit.theta[0] > 0.9);
  CHECK(fit.theta[1] >= 0.2);
  CHECK(fit.theta[1] <= 3.0);
}

TEST_CASE("a parameter no moment depends on is reported as not identified", "[calibrate]") {
  MsmProblem p = problem(Eigen::Vector2d(0.35, 1.7), Eigen::Vector2d(0.5, 1.0));
  p.observed = Eigen::Vector3d(35.0, 50.0, 14.0);
  const MsmFit fit = fit_msm(p, ignores_y());
  CHECK_FALSE(fit.identified);
  CHECK(std::isnan(fit.standard_error[1]));
  CHECK(std::fabs(fit.theta[0] - 0.335) <
        0.05);  // x is still fitted (the draws add 1.5 on average)
}

TEST_CASE("the estimator refuses a problem it cannot solve", "[calibrate]") {
  MsmProblem p = problem(Eigen::Vector2d(0.35, 1.7), Eigen::Vector2d(0.5, 1.0));
  p.observed = Eigen::Vector2d(1.0, 0.0).head(1);
  CHECK_THROWS_WITH(fit_msm(p, noisy(fixed_noise(4, 1, 0.0))),
                    Catch::Contains("fewer moments than free parameters"));
  p.observed = Eigen::Vector3d(1.0, 0.0, 2.0);
  CHECK_THROWS_WITH(fit_msm(p, noisy(fixed_noise(4, 3, 0.0))), Catch::Contains("non-zero"));
}

TEST_CASE("the J test accepts moments the model makes and rejects ones it cannot", "[calibrate]") {
  // Three moments, two parameters: one overidentifying restriction. Data made by the model at
  // the truth (plus the replicates' noise) pass; data whose third moment no parameter value
  // reaches together with the other two are rejected at 5%.
  const Eigen::VectorXd truth = Eigen::Vector2d(0.35, 1.7);
  MsmProblem fits = problem(truth, Eigen::Vector2d(0.5, 1.0));
  fits.two_step = true;
  const MsmFit ok = fit_msm(fits, noisy(fixed_noise(20, 3, 0.05)));
  INFO("fitting data: J " << ok.j_statistic << ", p " << ok.j_p_value << ", " << ok.stop_reason);
  REQUIRE(ok.two_step);
  CHECK(ok.j_df == 1);
  CHECK(ok.j_p_value > 0.05);
  for (int i = 0; i < 2; ++i)
    CHECK(std::fabs(ok.theta[i] - truth[i]) < 2 * ok.standard_error[i] + 0.02);

  MsmProblem misfit = fits;
  misfit.observed[2] *= 1.6;  // 30xy + 10 far from what x and y fitted to the first two give
  const MsmFit bad = fit_msm(misfit, noisy(fixed_noise(20, 3, 0.05)));
  INFO("misfitting data: J " << bad.j_statistic << ", p " << bad.j_p_value);
  REQUIRE(bad.two_step);
  CHECK(bad.j_p_value < 0.05);

  // With as many moments as parameters there is nothing to test: one step, no J.
  MsmProblem exact = fits;
  exact.observed = exact.observed.head(2).eval();
  const MomentSimulator two = [](const Eigen::VectorXd& t) {
    Eigen::MatrixXd d = noisy(fixed_noise(20, 3, 0.05))(t);
    return Eigen::MatrixXd(d.leftCols(2));
  };
  const MsmFit just = fit_msm(exact, two);
  CHECK_FALSE(just.two_step);
  CHECK(std::isnan(just.j_statistic));
}

TEST_CASE(
    "profile intervals contain the truth, agree with the sandwich inside the range and "
    "run to a bound the data point past",
    "[calibrate]") {
  const Eigen::VectorXd truth = Eigen::Vector2d(0.35, 1.7);
  MsmProblem p = problem(truth, Eigen::Vector2d(0.5, 1.0));
  p.two_step = true;
  p.measurement_error = 0.05;
  p.profile_points = 21;
  const MsmFit fit = fit_msm(p, noisy(fixed_noise(20, 3, 0.05)));
  REQUIRE(fit.profiles.size() == 2);
  CHECK(fit.profile_critical == Approx(3.841).epsilon(1e-3));
  CHECK_FALSE(fit.profile_found_lower);
  for (int i = 0; i < 2; ++i) {
    const ProfileInterval& pr = fit.profiles[static_cast<std::size_t>(i)];
    INFO("parameter " << i << ": [" << pr.lower << ", " << pr.upper << "], estimate "
                      << fit.theta[i] << ", SE " << fit.standard_error[i]);
    // Both bounds and the estimate are on the grid, the estimate at the profile's minimum.
    CHECK(pr.grid.front() == p.parameters[static_cast<std::size_t>(i)].lower);
    CHECK(pr.grid.back() == p.parameters[static_cast<std::size_t>(i)].upper);
    CHECK(std::is_sorted(pr.grid.begin(), pr.grid.end()));
    CHECK(*std::min_element(pr.objective.begin(), pr.objective.end()) ==
          Approx(fit.profile_minimum));
    CHECK(pr.lower < fit.theta[i]);
    CHECK(pr.upper > fit.theta[i]);
    CHECK(pr.lower < truth[i]);
    CHECK(pr.upper > truth[i]);
    CHECK_FALSE(pr.reaches_lower);
    CHECK_FALSE(pr.reaches_upper);
    CHECK_FALSE(pr.gap);
    // Inside the range and on a smooth objective, the profile and the sandwich measure the
    // same curvature: the interval's half-width is near 1.96 standard errors (the grid's
    // linear interpolation and the non-linearity allow a factor of 1.5).
    const double half = 0.5 * (pr.upper - pr.lower);
    CHECK(half > 1.96 * fit.standard_error[i] / 1.5);
    CHECK(half < 1.96 * fit.standard_error[i] * 1.5);
  }

  // x = 1.3 would fit; the bound is 1: the set for x runs to the bound and has a lower end.
  MsmProblem past = problem(Eigen::Vector2d(1.3, 1.0), Eigen::Vector2d(0.5, 1.0));
  past.two_step = true;
  past.profile_points = 11;
  const MsmFit at_bound = fit_msm(past, noisy(fixed_noise(10, 3, 0.02)));
  REQUIRE(at_bound.profiles.size() == 2);
  CHECK(at_bound.profiles[0].reaches_upper);
  CHECK(at_bound.profiles[0].upper == 1.0);
  CHECK(at_bound.profiles[0].lower > 0.5);
  CHECK_FALSE(at_bound.profiles[0].reaches_lower);
}

TEST_CASE("the profile of a parameter no moment depends on runs across its whole range",
          "[calibrate]") {
  MsmProblem p = problem(Eigen::Vector2d(0.35, 1.7), Eigen::Vector2d(0.5, 1.0));
  p.observed = Eigen::Vector3d(35.0, 50.0, 14.0);
  p.profile_points = 5;
  const MsmFit fit = fit_msm(p, ignores_y());
  REQUIRE(fit.profiles.size() == 2);
  CHECK(fit.profiles[1].reaches_lower);
  CHECK(fit.profiles[1].reaches_upper);
  CHECK_FALSE(fit.profiles[0].reaches_lower);  // x is still pinned down
  CHECK_FALSE(fit.profiles[0].reaches_upper);

  p.profile_points = 1;
  CHECK_THROWS_WITH(fit_msm(p, ignores_y()), Catch::Contains("at least 2 grid points"));
}

namespace {

// One parameter, two moments that peak together at x = 0.3 and x = 0.8, higher at 0.8. The
// data were made at 0.8, so 0.3 is a local minimum (both moments 7% short, and lower on
// either side): a local search that starts there stays there.
MomentSimulator two_basins() {
  const Eigen::MatrixXd noise = fixed_noise(8, 2, 0.01);
  return [noise](const Eigen::VectorXd& t) {
    const double pi = std::acos(-1.0);
    const double wave = std::cos(4.0 * pi * (t[0] - 0.8)) * (0.75 + 0.5 * (t[0] - 0.3));
    const Eigen::Vector2d m(100.0 + 40.0 * wave, 50.0 + 20.0 * wave);
    Eigen::MatrixXd draws(noise.rows(), 2);
    for (Eigen::Index r = 0; r < noise.rows(); ++r)
      draws.row(r) = (m.array() * (1.0 + noise.row(r).transpose().array())).transpose();
    return draws;
  };
}

MsmProblem two_basin_problem() {
  MsmProblem p;
  p.parameters = {{"a.x", 0.0, 1.0}};
  p.start = Eigen::VectorXd::Constant(1, 0.3);
  p.observed = Eigen::Vector2d(140.0, 70.0);
  p.max_iterations = 40;
  return p;
}

}  // namespace

TEST_CASE("a Sobol design over the bounds finds the basin a local search from the start misses",
          "[calibrate]") {
  MsmProblem p = two_basin_problem();
  const MsmFit local = fit_msm(p, two_basins());
  INFO("local search: " << local.theta[0] << ", " << local.stop_reason);
  REQUIRE(std::fabs(local.theta[0] - 0.3) < 0.1);  // the trap is real
  CHECK(local.search_start[0] == Approx(0.3));
  CHECK(std::isnan(local.objective_design));

  p.start_points = 16;
  const MsmFit global = fit_msm(p, two_basins());
  INFO("with the design: " << global.theta[0] << " from " << global.search_start[0]);
  CHECK(std::fabs(global.theta[0] - 0.8) < 0.02);
  CHECK(std::fabs(global.search_start[0] - 0.8) < 0.1);
  CHECK(global.objective < local.objective / 10);
  CHECK(global.objective_design < global.objective_start);
  // The design is part of the count: 16 more evaluations before the search began.
  CHECK(global.evaluations > local.evaluations);

  p.start_points = -1;
  CHECK_THROWS_WITH(fit_msm(p, two_basins()), Catch::Contains("start_points"));
}

TEST_CASE("a profile that beats the estimate moves the estimate to the lower basin",
          "[calibrate]") {
  MsmProblem p = two_basin_problem();
  p.two_step = true;
  p.profile_points = 9;
  const MsmFit fit = fit_msm(p, two_basins());
  INFO(fit.stop_reason);
  CHECK(fit.profile_found_lower);
  CHECK(std::fabs(fit.theta[0] - 0.8) < 0.02);
  CHECK(fit.stop_reason.find("from the profile's lowest point") != std::string::npos);
  // Standard errors, J and the sets are taken at the new estimate: its value is the sets'
  // reference, it is a point of the profile, and the set holds it, not the trap at 0.3.
  CHECK(fit.j_statistic == Approx(fit.profile_minimum));
  REQUIRE(fit.profiles.size() == 1);
  const ProfileInterval& pr = fit.profiles[0];
  CHECK(std::find(pr.grid.begin(), pr.grid.end(), fit.theta[0]) != pr.grid.end());
  CHECK(pr.lower <= fit.theta[0]);
  CHECK(pr.upper >= fit.theta[0]);
  CHECK(pr.lower > 0.5);
  CHECK(std::isfinite(fit.standard_error[0]));
}

TEST_CASE("an estimate next to a bound does not put a second point beside it on the profile",
          "[calibrate]") {
  // x = 1.3 would fit; the estimate lands within a hair of the bound 1.
  MsmProblem past = problem(Eigen::Vector2d(1.3, 1.0), Eigen::Vector2d(0.5, 1.0));
  past.two_step = true;
  past.profile_points = 11;
  const MsmFit fit = fit_msm(past, noisy(fixed_noise(10, 3, 0.02)));
  REQUIRE(fit.profiles.size() == 2);
  const std::vector<double>& grid = fit.profiles[0].grid;
  REQUIRE(fit.theta[0] > 0.999);
  CHECK(grid.size() == 11);
  CHECK(grid.back() == 1.0);
  for (std::size_t j = 1; j < grid.size(); ++j) CHECK(grid[j] - grid[j - 1] > 0.05);
}

TEST_CASE("a flat start does not throw the search onto a bound", "[calibrate]") {
  // The moment is flat at the start (x = 0.5), so the Gauss-Newton step there is huge: without
  // a limit on the step, the first trials land on the bound and are rejected one by one.
  std::vector<double> tried;
  const MomentSimulator cubic = [&tried](const Eigen::VectorXd& t) {
    tried.push_back(t[0]);
    Eigen::MatrixXd draws(4, 1);
    for (int r = 0; r < 4; ++r) draws(r, 0) = 50.0 + 100.0 * std::pow(t[0] - 0.5, 3) + 0.01 * r;
    return draws;
  };
  MsmProblem p;
  p.parameters = {{"a.x", 0.0, 1.0}};
  p.start = Eigen::VectorXd::Constant(1, 0.5);
  p.observed = Eigen::VectorXd::Constant(1, 50.0 + 100.0 * std::pow(0.2, 3));  // x = 0.7
  p.max_iterations = 40;
  const MsmFit fit = fit_msm(p, cubic);
  INFO(fit.stop_reason << " after " << fit.evaluations << " evaluations");
  CHECK(std::fabs(fit.theta[0] - 0.7) < 0.01);
  const double farthest = *std::max_element(tried.begin(), tried.end());
  CHECK(farthest < 0.95);
}
