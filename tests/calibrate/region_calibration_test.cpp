// `innosim calibrate` on a small region: the fit file is the same bytes for the same seed
// whatever the thread count, it recovers a parameter from moments the model itself made, it
// is layered by the preset that includes it, and a bad [calibration] table is a clear error.
#include "calibrate/region_calibration.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "observe/indicator_catalog.h"
#include "run/ensemble.h"
#include "test_support.h"

using namespace innosim;

namespace {

// A data folder holding model.toml and a preset `tiny`: the default preset with `extra` appended.
struct TinyData {
  test::TempDir dir;
  std::string root = dir.path("data");
  explicit TinyData(const std::string& extra) {
    namespace fs = std::filesystem;
    fs::create_directories(fs::path(root) / "configs" / "regions");
    fs::copy_file(test::data_dir() + "/configs/model.toml", root + "/configs/model.toml");
    std::string preset = test::read_text(test::data_dir() + "/configs/regions/yinchuan.toml");
    preset.replace(preset.find("name = \"yinchuan\""), 17, "name = \"tiny\"");
    preset.erase(preset.find("include = "),
                 preset.find('\n', preset.find("include = ")) -
                     preset.find("include = "));  // the model's defaults, not a fit
    std::ofstream(root + "/configs/regions/tiny.toml") << preset << "\n" << extra;
  }
  LoadRequest request(std::vector<std::string> sets = {}) const {
    std::vector<std::string> all = test::with_matching_talent(
        {"region.firms_total=20000", "region.firms_above_scale=100", "region.hntes=40",
         "region.tech_smes=150", "region.rd_expenditure=6e8"});
    all.insert(all.end(), sets.begin(), sets.end());
    return {root, "tiny", {}, all};
  }
};

const char* kFitOneParameter = R"(
[calibration]
replicates = 6
max_iterations = 10
start_points = 2  # the design runs, at a small region's test cost (model.toml's 16 is for real fits)

[[calibration.parameters]]
key = "hnte.apply_prob"
lower = 0.05
upper = 1.0
)";

std::string moment(const std::string& indicator, int year, double value) {
  return "\n[[calibration.moments]]\nindicator = \"" + indicator +
         "\"\nyear = " + std::to_string(year) + "\nvalue = " + std::to_string(value) +
         "\nsource = \"made by the model at a known parameter\"\n";
}

// The replicate mean of `indicator` in `year` at `sets`, on the calibration's own streams.
double model_mean(const TinyData& d, const std::vector<std::string>& sets,
                  const std::string& indicator, int year) {
  LoadRequest r = d.request(sets);
  r.sets.push_back("time.end_year=" + std::to_string(year));
  EnsembleSpec spec;
  spec.scenarios.push_back(load_config(r));
  spec.replicates = 6;
  spec.seed = 1;
  const EnsembleResult out = run_ensemble(spec);
  const std::size_t t = out.years.size() - 1,
                    ind = static_cast<std::size_t>(find_indicator(indicator));
  double sum = 0;
  for (int rep = 0; rep < 6; ++rep)
    sum +=
        out.trajectories[(static_cast<std::size_t>(rep) * out.years.size() + t) * kIndicatorCount +
                         ind];
  return sum / 6;
}

}  // namespace

TEST_CASE("calibration recovers a parameter from moments the model made at a known value",
          "[calibrate]") {
  // Moments made at apply_prob = 0.8 with the preset's base year 2021; the fit starts at 0.45.
  TinyData probe("");
  const double h2023 = model_mean(probe, {"hnte.apply_prob=0.8"}, "hntes", 2023);
  const double h2024 = model_mean(probe, {"hnte.apply_prob=0.8"}, "hntes", 2024);
  TinyData d(std::string(kFitOneParameter) + moment("hntes", 2023, h2023) +
             moment("hntes", 2024, h2024));
  const RegionCalibration c = calibrate_region(d.request(), 0);
  INFO(fit_file_text(c, "test"));
  CHECK(c.start[0] == Approx(0.45));
  CHECK(c.fit.objective < c.fit.objective_start);
  CHECK(std::fabs(c.fit.theta[0] - 0.8) < std::max(0.1, 2 * c.fit.standard_error[0]));
  // Two moments for one parameter: the default two-step weighting runs, and the model's own
  // moments pass the J test; the fit file reports it.
  CHECK(c.fit.two_step);
  CHECK(c.fit.j_df == 1);
  CHECK(c.fit.j_p_value > 0.05);
  CHECK(fit_file_text(c, "test").find("J test of the overidentifying restrictions") !=
        std::string::npos);
  // The default profile (calibration.profile_points in model.toml) gives an interval that
  // holds the value the moments were made at, its lowest point near that value, and the fit
  // file prints it. (Six replicates of a small region's hnte count do not exclude much of
  // the range: the interval's width is not checked.)
  REQUIRE(c.fit.profiles.size() == 1);
  const ProfileInterval& pr = c.fit.profiles[0];
  CHECK(pr.lower < 0.8);
  CHECK(pr.upper > 0.8);
  const auto lowest = std::min_element(pr.objective.begin(), pr.objective.end());
  CHECK(std::fabs(pr.grid[static_cast<std::size_t>(lowest - pr.objective.begin())] - 0.8) < 0.2);
  CHECK(pr.objective.front() > *lowest + 1.0);  // apply_prob = 0.05 fits clearly worse
  CHECK(fit_file_text(c, "test").find("95% profile intervals") != std::string::npos);
}

TEST_CASE("the same seed writes the same fit file, on one thread or two", "[calibrate]") {
  TinyData d(std::string(kFitOneParameter) + "max_iterations = 2\n" + moment("hntes", 2023, 60) +
             moment("tech_smes", 2023, 300));
  // (max_iterations above lands in [[calibration.parameters]]: the loader must refuse it.)
  CHECK_THROWS_AS(calibrate_region(d.request(), 1), ConfigError);
  TinyData ok(std::string(kFitOneParameter) + moment("hntes", 2023, 60) +
              moment("tech_smes", 2023, 300));
  const std::string one =
      fit_file_text(calibrate_region(ok.request({"calibration.max_iterations=2"}), 1), "test");
  const std::string two =
      fit_file_text(calibrate_region(ok.request({"calibration.max_iterations=2"}), 2), "test");
  CHECK(one == two);
  CHECK(one.find("apply_prob = ") != std::string::npos);
  const std::string other_seed = fit_file_text(
      calibrate_region(ok.request({"calibration.max_iterations=2", "calibration.seed=2"}), 2),
      "test");
  CHECK(other_seed != one);
}

TEST_CASE("a preset layers the fit file it includes; calibration itself ignores it",
          "[calibrate][config]") {
  TinyData d("");
  std::filesystem::create_directories(d.root + "/configs/calibration");
  std::ofstream(d.root + "/configs/calibration/tiny.toml")
      << "[hnte]\napply_prob = 0.77  # [fitted]\n";
  std::string preset = test::read_text(d.root + "/configs/regions/tiny.toml");
  std::ofstream(d.root + "/configs/regions/tiny.toml")
      << "include = [\"../calibration/tiny.toml\"]\n"
      << preset;
  CHECK(load_config(d.request()).model.hnte.apply_prob == Approx(0.77));
  LoadRequest without = d.request();
  without.includes = false;
  CHECK(load_config(without).model.hnte.apply_prob == Approx(0.45));
  // A scenario or --set still overrides the fit.
  CHECK(load_config(d.request({"hnte.apply_prob=0.5"})).model.hnte.apply_prob == Approx(0.5));
  // A fit file is checked like any other layer.
  std::ofstream(d.root + "/configs/calibration/tiny.toml") << "[hnte]\napply_probb = 0.77\n";
  CHECK_THROWS_WITH(load_config(d.request()),
                    Catch::Contains("tiny.toml") && Catch::Contains("apply_prob"));
  std::filesystem::remove(d.root + "/configs/calibration/tiny.toml");
  CHECK_THROWS_WITH(load_config(d.request()),
                    Catch::Contains("include") && Catch::Contains("no such file"));
}

TEST_CASE("a bad [calibration] table names the file, the key and what was expected",
          "[calibrate][config]") {
  auto error_of = [](const std::string& extra) {
    TinyData d(extra);
    try {
      load_config(d.request());
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string unknown = error_of(
      "[[calibration.parameters]]\nkey = \"hnte.apply_probability\"\nlower = 0\nupper = 1\n");
  CHECK_THAT(unknown, Catch::Contains("tiny.toml") && Catch::Contains("hnte.apply_probability") &&
                          Catch::Contains("float model parameter"));
  const std::string region_key =
      error_of("[[calibration.parameters]]\nkey = \"region.gdp\"\nlower = 0\nupper = 1\n" +
               moment("hntes", 2023, 1));
  CHECK_THAT(region_key, Catch::Contains("not fitted"));
  const std::string bounds =
      error_of("[[calibration.parameters]]\nkey = \"hnte.apply_prob\"\nlower = 0.5\nupper = 2\n");
  CHECK_THAT(bounds, Catch::Contains("lower < upper within the range"));
  CHECK_THAT(error_of(moment("hntes", 2021, 10)), Catch::Contains("after region.base_year"));
  CHECK_THAT(error_of(moment("hnte_count", 2023, 10)),
             Catch::Contains("unknown indicator 'hnte_count'"));
  CHECK_THAT(error_of(moment("hntes", 2023, 0)), Catch::Contains("non-zero"));
  CHECK_THAT(error_of(kFitOneParameter),
             Catch::Contains("at least as many moments as free parameters"));
  TinyData nothing("");
  CHECK_THROWS_WITH(calibrate_region(nothing.request(), 1), Catch::Contains("nothing to fit"));
}
