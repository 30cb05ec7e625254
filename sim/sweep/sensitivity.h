// Global sensitivity indices from model outputs on the designs of samplers.h.
//  - Sobol' indices on a Saltelli design: first order S_i by Saltelli et al. (2010, table 2,
//    eq. b) with f(B) centred on the mean output (same expectation, much smaller variance),
//    total S_Ti by Jansen (1999), both over the variance of f(A) and f(B) together; confidence
//    intervals by bootstrapping the n base rows (percentile intervals).
//  - Morris' elementary effects on a Morris design: mu, mu* (Campolongo et al. 2007) and sigma,
//    per unit of the factor's [0, 1] range.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sweep/samplers.h"

namespace innosim::sweep {

struct Interval {
  double estimate = 0;
  double low = 0;  // bootstrap percentile interval
  double high = 0;
};

struct SobolIndices {
  std::vector<Interval> first;  // one per factor
  std::vector<Interval> total;
};

// `y` holds the output at every point of saltelli(n, k), in its order (n (k + 2) values).
// `resamples` bootstrap resamples give intervals at level `confidence` (0 = no intervals: each
// bound is the estimate). NaN outputs are refused (std::invalid_argument).
SobolIndices sobol_indices(const std::vector<double>& y, std::size_t k, int resamples,
                           double confidence, std::uint64_t seed);

struct MorrisIndices {
  std::vector<double> mu;       // mean elementary effect
  std::vector<double> mu_star;  // mean absolute elementary effect
  std::vector<double> sigma;    // standard deviation of the effects (n - 1 in the denominator)
};

// `points` is a morris() design and `y` the output at each of its points.
MorrisIndices morris_indices(const Points& points, const std::vector<double>& y, std::size_t k);

}  // namespace innosim::sweep
