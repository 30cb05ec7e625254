// --parameter-uncertainty's draws: a pure function of (seed, replicate), inside the fit's
// bounds, distributed as the fit's normal, and refused with a clear error when there is
// nothing valid to draw from.
#include "run/parameter_draws.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.h"
#include "test_support.h"

using namespace innosim;

namespace {

// The small default region with its fit's estimates replaced by `estimates` (TOML inline
// tables), and `extra` sets.
LoadedConfig with_estimates(const std::string& estimates, std::vector<std::string> extra = {}) {
  std::vector<std::string> sets = test::small_region();
  sets.push_back("calibration.estimates=[" + estimates + "]");
  sets.insert(sets.end(), extra.begin(), extra.end());
  return test::load(sets);
}

double mean(const std::vector<double>& v, std::size_t k, std::size_t i) {
  double s = 0;
  for (std::size_t r = 0; r < v.size() / k; ++r) s += v[r * k + i];
  return s / static_cast<double>(v.size() / k);
}

double covariance(const std::vector<double>& v, std::size_t k, std::size_t i, std::size_t j) {
  const double mi = mean(v, k, i), mj = mean(v, k, j);
  const std::size_t n = v.size() / k;
  double s = 0;
  for (std::size_t r = 0; r < n; ++r) s += (v[r * k + i] - mi) * (v[r * k + j] - mj);
  return s / static_cast<double>(n - 1);
}

}  // namespace

TEST_CASE("a replicate's parameters depend on the seed and the replicate only, inside the bounds",
          "[run]") {
  const LoadedConfig c = test::load();  // the shipped fit's estimates
  const auto& es = c.model.calibration.estimates;
  REQUIRE(es.size() == 2);
  const ParameterDraws eight = draw_parameters(c, test::data_dir(), 5, 8);
  const ParameterDraws three = draw_parameters(c, test::data_dir(), 5, 3);
  REQUIRE(eight.values.size() == 16);
  CHECK(std::equal(three.values.begin(), three.values.end(), eight.values.begin()));
  CHECK(draw_parameters(c, test::data_dir(), 6, 3).values != three.values);
  CHECK(eight.fit_file == "configs/calibration/ningxia_2017.toml");
  for (std::size_t r = 0; r < 8; ++r)
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(eight.values[r * 2 + i] >= es[i].lower);
      CHECK(eight.values[r * 2 + i] <= es[i].upper);
    }
  // Both shipped estimates sit at their upper bounds: about three in four draws fall outside.
  CHECK(eight.rejected > 0);
  const std::vector<std::string> sets = eight.sets(1);
  REQUIRE(sets.size() == 2);
  CHECK(sets[0].rfind("hnte.apply_prob=", 0) == 0);
  CHECK(std::stod(sets[0].substr(16)) == eight.values[2]);  // exact: read back as drawn
}

TEST_CASE("the draws follow the fit's normal, correlation included", "[run]") {
  // sd 0.05 and 0.1 with correlation 0.6, far from the bounds.
  const LoadedConfig c = with_estimates(
      R"({key="hnte.apply_prob",lower=0.05,upper=1.0,covariance=[0.0025,0.003]},)"
      R"({key="rd.latent_intensity_sigma",lower=0.3,upper=2.0,covariance=[0.003,0.01]})",
      {"hnte.apply_prob=0.5", "rd.latent_intensity_sigma=0.8"});
  const int n = 4000;
  const ParameterDraws d = draw_parameters(c, test::data_dir(), 11, n);
  CHECK(d.rejected == 0);
  CHECK(d.centre == std::vector<double>{0.5, 0.8});
  // Within four standard errors of the mean, and of the variances (sd of s^2: s^2 sqrt(2/n)).
  CHECK(std::fabs(mean(d.values, 2, 0) - 0.5) < 4 * 0.05 / std::sqrt(n));
  CHECK(std::fabs(mean(d.values, 2, 1) - 0.8) < 4 * 0.1 / std::sqrt(n));
  CHECK(std::fabs(covariance(d.values, 2, 0, 0) - 0.0025) < 4 * 0.0025 * std::sqrt(2.0 / n));
  CHECK(std::fabs(covariance(d.values, 2, 1, 1) - 0.01) < 4 * 0.01 * std::sqrt(2.0 / n));
  const double rho = covariance(d.values, 2, 0, 1) /
                     std::sqrt(covariance(d.values, 2, 0, 0) * covariance(d.values, 2, 1, 1));
  CHECK(std::fabs(rho - 0.6) < 4 * (1 - 0.36) / std::sqrt(n));
}

TEST_CASE("a zero covariance draws the estimate itself", "[run]") {
  const LoadedConfig c = with_estimates(
      R"({key="hnte.apply_prob",lower=0.05,upper=1.0,covariance=[0.0]})", {"hnte.apply_prob=0.45"});
  const ParameterDraws d = draw_parameters(c, test::data_dir(), 3, 20);
  for (double v : d.values) CHECK(v == 0.45);
  CHECK(d.rejected == 0);
}

TEST_CASE("nothing valid to draw from is a clear error", "[run][config]") {
  const auto error_of = [](const auto& f) {
    try {
      f();
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of([] { draw_parameters(with_estimates(""), test::data_dir(), 1, 2); }),
             Catch::Contains("includes no fit with estimates"));
  CHECK_THAT(error_of([] { draw_parameters(test::load({"hnte.apply_prob=0.01"}), "", 1, 2); }),
             Catch::Contains("hnte.apply_prob") && Catch::Contains("outside the fit's bounds"));
  const std::string one = R"({key="hnte.apply_prob",lower=0.05,upper=1.0,covariance=[0.01]})";
  CHECK_THAT(error_of([&] {
               with_estimates(R"({key="hnte.apply_prob",lower=0.05,upper=1.0,covariance=[-1]})");
             }),
             Catch::Contains("calibration.estimates") && Catch::Contains("positive semi-definite"));
  CHECK_THAT(error_of([&] { with_estimates(one + "," + one); }),
             Catch::Contains("2 numbers, one per estimate"));
  CHECK_THAT(error_of([] {
               with_estimates(
                   R"({key="hnte.apply_prob",lower=0.05,upper=1.0,covariance=[0.01,0.02]},)"
                   R"({key="rd.latent_intensity_sigma",lower=0.3,upper=2,covariance=[0.03,0.01]})");
             }),
             Catch::Contains("symmetric"));
  CHECK_THAT(error_of([] {
               with_estimates(R"({key="hnte.apply_probb",lower=0,upper=1,covariance=[0.01]})");
             }),
             Catch::Contains("hnte.apply_probb") && Catch::Contains("float model parameter"));
  CHECK_THAT(error_of([] {
               with_estimates(R"({key="hnte.apply_prob",lower=0.5,upper=2,covariance=[0.01]})");
             }),
             Catch::Contains("lower < upper within the range"));
}
