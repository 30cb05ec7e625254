#include "sweep/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/random.h"

namespace innosim::sweep {
namespace {

struct Estimate {
  std::vector<double> first, total;
};

// The indices from the base rows `rows` (with repetition, for the bootstrap).
Estimate estimate(const std::vector<double>& y, std::size_t k,
                  const std::vector<std::size_t>& rows) {
  const std::size_t stride = k + 2;
  const double n = static_cast<double>(rows.size());
  double mean = 0;
  for (std::size_t j : rows) mean += y[j * stride] + y[j * stride + 1];
  mean /= 2 * n;
  double variance = 0;
  for (std::size_t j : rows)
    for (std::size_t c = 0; c < 2; ++c) variance += std::pow(y[j * stride + c] - mean, 2);
  variance /= 2 * n;
  Estimate e{std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0, total = 0;
    for (std::size_t j : rows) {
      const double fa = y[j * stride], fb = y[j * stride + 1], fab = y[j * stride + 2 + i];
      // f(B) centred: the same expectation, far less variance when the mean is large
      // against the spread (as every model output is: R&D intensity near 1.7 +- 0.05).
      first += (fb - mean) * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    e.first[i] = variance > 0 ? first / n / variance : 0.0;
    e.total[i] = variance > 0 ? total / (2 * n) / variance : 0.0;
  }
  return e;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double at = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& y, std::size_t k, int resamples,
                           double confidence, std::uint64_t seed) {
  const std::size_t stride = k + 2;
  if (k == 0 || y.empty() || y.size() % stride != 0)
    throw std::invalid_argument("sobol_indices: expected n (k + 2) outputs of a Saltelli design");
  for (double v : y)
    if (!std::isfinite(v)) throw std::invalid_argument("sobol_indices: an output is not finite");
  const std::size_t n = y.size() / stride;
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  const Estimate point = estimate(y, k, rows);
  SobolIndices out{std::vector<Interval>(k), std::vector<Interval>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    out.first[i] = {point.first[i], point.first[i], point.first[i]};
    out.total[i] = {point.total[i], point.total[i], point.total[i]};
  }
  if (resamples <= 0 || confidence <= 0) return out;
  std::vector<std::vector<double>> first(k), total(k);
  for (int b = 0; b < resamples; ++b) {
    Stream s(seed, static_cast<std::uint64_t>(b), kRegionAgent, 0, Purpose::kBootstrap);
    for (auto& r : rows)
      r = std::min(n - 1, static_cast<std::size_t>(s.uniform() * static_cast<double>(n)));
    const Estimate e = estimate(y, k, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first[i].push_back(e.first[i]);
      total[i].push_back(e.total[i]);
    }
  }
  const double tail = (1 - confidence) / 2;
  for (std::size_t i = 0; i < k; ++i) {
    out.first[i].low = percentile(first[i], tail);
    out.first[i].high = percentile(first[i], 1 - tail);
    out.total[i].low = percentile(total[i], tail);
    out.total[i].high = percentile(total[i], 1 - tail);
  }
  return out;
}

MorrisIndices morris_indices(const Points& points, const std::vector<double>& y, std::size_t k) {
  if (points.size() != y.size() || points.empty() || points.size() % (k + 1) != 0)
    throw std::invalid_argument("morris_indices: expected r (k + 1) points and outputs");
  std::vector<std::vector<double>> effects(k);
  for (std::size_t start = 0; start < points.size(); start += k + 1)
    for (std::size_t step = 1; step <= k; ++step) {
      const Point& a = points[start + step - 1];
      const Point& b = points[start + step];
      for (std::size_t i = 0; i < k; ++i)
        if (a[i] != b[i]) {  // the one factor this step moves
          effects[i].push_back((y[start + step] - y[start + step - 1]) / (b[i] - a[i]));
          break;
        }
    }
  MorrisIndices out{std::vector<double>(k), std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    const auto& e = effects[i];
    const double r = static_cast<double>(e.size());
    double sum = 0, abs_sum = 0;
    for (double v : e) {
      sum += v;
      abs_sum += std::fabs(v);
    }
    out.mu[i] = sum / r;
    out.mu_star[i] = abs_sum / r;
    double ss = 0;
    for (double v : e) ss += (v - out.mu[i]) * (v - out.mu[i]);
    out.sigma[i] = e.size() > 1 ? std::sqrt(ss / (r - 1)) : 0.0;
  }
  return out;
}

}  // namespace innosim::sweep
