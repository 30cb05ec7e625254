#include "calibrate/msm.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <functional>
#include <limits>

#include "core/errors.h"

namespace innosim {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Parameters are searched as u = logit((theta - lower) / (upper - lower)).
struct Transform {
  VectorXd lower, width;
  VectorXd theta(const VectorXd& u) const {
    return lower +
           width.cwiseProduct(u.unaryExpr([](double x) { return 1.0 / (1.0 + std::exp(-x)); }));
  }
  VectorXd u(const VectorXd& theta) const {
    VectorXd p = (theta - lower).cwiseQuotient(width);
    return p.unaryExpr([](double x) {
      const double c = std::clamp(x, 0.01, 0.99);  // a start on a bound would freeze the search
      return std::log(c / (1 - c));
    });
  }
};

// Relative draws, mean and covariance of one evaluation.
struct Evaluation {
  VectorXd theta, mean, g;
  MatrixXd covariance;
  double objective = 0;
  int replicates = 0;
};

class Objective {
 public:
  Objective(const MsmProblem& p, const MomentSimulator& s,
            const std::function<void(const std::string&)>& log)
      : problem_(p), simulate_(s), log_(log), scale_(p.observed.cwiseAbs()) {}

  Evaluation evaluate(const VectorXd& theta) {
    const MatrixXd draws = simulate_(theta);
    if (draws.cols() != problem_.observed.size() || draws.rows() < 2)
      throw ModelError("calibration: the simulator returned " + std::to_string(draws.rows()) + "x" +
                       std::to_string(draws.cols()) + " draws; expected at least 2 replicates of " +
                       std::to_string(problem_.observed.size()) + " moments");
    ++evaluations;
    const MatrixXd rel = draws.array().rowwise() / scale_.transpose().array();
    Evaluation e;
    e.theta = theta;
    e.replicates = static_cast<int>(draws.rows());
    e.mean = draws.colwise().mean().transpose();
    const VectorXd rel_mean = rel.colwise().mean().transpose();
    const MatrixXd centred = rel.rowwise() - rel_mean.transpose();
    e.covariance = centred.transpose() * centred / static_cast<double>(draws.rows() - 1);
    e.g = (e.mean - problem_.observed).cwiseQuotient(scale_);
    if (weight.size() ==
        0) {  // fixed at the first evaluation, so the objective does not move under the search
      const double e2 = problem_.measurement_error * problem_.measurement_error;
      weight = (e.covariance.diagonal().array() + e2).max(1e-12).inverse().matrix();
    }
    e.objective = e.g.dot(weight.cwiseProduct(e.g));
    if (log_) {
      std::string params;
      for (Eigen::Index i = 0; i < theta.size(); ++i)
        params += fmt::format("{}{}={:.6g}", i ? " " : "", problem_.parameters[i].key, theta[i]);
      log_(fmt::format("evaluation {:3d}: {}  objective {:.6g}", evaluations, params, e.objective));
    }
    return e;
  }

  // W^1/2 g under the weights in force: the first step's diagonal, or the second step's
  // full matrix through its Cholesky factor (W = U'U, r = U g, so r'r = g'Wg).
  VectorXd residual(const Evaluation& e) const {
    return root.size() ? VectorXd(root * e.g) : VectorXd(weight.cwiseSqrt().cwiseProduct(e.g));
  }
  double value(const Evaluation& e) const { return residual(e).squaredNorm(); }

  VectorXd weight;  // the first step's diagonal weights
  MatrixXd root;    // the second step's U, empty in the first step
  int evaluations = 0;

 private:
  const MsmProblem& problem_;
  const MomentSimulator& simulate_;
  const std::function<void(const std::string&)>& log_;
  VectorXd scale_;
};

void check(const MsmProblem& p) {
  const auto k = static_cast<Eigen::Index>(p.parameters.size());
  if (k == 0)
    throw ModelError("calibration: no free parameter ([[calibration.parameters]] in the preset)");
  if (p.start.size() != k) throw ModelError("calibration: one start value per parameter expected");
  if (p.observed.size() < k) throw ModelError("calibration: fewer moments than free parameters");
  if (p.profile_points == 1 || p.profile_points < 0)
    throw ModelError("calibration: a profile needs 0 (none) or at least 2 grid points");
  if (p.start_points < 0) throw ModelError("calibration: start_points must be 0 or more");
  for (Eigen::Index j = 0; j < p.observed.size(); ++j)
    if (p.observed[j] == 0 || !std::isfinite(p.observed[j]))
      throw ModelError("calibration: observed moments must be finite and non-zero");
}

constexpr double kStepU =
    0.2;  // forward-difference step in logit units (about 5% of the range mid-way)
// The longest step a search tries, as a share of each parameter's range: where the moments
// are flat the Gauss-Newton step is far longer, lands on a bound and is rejected again and
// again while the damping grows. A rejected step halves the limit. In parameter units, not
// logit ones, so that a search can still close on a bound in one step.
constexpr double kMaxStep = 0.25;
constexpr double kStepTheta = 0.025;  // central-difference half-step for G, as a share of the range
// A step that moves no parameter by more than this share of its range ends the search: near a
// bound, steps of a tenth in logit units move the parameter by 1e-5 of its range.
constexpr double kThetaTolerance = 1e-4;
// Design points keep this share of the range from each bound, where the logit transform holds.
constexpr double kDesignMargin = 0.01;

// S, the covariance of the relative deviations at an evaluation: the observed moments vary as
// one realisation of the model (Omega) plus measurement error, the simulated means add
// Omega / R.
MatrixXd moment_noise(const Evaluation& e, double measurement_error) {
  const Eigen::Index m = e.covariance.rows();
  return (1.0 + 1.0 / e.replicates) * e.covariance +
         measurement_error * measurement_error * MatrixXd::Identity(m, m);
}

using ThetaOf = std::function<VectorXd(const VectorXd&)>;

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// The largest share of its range by which `step` moves a parameter from logit point `u`.
double share_moved(const VectorXd& u, const VectorXd& step) {
  double most = 0;
  for (Eigen::Index i = 0; i < u.size(); ++i)
    most = std::max(most, std::fabs(logistic(u[i] + step[i]) - logistic(u[i])));
  return most;
}

// The factor in (0, 1] that keeps `step` from moving any parameter by more than `limit` of its
// range: per parameter, the logit distance to its share plus or minus the limit.
double within(const VectorXd& u, const VectorXd& step, double limit) {
  double factor = 1;
  for (Eigen::Index i = 0; i < u.size(); ++i) {
    if (step[i] == 0) continue;
    const double p = logistic(u[i]) + (step[i] > 0 ? limit : -limit);
    if (p <= 0 || p >= 1) continue;  // the bound is nearer than the limit
    factor = std::min(factor, std::fabs(std::log(p / (1 - p)) - u[i]) / std::fabs(step[i]));
  }
  return factor;
}

// Levenberg-Marquardt on r(u) = W^1/2 g(theta(u)) under the objective's weights in force,
// from `u` and its evaluation `best`, which it moves to the estimate; returns why it stopped.
// `width` is the full parameter vector's ranges, for the stopping rule in parameter units.
std::string search(Objective& obj, const ThetaOf& theta_of, const VectorXd& width,
                   int max_iterations, VectorXd& u, Evaluation& best, int& iterations) {
  const Eigen::Index k = u.size();
  double lambda = 1e-2, radius = kMaxStep;
  bool need_jacobian = true;
  MatrixXd jac(best.g.size(), k);
  for (int it = 0; it < max_iterations; ++it) {
    iterations = it + 1;
    const VectorXd r = obj.residual(best);
    if (need_jacobian) {
      for (Eigen::Index i = 0; i < k; ++i) {
        VectorXd du = u;
        du[i] += kStepU;
        jac.col(i) = (obj.residual(obj.evaluate(theta_of(du))) - r) / kStepU;
      }
      need_jacobian = false;
    }
    const MatrixXd a = jac.transpose() * jac;
    const VectorXd grad = jac.transpose() * r;
    if (a.diagonal().maxCoeff() <= 0) return "the moments do not move with any parameter";
    MatrixXd damped = a;
    damped.diagonal() += lambda * a.diagonal().cwiseMax(1e-9 * a.diagonal().maxCoeff());
    VectorXd step = damped.ldlt().solve(-grad);
    step *= within(u, step, radius);
    const Evaluation trial = obj.evaluate(theta_of(u + step));
    const double before = obj.value(best), after = obj.value(trial);
    const bool tiny =
        step.cwiseAbs().maxCoeff() < 1e-3 ||
        (trial.theta - best.theta).cwiseQuotient(width).cwiseAbs().maxCoeff() < kThetaTolerance;
    if (after < before) {
      const double gain = (before - after) / std::max(before, 1e-300);
      u += step;
      best = trial;
      lambda = std::max(lambda / 3, 1e-6);
      radius = kMaxStep;
      need_jacobian = true;
      if (gain < 1e-4 || tiny) return "converged: the last step was tiny or gained less than 0.01%";
    } else {
      lambda *= 4;
      radius = share_moved(u, step) / 2;
      if (tiny) return "converged: no smaller step improves the objective";
    }
  }
  return "iteration limit (calibration.max_iterations)";
}

// The 95% set of one profile: grid points within `critical` of the minimum, its ends
// interpolated linearly between the last point out and the first point in.
void profile_set(ProfileInterval& p, double minimum, double critical) {
  const auto in = [&](std::size_t j) { return p.objective[j] - minimum <= critical; };
  const std::size_t n = p.grid.size();
  std::size_t first = 0, last = n - 1;
  while (first < n && !in(first)) ++first;
  while (last > first && !in(last)) --last;
  const auto cross = [&](std::size_t out, std::size_t inside) {
    const double d_out = p.objective[out] - minimum, d_in = p.objective[inside] - minimum;
    return p.grid[out] + (critical - d_out) / (d_in - d_out) * (p.grid[inside] - p.grid[out]);
  };
  p.reaches_lower = first == 0;
  p.reaches_upper = last == n - 1;
  p.lower = p.reaches_lower ? p.grid.front() : cross(first - 1, first);
  p.upper = p.reaches_upper ? p.grid.back() : cross(last + 1, last);
  for (std::size_t j = first; j <= last; ++j) p.gap = p.gap || !in(j);
}

// Profiles of every parameter under the weights in force (efficient: S^-1), each grid point's
// other parameters searched outward from the estimate, from the better of the neighbouring
// point's solution and the lowest point seen so far (`lowest`, which it updates).
void profile(MsmFit& fit, Objective& obj, const MsmProblem& problem, const Transform& tr,
             const Evaluation& best, Evaluation& lowest) {
  const auto k = static_cast<Eigen::Index>(problem.parameters.size());
  const double at_estimate = obj.value(best);
  lowest = best;
  fit.profile_critical =
      boost::math::quantile(boost::math::complement(boost::math::chi_squared(1), 0.05));
  for (Eigen::Index i = 0; i < k; ++i) {
    ProfileInterval p;
    const int n = problem.profile_points;
    // Within a hundredth of a step of the estimate, an inner grid point gives way to the
    // estimate, and the estimate to a bound (which then stands for it, its value the
    // estimate's).
    const double near = 0.01 * tr.width[i] / (n - 1);
    bool placed = false;
    for (int j = 0; j < n; ++j) {
      double t = tr.lower[i] + tr.width[i] * static_cast<double>(j) / (n - 1);
      if (std::fabs(t - best.theta[i]) <= near && !placed) {
        placed = true;
        if (j > 0 && j < n - 1) t = best.theta[i];
      }
      p.grid.push_back(t);
    }
    if (!placed) p.grid.push_back(best.theta[i]);
    std::sort(p.grid.begin(), p.grid.end());
    const auto centre = static_cast<std::size_t>(
        std::min_element(p.grid.begin(), p.grid.end(),
                         [&](double a, double b) {
                           return std::fabs(a - best.theta[i]) < std::fabs(b - best.theta[i]);
                         }) -
        p.grid.begin());
    p.objective.assign(p.grid.size(), 0.0);
    // The other parameters as a search vector, their logit transform as in the fit.
    std::vector<Eigen::Index> others;
    for (Eigen::Index o = 0; o < k; ++o)
      if (o != i) others.push_back(o);
    const auto m = static_cast<Eigen::Index>(others.size());
    Transform sub{VectorXd(m), VectorXd(m)};
    const auto rest_of = [&](const VectorXd& theta) {
      VectorXd rest(m);
      for (Eigen::Index o = 0; o < m; ++o) rest[o] = theta[others[static_cast<std::size_t>(o)]];
      return rest;
    };
    for (Eigen::Index o = 0; o < m; ++o) {
      sub.lower[o] = tr.lower[others[static_cast<std::size_t>(o)]];
      sub.width[o] = tr.width[others[static_cast<std::size_t>(o)]];
    }
    const auto full = [&](double fixed, const VectorXd& rest) {
      VectorXd theta = best.theta;
      theta[i] = fixed;
      for (std::size_t o = 0; o < others.size(); ++o)
        theta[others[o]] = rest[static_cast<Eigen::Index>(o)];
      return theta;
    };
    for (int direction : {-1, 1}) {
      VectorXd rest = rest_of(best.theta);
      for (auto j = static_cast<std::ptrdiff_t>(centre);
           j >= 0 && j < static_cast<std::ptrdiff_t>(p.grid.size()); j += direction) {
        if (j == static_cast<std::ptrdiff_t>(centre)) {  // the estimate minimises there
          p.objective[centre] = at_estimate;
          continue;
        }
        const double fixed = p.grid[static_cast<std::size_t>(j)];
        Evaluation e;
        if (others.empty()) {
          e = obj.evaluate(full(fixed, rest));
        } else {
          const ThetaOf theta_of = [&](const VectorXd& x) { return full(fixed, sub.theta(x)); };
          VectorXd u = sub.u(rest);
          e = obj.evaluate(theta_of(u));
          if (const VectorXd other = sub.u(rest_of(lowest.theta)); other != u) {
            Evaluation from_lowest = obj.evaluate(theta_of(other));
            if (obj.value(from_lowest) < obj.value(e)) {
              e = std::move(from_lowest);
              u = other;
            }
          }
          int iterations = 0;
          search(obj, theta_of, tr.width, problem.max_iterations, u, e, iterations);
          rest = rest_of(e.theta);
        }
        p.objective[static_cast<std::size_t>(j)] = obj.value(e);
        if (obj.value(e) < obj.value(lowest)) lowest = e;
      }
    }
    fit.profiles.push_back(std::move(p));
  }
}

// The sets of every profile, against the lowest objective seen.
void profile_sets(MsmFit& fit, double minimum) {
  fit.profile_minimum = minimum;
  for (auto& p : fit.profiles) profile_set(p, minimum, fit.profile_critical);
}

// The efficient weights' Cholesky factor at `at`; empty if S is not positive definite.
MatrixXd efficient_root(const Evaluation& at, double measurement_error) {
  const Eigen::LLT<MatrixXd> llt(moment_noise(at, measurement_error).inverse());
  return llt.info() == Eigen::Success ? MatrixXd(llt.matrixU()) : MatrixXd();
}

// The best of the configured start and a Sobol design over the bounds (its first point, the
// lower corner, left out), by the first step's objective; `u` and `best` move there.
void design_start(MsmFit& fit, Objective& obj, const MsmProblem& problem, const Transform& tr,
                  VectorXd& u, Evaluation& best) {
  const auto k = static_cast<Eigen::Index>(problem.parameters.size());
  boost::random::sobol design(static_cast<std::size_t>(k));
  design.discard(static_cast<std::uintmax_t>(k));
  for (int n = 0; n < problem.start_points; ++n) {
    VectorXd share(k);
    for (Eigen::Index i = 0; i < k; ++i)
      share[i] =
          kDesignMargin + (1 - 2 * kDesignMargin) * std::ldexp(static_cast<double>(design()), -64);
    const VectorXd at = tr.u(tr.lower + tr.width.cwiseProduct(share));
    Evaluation e = obj.evaluate(tr.theta(at));
    if (!(fit.objective_design <= e.objective)) fit.objective_design = e.objective;
    if (e.objective < best.objective) {
      best = std::move(e);
      u = at;
    }
  }
}

// The sandwich at `best` under the weights in force, and the moments there.
void standard_errors(MsmFit& fit, Objective& obj, const MsmProblem& problem, const Transform& tr,
                     const Evaluation& best) {
  const auto k = static_cast<Eigen::Index>(problem.parameters.size());
  const Eigen::Index m = problem.observed.size();
  MatrixXd g_theta(m, k);
  for (Eigen::Index i = 0; i < k; ++i) {
    const double h = kStepTheta * tr.width[i];
    VectorXd up = best.theta, down = best.theta;
    up[i] = std::min(up[i] + h, tr.lower[i] + tr.width[i]);
    down[i] = std::max(down[i] - h, tr.lower[i]);
    g_theta.col(i) = (obj.evaluate(up).g - obj.evaluate(down).g) / (up[i] - down[i]);
  }
  fit.weight = obj.weight;
  const MatrixXd w =
      fit.two_step ? MatrixXd(obj.root.transpose() * obj.root) : MatrixXd(obj.weight.asDiagonal());
  const MatrixXd bread = g_theta.transpose() * w * g_theta;
  Eigen::SelfAdjointEigenSolver<MatrixXd> eig(bread);
  fit.identified =
      eig.eigenvalues().minCoeff() > 1e-10 * std::max(eig.eigenvalues().maxCoeff(), 1e-300);
  fit.theta = best.theta;
  fit.simulated = best.mean;
  fit.simulated_sd =
      (best.covariance.diagonal().array().sqrt() * problem.observed.cwiseAbs().array()).matrix();
  fit.objective = best.objective;
  fit.standard_error = VectorXd::Constant(k, std::numeric_limits<double>::quiet_NaN());
  fit.covariance = MatrixXd::Constant(k, k, std::numeric_limits<double>::quiet_NaN());
  if (fit.identified) {
    const MatrixXd noise = moment_noise(best, problem.measurement_error);
    const MatrixXd inv = bread.inverse();
    fit.covariance = inv * g_theta.transpose() * w * noise * w * g_theta * inv;
    fit.standard_error = fit.covariance.diagonal().cwiseSqrt();
  }
  if (fit.two_step) {
    fit.j_statistic = obj.value(best);
    fit.j_p_value = boost::math::cdf(
        boost::math::complement(boost::math::chi_squared(fit.j_df), fit.j_statistic));
  }
}

// A profile point beat the estimate, a local minimum: search again from the profile's lowest
// point under the same weights, keep the lower of the two as `best` with its standard errors,
// and make it a point of every profile, each one's minimum.
void restart_from_profile(MsmFit& fit, Objective& obj, const MsmProblem& problem,
                          const Transform& tr, const Evaluation& lowest, Evaluation& best) {
  fit.profile_found_lower = true;
  const ThetaOf theta_of = [&tr](const VectorXd& x) { return tr.theta(x); };
  VectorXd again = tr.u(lowest.theta);
  Evaluation from = obj.evaluate(tr.theta(again));
  int iterations = 0;
  fit.stop_reason +=
      "; from the profile's lowest point: " +
      search(obj, theta_of, tr.width, problem.max_iterations, again, from, iterations);
  fit.iterations += iterations;
  best = obj.value(from) < obj.value(lowest) ? from : lowest;
  standard_errors(fit, obj, problem, tr, best);
  for (Eigen::Index i = 0; i < best.theta.size(); ++i) {
    ProfileInterval& pr = fit.profiles[static_cast<std::size_t>(i)];
    const auto at = std::lower_bound(pr.grid.begin(), pr.grid.end(), best.theta[i]);
    const auto j = at - pr.grid.begin();
    if (at != pr.grid.end() && *at == best.theta[i]) {
      pr.objective[static_cast<std::size_t>(j)] = obj.value(best);
    } else {
      pr.grid.insert(at, best.theta[i]);
      pr.objective.insert(pr.objective.begin() + j, obj.value(best));
    }
  }
}

}  // namespace

MsmFit fit_msm(const MsmProblem& problem, const MomentSimulator& simulate,
               const std::function<void(const std::string&)>& log) {
  check(problem);
  const auto k = static_cast<Eigen::Index>(problem.parameters.size());
  Transform tr{VectorXd(k), VectorXd(k)};
  for (Eigen::Index i = 0; i < k; ++i) {
    tr.lower[i] = problem.parameters[i].lower;
    tr.width[i] = problem.parameters[i].upper - problem.parameters[i].lower;
  }
  Objective obj(problem, simulate, log);
  VectorXd u = tr.u(problem.start);
  Evaluation best = obj.evaluate(tr.theta(u));
  MsmFit fit;
  fit.objective_start = best.objective;
  design_start(fit, obj, problem, tr, u, best);
  fit.search_start = best.theta;

  const ThetaOf theta_of = [&tr](const VectorXd& x) { return tr.theta(x); };
  fit.stop_reason =
      search(obj, theta_of, tr.width, problem.max_iterations, u, best, fit.iterations);
  if (problem.two_step && problem.observed.size() > k) {
    // Second step (Hansen 1982): weights from the moments' covariance at the first estimate,
    // S = (1 + 1/R) Omega + e^2 I, the search again from there. g'S^-1 g at the estimate is
    // then the J statistic of the overidentifying restrictions.
    obj.root = efficient_root(best, problem.measurement_error);
    if (obj.root.size()) {
      int iterations = 0;
      fit.stop_reason = "two-step: " + search(obj, theta_of, tr.width, problem.max_iterations, u,
                                              best, iterations);
      fit.iterations += iterations;
      fit.two_step = true;
      fit.j_df = static_cast<int>(problem.observed.size() - k);
    }
  }
  standard_errors(fit, obj, problem, tr, best);

  if (problem.profile_points > 0) {
    // One step: the profile still needs the efficient weights.
    if (obj.root.size() == 0) obj.root = efficient_root(best, problem.measurement_error);
    if (obj.root.size()) {
      Evaluation lowest;
      profile(fit, obj, problem, tr, best, lowest);
      if (obj.value(lowest) < obj.value(best) * (1 - 1e-9))
        restart_from_profile(fit, obj, problem, tr, lowest, best);
      profile_sets(fit, obj.value(best));
    }
  }
  fit.evaluations = obj.evaluations;
  return fit;
}

}  // namespace innosim
