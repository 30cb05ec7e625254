// Facts the model must reproduce (BRIEF 3.6): a Pareto upper tail of firm sizes with an
// exponent near 1 (Axtell 2001: 1.06), and fat-tailed, Laplace-like growth rates
// (Stanley et al. 1996; Bottazzi & Secchi 2006).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numeric>

#include "test_support_sim.h"

using namespace innosim;

namespace {

// Hill estimator of the tail exponent from the k largest values.
double hill(std::vector<double> x, std::size_t k) {
  std::sort(x.begin(), x.end(), std::greater<>());
  double s = 0;
  for (std::size_t i = 0; i < k; ++i) s += std::log(x[i] / x[k]);
  return static_cast<double>(k) / s;
}

}  // namespace

// Every preset small enough for the suite (all but `china`), at its own proportions.
std::vector<std::string> presets() {
  std::vector<std::string> out;
  for (const auto& region : list_regions(test::data_dir()))
    if (load_config({test::data_dir(), region, {}, {}}).model.region.firms_total <= 2e6)
      out.push_back(region);
  return out;
}

TEST_CASE(
    "firm sizes have a Pareto upper tail with exponent in [0.8 - 1.3] after 10 years, on every "
    "preset",
    "[facts]") {
  for (const auto& region : presets()) {
    const World w = test::simulate(test::scaled_preset(region, 40000, 10).model, {21, 0}, 10);
    std::vector<double> revenue(w.firms.revenue_year.begin(), w.firms.revenue_year.end());
    // The top 2% (about 800 firms) is the tail; the Hill estimate has a standard error of
    // alpha / sqrt(k), about 0.04 here.
    const double alpha = hill(revenue, revenue.size() / 50);
    INFO(region << ": Hill exponent " << alpha << " over " << revenue.size() / 50 << " firms");
    CHECK(alpha >= 0.8);
    CHECK(alpha <= 1.3);
  }
}

TEST_CASE(
    "yearly log growth rates are fat-tailed and fit a Laplace better than a normal, on every "
    "preset",
    "[facts]") {
  for (const auto& region : presets()) {
    std::map<std::uint64_t, double> last;
    std::vector<double> g;
    test::simulate(test::scaled_preset(region, 20000, 6).model, {22, 0}, 6, [&](const World& w) {
      std::map<std::uint64_t, double> now;
      for (std::size_t i = 0; i < w.firms.size(); ++i) {
        if (w.firms.has(i, kDead)) continue;
        now[w.firms.id[i]] = w.firms.revenue_year[i];
        // Growth of firms alive for the whole of both years.
        const auto it = last.find(w.firms.id[i]);
        if (it != last.end() && w.firms.birth_step[i] < w.clock.step - 2 * 4)
          g.push_back(std::log(w.firms.revenue_year[i] / it->second));
      }
      last = std::move(now);
    });
    REQUIRE(g.size() > 10000);
    const double n = static_cast<double>(g.size());
    const double mean = std::accumulate(g.begin(), g.end(), 0.0) / n;
    double m2 = 0, m4 = 0;
    for (double x : g) m2 += (x - mean) * (x - mean), m4 += std::pow(x - mean, 4);
    m2 /= n, m4 /= n;
    const double kurtosis = m4 / (m2 * m2);
    INFO(region << ": kurtosis " << kurtosis << " over " << g.size() << " firm-years");
    CHECK(kurtosis > 4.0);  // a normal's is 3, a Laplace's 6
    // Maximum-likelihood fits: normal (mean, sd) and Laplace (median, mean absolute deviation).
    std::vector<double> sorted = g;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double median = sorted[sorted.size() / 2];
    double mad = 0;
    for (double x : g) mad += std::fabs(x - median);
    mad /= n;
    const double ll_normal = -0.5 * n * (std::log(2 * M_PI * m2) + 1.0);
    const double ll_laplace = -n * (std::log(2 * mad) + 1.0);
    INFO(region << ": log-likelihood Laplace " << ll_laplace << ", normal " << ll_normal);
    CHECK(ll_laplace > ll_normal);
  }
}
