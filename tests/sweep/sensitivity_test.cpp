// The Sobol' and Morris estimators recover the analytical indices of the standard test
// functions, and agree with an independent numpy implementation (sobol_reference.py).
#include "sweep/sensitivity.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <sstream>

#include "test_support.h"

using namespace innosim::sweep;

namespace {

// Ishigami & Homma (1990) on [-pi, pi]^3 with a = 7, b = 0.1.
double ishigami(const Point& u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7 * std::pow(std::sin(x2), 2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

// Sobol's g-function on [0, 1]^k.
const std::vector<double> kG{0, 1, 4.5, 9, 99, 99, 99, 99};
double g_function(const Point& u) {
  double g = 1;
  for (std::size_t i = 0; i < u.size(); ++i) g *= (std::fabs(4 * u[i] - 2) + kG[i]) / (1 + kG[i]);
  return g;
}

template <class F>
std::vector<double> evaluate(const Points& points, F f) {
  std::vector<double> y;
  for (const auto& p : points) y.push_back(f(p));
  return y;
}

}  // namespace

TEST_CASE("Sobol indices of the Ishigami function match the analytical values", "[sweep]") {
  const double pi4 = std::pow(std::numbers::pi, 4), pi8 = pi4 * pi4;
  const double a = 7, b = 0.1;
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + b * pi4 / 5, 2), v2 = a * a / 8;
  const double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
  const std::vector<double> first{v1 / v, v2 / v, 0}, total{(v1 + v13) / v, v2 / v, v13 / v};
  CHECK(first[0] == Approx(0.3139).margin(1e-4));  // the values every paper quotes
  CHECK(total[2] == Approx(0.2437).margin(1e-4));

  const SobolIndices s = sobol_indices(evaluate(saltelli(1 << 13, 3), ishigami), 3, 200, 0.95, 1);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("factor " << i + 1 << ": S " << s.first[i].estimate << " [" << s.first[i].low << ", "
                   << s.first[i].high << "], ST " << s.total[i].estimate);
    CHECK(s.first[i].estimate == Approx(first[i]).margin(0.02));
    CHECK(s.total[i].estimate == Approx(total[i]).margin(0.02));
    CHECK(s.first[i].low <= s.first[i].estimate);
    CHECK(s.first[i].high >= s.first[i].estimate);
    CHECK(s.first[i].high - s.first[i].low < 0.1);
    // The 95% intervals hold the true values.
    CHECK(s.first[i].low <= first[i] + 1e-9);
    CHECK(s.first[i].high >= first[i] - 1e-9);
    CHECK(s.total[i].low <= total[i]);
    CHECK(s.total[i].high >= total[i]);
  }
}

TEST_CASE("Sobol indices of the g-function match the analytical values", "[sweep]") {
  const std::size_t k = kG.size();
  std::vector<double> vi(k);
  double prod = 1;
  for (std::size_t i = 0; i < k; ++i) {
    vi[i] = 1.0 / (3 * std::pow(1 + kG[i], 2));
    prod *= 1 + vi[i];
  }
  const double v = prod - 1;
  const SobolIndices s = sobol_indices(evaluate(saltelli(1 << 12, k), g_function), k, 0, 0, 1);
  for (std::size_t i = 0; i < k; ++i) {
    const double first = vi[i] / v, total = vi[i] * prod / (1 + vi[i]) / v;
    INFO("factor " << i + 1);
    CHECK(s.first[i].estimate == Approx(first).margin(0.02));
    CHECK(s.total[i].estimate == Approx(total).margin(0.02));
  }
}

TEST_CASE("Sobol point estimates equal an independent numpy implementation", "[sweep]") {
  const std::size_t k = 3;
  const std::vector<double> y = evaluate(saltelli(256, k), ishigami);
  innosim::test::TempDir dir;
  {
    std::ofstream out(dir.path("y.txt"));
    out.precision(17);
    for (double v : y) out << v << "\n";
  }
  // Debian's python3 with python3-numpy (scripts/setup.sh installs it).
  const std::string cmd = "/usr/bin/python3 '" + innosim::test::data_dir() +
                          "/tests/sweep/sobol_reference.py' '" + dir.path("y.txt") + "' 3";
  const innosim::test::ShellResult reference = innosim::test::shell(cmd);
  REQUIRE(reference.status == 0);
  const SobolIndices s = sobol_indices(y, k, 0, 0, 1);
  std::istringstream in(reference.output);
  for (std::size_t i = 0; i < k; ++i) {
    double first = NAN, total = NAN;
    in >> first >> total;
    CHECK(s.first[i].estimate == Approx(first).epsilon(1e-12).margin(1e-14));
    CHECK(s.total[i].estimate == Approx(total).epsilon(1e-12).margin(1e-14));
  }
}

TEST_CASE(
    "Morris effects of a linear function are its slopes - and of the Ishigami function "
    "rank x1 and x2 above x3's mean",
    "[sweep]") {
  const std::size_t k = 4;
  const std::vector<double> slope{3, -2, 0.5, 0};
  const Points m = morris(10, k, 4, 7);
  const MorrisIndices lin = morris_indices(m,
                                           evaluate(m,
                                                    [&](const Point& u) {
                                                      double f = 1;
                                                      for (std::size_t i = 0; i < k; ++i)
                                                        f += slope[i] * u[i];
                                                      return f;
                                                    }),
                                           k);
  for (std::size_t i = 0; i < k; ++i) {
    CHECK(lin.mu[i] == Approx(slope[i]).margin(1e-9));
    CHECK(lin.mu_star[i] == Approx(std::fabs(slope[i])).margin(1e-9));
    CHECK(lin.sigma[i] == Approx(0).margin(1e-9));
  }
  const Points mi = morris(200, 3, 4, 7);
  const MorrisIndices ish = morris_indices(mi, evaluate(mi, ishigami), 3);
  // x3 acts only through its interaction with x1: its mean effect is near zero, its mu* not.
  CHECK(std::fabs(ish.mu[2]) < 0.3 * ish.mu_star[2]);
  CHECK(ish.mu_star[0] > ish.mu_star[2] / 2);
  CHECK(ish.sigma[2] > 0);
}

TEST_CASE("the estimators refuse outputs that do not fit their design", "[sweep]") {
  CHECK_THROWS(sobol_indices({1, 2, 3}, 3, 0, 0, 1));
  CHECK_THROWS(sobol_indices({1, 2, NAN, 4, 5}, 3, 0, 0, 1));
  CHECK_THROWS(morris_indices(morris(2, 3, 4, 1), {1, 2}, 3));
}
