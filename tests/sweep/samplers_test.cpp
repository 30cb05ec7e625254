// The designs have the structure their papers define, and are reproducible.
#include "sweep/samplers.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

using namespace innosim::sweep;

TEST_CASE("a full grid holds every combination of levels - ends included", "[sweep]") {
  const Points g = full_grid({3, 2, 1});
  REQUIRE(g.size() == 6);
  CHECK(g.front() == Point{0.0, 0.0, 0.5});
  CHECK(g[1] == Point{0.0, 1.0, 0.5});  // the last factor varies fastest
  CHECK(g.back() == Point{1.0, 1.0, 0.5});
  std::set<Point> unique(g.begin(), g.end());
  CHECK(unique.size() == 6);
}

TEST_CASE("a Latin hypercube puts one point in each stratum of every factor", "[sweep]") {
  const std::size_t n = 50, k = 4;
  const Points p = latin_hypercube(n, k, 9);
  REQUIRE(p.size() == n);
  for (std::size_t i = 0; i < k; ++i) {
    std::set<long> strata;
    for (const auto& x : p) strata.insert(static_cast<long>(std::floor(x[i] * n)));
    CHECK(strata.size() == n);
  }
  CHECK(latin_hypercube(n, k, 9) == p);
  CHECK(latin_hypercube(n, k, 10) != p);
}

TEST_CASE("the Sobol sequence starts as Joe and Kuo's - after the zero point", "[sweep]") {
  const Points s = sobol_sequence(4, 2);
  CHECK(s[0] == Point{0.5, 0.5});
  CHECK(s[1] == Point{0.75, 0.25});
  CHECK(s[2] == Point{0.25, 0.75});
  CHECK(s[3] == Point{0.375, 0.375});
  CHECK(sobol_sequence(2, 2, 2)[0] == s[2]);
}

TEST_CASE("a Saltelli design is A - B and A with one column of B for each factor", "[sweep]") {
  const std::size_t n = 8, k = 3;
  const Points d = saltelli(n, k);
  REQUIRE(d.size() == n * (k + 2));
  const Points base = sobol_sequence(n, 2 * k);
  for (std::size_t j = 0; j < n; ++j) {
    const Point& a = d[j * (k + 2)];
    const Point& b = d[j * (k + 2) + 1];
    CHECK(a == Point(base[j].begin(), base[j].begin() + 3));
    CHECK(b == Point(base[j].begin() + 3, base[j].end()));
    for (std::size_t i = 0; i < k; ++i) {
      Point ab = a;
      ab[i] = b[i];
      CHECK(d[j * (k + 2) + 2 + i] == ab);
    }
  }
}

TEST_CASE("a Morris trajectory moves each factor once by delta on the grid", "[sweep]") {
  const std::size_t r = 20, k = 5;
  const int levels = 4;
  const double delta = morris_delta(levels);
  CHECK(delta == Approx(2.0 / 3.0));
  const Points m = morris(r, k, levels, 3);
  REQUIRE(m.size() == r * (k + 1));
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 1; s <= k; ++s) {
      const Point& a = m[t * (k + 1) + s - 1];
      const Point& b = m[t * (k + 1) + s];
      int changed = 0;
      for (std::size_t i = 0; i < k; ++i)
        if (a[i] != b[i]) {
          ++changed;
          moved.insert(i);
          CHECK(std::fabs(b[i] - a[i]) == Approx(delta));
        }
      CHECK(changed == 1);
      for (double x : b) {
        CHECK(x >= 0);
        CHECK(x <= 1 + 1e-12);
        // On the grid 0, 1/3, 2/3, 1.
        CHECK(std::fabs(x * (levels - 1) - std::round(x * (levels - 1))) < 1e-9);
      }
    }
    CHECK(moved.size() == k);
  }
  CHECK(morris(r, k, levels, 3) == m);
}
