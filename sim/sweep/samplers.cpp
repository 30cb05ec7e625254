#include "sweep/samplers.h"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <numeric>
#include <stdexcept>

#include "core/random.h"

namespace innosim::sweep {
namespace {

// A random permutation of 0 .. n-1 (Fisher-Yates) from one stream.
std::vector<std::size_t> permutation(std::size_t n, Stream& s) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const auto j = static_cast<std::size_t>(s.uniform() * static_cast<double>(i));
    std::swap(p[i - 1], p[std::min(j, i - 1)]);
  }
  return p;
}

}  // namespace

Points full_grid(const std::vector<int>& levels) {
  std::size_t total = 1;
  for (int l : levels) {
    if (l < 1) throw std::invalid_argument("full_grid: every factor needs at least one level");
    total *= static_cast<std::size_t>(l);
  }
  Points out(total, Point(levels.size()));
  for (std::size_t p = 0; p < total; ++p) {
    std::size_t rest = p;
    for (std::size_t i = levels.size(); i-- > 0;) {
      const auto l = static_cast<std::size_t>(levels[i]);
      const std::size_t at = rest % l;
      rest /= l;
      out[p][i] = l == 1 ? 0.5 : static_cast<double>(at) / static_cast<double>(l - 1);
    }
  }
  return out;
}

Points latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed) {
  Points out(n, Point(k));
  for (std::size_t i = 0; i < k; ++i) {
    Stream s(seed, 0, i, 0, Purpose::kDesign);
    const std::vector<std::size_t> strata = permutation(n, s);
    for (std::size_t p = 0; p < n; ++p)
      out[p][i] = (static_cast<double>(strata[p]) + s.uniform()) / static_cast<double>(n);
  }
  return out;
}

Points sobol_sequence(std::size_t n, std::size_t k, std::size_t skip) {
  if (k == 0) return Points(n);
  boost::random::sobol engine(k);
  engine.discard(skip * k);  // Boost's sequence already leaves out the all-zero first point
  Points out(n, Point(k));
  const double scale = 1.0 / (static_cast<double>(engine.max()) + 1.0);
  for (auto& point : out)
    for (auto& x : point) x = static_cast<double>(engine()) * scale;
  return out;
}

Points saltelli(std::size_t n, std::size_t k) {
  const Points base = sobol_sequence(n, 2 * k);
  Points out;
  out.reserve(n * (k + 2));
  for (const Point& row : base) {
    const Point a(row.begin(), row.begin() + static_cast<long>(k));
    const Point b(row.begin() + static_cast<long>(k), row.end());
    out.push_back(a);
    out.push_back(b);
    for (std::size_t i = 0; i < k; ++i) {
      Point ab = a;
      ab[i] = b[i];
      out.push_back(ab);
    }
  }
  return out;
}

double morris_delta(int levels) {
  return static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
}

Points morris(std::size_t r, std::size_t k, int levels, std::uint64_t seed) {
  if (levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morris: the number of levels must be even and at least 2");
  const double delta = morris_delta(levels);
  const int low_levels = levels / 2;  // base values 0 .. 1 - delta on the grid
  Points out;
  out.reserve(r * (k + 1));
  for (std::size_t t = 0; t < r; ++t) {
    Stream s(seed, 1, t, 0, Purpose::kDesign);
    Point x(k);
    std::vector<bool> up(k);
    for (std::size_t i = 0; i < k; ++i) {
      const auto level = std::min(low_levels - 1, static_cast<int>(s.uniform() * low_levels));
      const double low = static_cast<double>(level) / static_cast<double>(levels - 1);
      up[i] = s.uniform() < 0.5;
      x[i] = up[i] ? low : low + delta;
    }
    out.push_back(x);
    for (std::size_t i : permutation(k, s)) {
      x[i] += up[i] ? delta : -delta;
      out.push_back(x);
    }
  }
  return out;
}

}  // namespace innosim::sweep
