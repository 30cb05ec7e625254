// Random streams: a pure function of (seed, replicate, agent, step, purpose).
#include "core/random.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace innosim;

namespace {
std::vector<double> draws(Stream s, int n) {
  std::vector<double> out(n);
  for (auto& x : out) x = s.uniform();
  return out;
}
double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
  ma /= static_cast<double>(a.size()), mb /= static_cast<double>(b.size());
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sab += (a[i] - ma) * (b[i] - mb), saa += (a[i] - ma) * (a[i] - ma),
        sbb += (b[i] - mb) * (b[i] - mb);
  return sab / std::sqrt(saa * sbb);
}
}  // namespace

TEST_CASE("the same key gives the same draws - whenever and wherever they are made", "[random]") {
  CHECK(draws(Stream(7, 3, 42, 5, Purpose::kGrowth), 100) ==
        draws(Stream(7, 3, 42, 5, Purpose::kGrowth), 100));
}

TEST_CASE("every key component changes the stream", "[random]") {
  const auto base = draws(Stream(7, 3, 42, 5, Purpose::kGrowth), 50);
  CHECK(base != draws(Stream(8, 3, 42, 5, Purpose::kGrowth), 50));
  CHECK(base != draws(Stream(7, 4, 42, 5, Purpose::kGrowth), 50));
  CHECK(base != draws(Stream(7, 3, 43, 5, Purpose::kGrowth), 50));
  CHECK(base != draws(Stream(7, 3, 42, 6, Purpose::kGrowth), 50));
  CHECK(base != draws(Stream(7, 3, 42, 5, Purpose::kExit), 50));
}

TEST_CASE("streams of neighbouring agents are uncorrelated", "[random]") {
  // With n = 20000 the sample correlation of independent streams has sd 1/sqrt(n) = 0.007.
  const int n = 20000;
  CHECK(std::fabs(correlation(draws(Stream(1, 0, 0, 0, Purpose::kGrowth), n),
                              draws(Stream(1, 0, 1, 0, Purpose::kGrowth), n))) < 0.03);
  CHECK(std::fabs(correlation(draws(Stream(1, 0, 0, 0, Purpose::kGrowth), n),
                              draws(Stream(1, 0, 0, 0, Purpose::kExit), n))) < 0.03);
  // Across agents at one position (the way phases draw): first draw of agents 0..n-1.
  std::vector<double> a(n), b(n);
  for (int i = 0; i < n; ++i) {
    a[i] = Stream(1, 0, i, 0, Purpose::kGrowth).uniform();
    b[i] = Stream(1, 0, i, 1, Purpose::kGrowth).uniform();
  }
  CHECK(std::fabs(correlation(a, b)) < 0.03);
}

TEST_CASE("distributions have their textbook moments", "[random]") {
  Stream s(11, 0, 0, 0, Purpose::kInit);
  const int n = 200000;
  double su = 0, su2 = 0, sn = 0, sn2 = 0, sl2 = 0, sl4 = 0, sp = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    su += u, su2 += u * u;
    const double z = s.normal();
    sn += z, sn2 += z * z;
    const double l = s.laplace(1.0);
    sl2 += l * l, sl4 += l * l * l * l;
    sp += static_cast<double>(s.poisson(3.0));
  }
  CHECK(su / n == Approx(0.5).margin(0.005));
  CHECK(su2 / n - (su / n) * (su / n) == Approx(1.0 / 12).margin(0.002));
  CHECK(sn / n == Approx(0.0).margin(0.01));
  CHECK(sn2 / n == Approx(1.0).margin(0.02));
  CHECK(sl2 / n == Approx(2.0).margin(0.05));  // Laplace(b=1): variance 2b^2
  CHECK((sl4 / n) / ((sl2 / n) * (sl2 / n)) == Approx(6.0).margin(0.5));  // kurtosis 6, fat tails
  CHECK(sp / n == Approx(3.0).margin(0.03));
}

TEST_CASE("a Poisson draw consumes one uniform whatever its mean", "[random][crn]") {
  // Exact common random numbers: the draw after a count is the same whatever the count's mean.
  for (double mean : {0.0, 1e-3, 0.7, 5.0, 49.9, 50.1, 3e3, 2e6}) {
    Stream a(3, 1, 9, 4, Purpose::kEntry), b(3, 1, 9, 4, Purpose::kEntry);
    a.poisson(mean);
    b.uniform();
    INFO(mean);
    CHECK(a.uniform() == b.uniform());
  }
  // A larger mean never gives a smaller count from the same uniform (inversion is monotone).
  for (int agent = 0; agent < 2000; ++agent) {
    Stream lo(5, 0, agent, 0, Purpose::kEntry), hi(5, 0, agent, 0, Purpose::kEntry);
    CHECK(lo.poisson(2.0) <= hi.poisson(2.5));
  }
}

TEST_CASE("Poisson by inversion has the textbook mean and variance", "[random][crn]") {
  for (double mean : {0.3, 4.0, 30.0, 400.0}) {
    Stream s(17, 0, 0, 0, Purpose::kInit);
    const int n = 100000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<double>(s.poisson(mean));
      sum += k, sum2 += k * k;
    }
    const double m = sum / n, v = sum2 / n - m * m;
    INFO(mean);
    CHECK(m == Approx(mean).epsilon(0.01).margin(0.01));
    CHECK(v == Approx(mean).epsilon(0.03).margin(0.01));
  }
}

TEST_CASE("sub-purposes and the base-year step are streams of their own", "[random][crn]") {
  const auto base = draws(Stream(7, 3, 42, 5, Purpose::kEntry), 50);
  CHECK(base == draws(Stream(7, 3, 42, 5, Purpose::kEntry, 0), 50));
  CHECK(base != draws(Stream(7, 3, 42, 5, Purpose::kEntry, 1), 50));
  CHECK(draws(Stream(7, 3, 42, 5, Purpose::kEntry, 1), 50) !=
        draws(Stream(7, 3, 42, 5, Purpose::kEntry, 2), 50));
  // The synthesis of the base year never shares a key with a simulated step, nor with the
  // base year's closing step (-1).
  const auto init = draws(Stream(7, 3, 42, kInitStep, Purpose::kCertification), 50);
  for (std::uint32_t step : {0u, 1u, 4u, 0xFFFFFFFFu})
    CHECK(init != draws(Stream(7, 3, 42, step, Purpose::kCertification), 50));
}
