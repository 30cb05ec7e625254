// The method of simulated moments (McFadden 1989; Pakes & Pollard 1989), as innosim uses it:
// find the parameters whose simulated moments, averaged over R replicates on common random
// numbers, come closest to the observed ones, and say how well the moments pin them down.
//
// - Deviations are relative: g_j(theta) = (mean simulated m_j - observed m_j) / |observed m_j|.
// - Weights are diagonal, fixed at the start: W_jj = 1 / (s_j^2 + e^2), with s_j^2 the
//   replicates' variance of moment j and e the relative measurement error of a published
//   statistic. A noisy moment counts less.
// - The search is Levenberg-Marquardt (Eigen) over logit-transformed parameters, so it stays
//   inside each parameter's bounds; the Jacobian is by forward differences. It is local, and
//   the objective moves in whole firms: with `start_points` it starts from the best of the
//   configured start and the points of a Sobol design over the bounds (a global first look).
// - With `two_step` and more moments than parameters, a second search starts from the first
//   estimate with the efficient weights W = S^-1 (S below, at the first estimate; Hansen
//   1982), and J = g'S^-1 g at the second estimate tests the overidentifying restrictions:
//   chi-squared with (moments - parameters) degrees of freedom if the model fits.
// - Standard errors come from the sandwich (G'WG)^-1 G'W S W G (G'WG)^-1. G is the Jacobian
//   of g in the parameters (central differences at the estimate). S = (1 + 1/R) Omega + e^2 I,
//   with Omega the replicates' covariance of the moments: the region is one realisation of
//   the model, and the simulated mean carries an error of Omega / R.
// - Profile intervals (`profile_points` > 0), valid where the sandwich is not (an estimate on
//   a bound, a flat or non-smooth objective): on a grid of each parameter's range, the
//   objective under the efficient weights S^-1 is minimised over the other parameters, and the
//   95% set is where it exceeds its minimum by at most the chi-squared(1) quantile: the
//   distance-metric test inverted (Newey & West 1987). At a bound that test is conservative
//   (its null distribution is a mixture of chi-squared(0) and chi-squared(1): Andrews 1999).
//   Each grid point's search starts from the better of the neighbouring point's solution and
//   the lowest point seen so far. When a profile point beats the estimate, the search stopped
//   at a local minimum: it is searched again from that point, the estimate becomes the lowest
//   point seen, and the standard errors and the J test are taken there.
#pragma once
#include <Eigen/Dense>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "config/calibration_config.h"

namespace innosim {

// Moment draws at theta: one row per replicate, one column per moment, in the moments' units.
using MomentSimulator = std::function<Eigen::MatrixXd(const Eigen::VectorXd& theta)>;

struct MsmProblem {
  std::vector<FreeParameter> parameters;  // names and bounds
  Eigen::VectorXd start;                  // inside the bounds
  Eigen::VectorXd observed;               // one per moment, non-zero
  double measurement_error = 0.02;
  int max_iterations = 12;
  bool two_step = false;   // efficient second-step weights and the J test (header)
  int profile_points = 0;  // grid points of each parameter's profile, bounds included; 0: none
  int start_points = 0;    // Sobol points over the bounds tried before the search; 0: none
};

// One parameter's profile of the objective (header): the grid, bounds and estimate included,
// ascending, with min over the other parameters of g'S^-1 g at each point, and the 95% set.
struct ProfileInterval {
  std::vector<double> grid;
  std::vector<double> objective;
  double lower = 0, upper = 0;  // the set's ends, interpolated between grid points
  bool reaches_lower = false;   // the set runs to the search bound (no end is seen there)
  bool reaches_upper = false;
  bool gap = false;  // a grid point inside [lower, upper] lies outside the set
};

struct MsmFit {
  Eigen::VectorXd theta;           // the estimate
  Eigen::VectorXd standard_error;  // NaN where the moments do not identify the parameter
  Eigen::MatrixXd covariance;      // of the estimate
  bool identified = true;          // false when G'WG is singular
  Eigen::VectorXd simulated;       // mean simulated moments at the estimate
  Eigen::VectorXd simulated_sd;    // their replicate standard deviation
  Eigen::VectorXd weight;          // the diagonal of the first step's W
  double objective_start = 0;      // g'Wg at the start, first-step weights
  double objective = 0;            // g'Wg at the estimate, first-step weights
  bool two_step = false;           // the second step ran (and the J test with it)
  double j_statistic = std::numeric_limits<double>::quiet_NaN();  // g'S^-1 g at the estimate
  int j_df = 0;                                                   // moments - parameters
  double j_p_value = std::numeric_limits<double>::quiet_NaN();    // P(chi2(j_df) > J)
  std::vector<ProfileInterval> profiles;  // one per parameter, empty without profile_points
  double profile_minimum = 0;             // the smallest g'S^-1 g seen, the sets' reference
  double profile_critical = 0;            // the chi-squared(1) 95% quantile the sets use
  bool profile_found_lower = false;       // a profile point beat the first estimate (a local
                                          // minimum): the estimate was searched again from it
  Eigen::VectorXd search_start;           // where the search began: the start or a design point
  double objective_design = std::numeric_limits<double>::quiet_NaN();  // best g'Wg of the design
  int iterations = 0;
  int evaluations = 0;
  std::string stop_reason;
};

// `log` (optional) hears one line per evaluation.
MsmFit fit_msm(const MsmProblem& problem, const MomentSimulator& simulate,
               const std::function<void(const std::string&)>& log = {});

}  // namespace innosim
