// The `innosim` subcommands as a user runs them: exit codes, and what they print.
#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/h5.h"
#include "io/output_file.h"
#include "policy/fiscal_ledger.h"
#include "test_support.h"
#include "test_support_h5.h"

using namespace innosim;
using Catch::Matchers::Contains;

namespace {

using Result = test::ShellResult;  // standard output and error

// `env` is prefixed to the command line (VAR=value ...).
Result run_innosim(const std::string& args, const std::string& env = "") {
  return test::shell(env + " " + std::string(INNOSIM_BINARY) + " --data-dir '" + test::data_dir() +
                     "' " + args + " 2>&1");
}

}  // namespace

TEST_CASE("check accepts every shipped config and rejects a bad one with file - line and key",
          "[app]") {
  const Result ok =
      run_innosim("check --quiet '" + test::data_dir() + "/configs/regions/linhai.toml' '" +
                  test::data_dir() + "/scenarios/linhai/plan.toml'");
  CHECK(ok.status == 0);
  CHECK_THAT(ok.output, Contains("linhai.toml: ok") && Contains("plan.toml: ok"));

  test::TempDir dir;
  const std::string bad =
      dir.file("bad.toml", "[levers.hnte_first_award]\nenabled = true\namount = \"lots\"\n");
  const Result err = run_innosim("check --quiet '" + bad + "'");
  CHECK(err.status == 2);
  CHECK_THAT(err.output, Contains("bad.toml:3") && Contains("levers.hnte_first_award.amount") &&
                             Contains("expected a number"));
}

TEST_CASE("list regions shows every preset and list parameters their defaults", "[app]") {
  const Result regions = run_innosim("list regions");
  CHECK(regions.status == 0);
  for (const auto& r : list_regions(test::data_dir())) CHECK_THAT(regions.output, Contains(r));
  const Result params = run_innosim("list parameters");
  CHECK(params.status == 0);
  // Defaults print as written in configs/model.toml, in shortest round-trip form.
  CHECK_THAT(params.output, Contains("tax.hnte_rate") && Contains(" 0.15 ") &&
                                Contains("rd.price_elasticity") && Contains(" -1 "));
  CHECK_THAT(params.output, !Contains("0.1499999"));
  // A value a preset takes from a fit file is shown as fitted, with the file and model.toml's.
  const auto line_of = [](const std::string& text, const std::string& key) {
    const auto at = text.find("\n" + key + " ");
    return at == std::string::npos ? std::string()
                                   : text.substr(at + 1, text.find('\n', at + 1) - at - 1);
  };
  const std::string fitted = line_of(params.output, "hnte.apply_prob");
  CHECK_THAT(fitted, Contains("fitted in configs/calibration/ningxia_2017.toml") &&
                         Contains("model.toml: 0.45"));
  // The national preset includes no fit: model.toml's value, nothing more.
  const Result china = run_innosim("list parameters --region china");
  REQUIRE(china.status == 0);
  const std::string plain = line_of(china.output, "hnte.apply_prob");
  CHECK_THAT(plain, Contains(" 0.45 ") && !Contains("fitted"));
}

TEST_CASE("list levers shows every lever with its seed source and parameters", "[app]") {
  const Result levers = run_innosim("list levers");
  REQUIRE(levers.status == 0);
  for (const char* lever : kLeverNames) {
    INFO(lever);
    const auto at = levers.output.find(std::string(lever) + "\n  source: ");
    REQUIRE(at != std::string::npos);
    // A real source: a seed document, a publication or an argued assumption, not a dash.
    const auto line_end = levers.output.find('\n', at + std::strlen(lever) + 1);
    CHECK(levers.output.substr(at, line_end - at).size() > std::strlen(lever) + 20);
  }
  CHECK_THAT(levers.output, Contains("super_deduction_rate"));
}

TEST_CASE("run simulates several regions together and writes each", "[app][regions]") {
  test::TempDir dir;
  const std::string out = dir.path("two.h5");
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  const Result run =
      run_innosim("run --quiet --replicates 1 --end-year 2022 --region yinchuan --region ningxia" +
                  sets + " --out '" + out + "'");
  REQUIRE(run.status == 0);
  const h5::File f = h5::File::open_read(out);
  CHECK(f.exists("trajectories"));
  REQUIRE(f.exists("regions"));
  CHECK(f.open_group("regions").open_group("ningxia").exists("trajectories"));
  // A region named twice is an error, before anything runs.
  const Result twice =
      run_innosim("run --quiet --replicates 1 --region ningxia --region ningxia --out '" +
                  dir.path("x.h5") + "'");
  CHECK(twice.status == 2);
  CHECK_THAT(twice.output, Contains("ningxia"));
}

TEST_CASE("summary reads back a run file and prints yearly medians and effects", "[app]") {
  test::TempDir dir;
  const std::string out = dir.path("run.h5");
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  const Result run = run_innosim("run --quiet --replicates 3 --scenario baseline --scenario plan" +
                                 sets + " --out '" + out + "'");
  REQUIRE(run.status == 0);
  const Result summary = run_innosim("summary '" + out + "' --indicator hntes");
  CHECK(summary.status == 0);
  CHECK_THAT(summary.output, Contains("hntes (firms)") && Contains("effect plan") &&
                                 Contains("2021") && Contains("2024"));
  const Result unknown = run_innosim("summary '" + out + "' --indicator happiness");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.output, Contains("happiness"));
}

TEST_CASE("run --parameter-uncertainty gives each replicate its draw from the fit, and says so",
          "[app][calibrate]") {
  test::TempDir dir;
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  const std::string base =
      "run --quiet --replicates 3 --seed 4 --scenario baseline --scenario plan" + sets;
  REQUIRE(run_innosim(base + " --out '" + dir.path("fixed.h5") + "'").status == 0);
  // A fit with no uncertainty: every replicate draws the estimate, and the run is the same bits.
  const std::string zero =
      " --set 'calibration.estimates=[{key=\"hnte.apply_prob\",lower=0.05,upper=1.0,"
      "covariance=[0.0]}]'";
  REQUIRE(run_innosim(base + zero + " --parameter-uncertainty --out '" + dir.path("zero.h5") + "'")
              .status == 0);
  CHECK(test::same_bits(test::dataset(dir.path("fixed.h5"), "trajectories"),
                        test::dataset(dir.path("zero.h5"), "trajectories")));
  // The shipped fit: each replicate runs its own values, recorded in the file.
  const Result drawn =
      run_innosim(base + " --parameter-uncertainty --out '" + dir.path("drawn.h5") + "'");
  REQUIRE(drawn.status == 0);
  const std::vector<double> values = test::dataset(dir.path("drawn.h5"), "parameter_draws");
  REQUIRE(values.size() == 3 * 2);
  CHECK(values[0] != values[2]);
  CHECK(!test::same_bits(test::dataset(dir.path("fixed.h5"), "trajectories"),
                         test::dataset(dir.path("drawn.h5"), "trajectories")));
  // Replicate 1 of the drawn run is the fixed run with replicate 1's values set.
  const std::string one = fmt::format(
      " --set hnte.apply_prob={} --set rd.latent_intensity_sigma={}", values[2], values[3]);
  REQUIRE(run_innosim(base + one + " --out '" + dir.path("one.h5") + "'").status == 0);
  const std::vector<double> d = test::dataset(dir.path("drawn.h5"), "trajectories"),
                            f = test::dataset(dir.path("one.h5"), "trajectories");
  const std::size_t per_run = d.size() / 6;  // 2 scenarios x 3 replicates
  for (std::size_t sc = 0; sc < 2; ++sc)
    CHECK(std::memcmp(&d[(sc * 3 + 1) * per_run], &f[(sc * 3 + 1) * per_run],
                      per_run * sizeof(double)) == 0);
  // The file, the summary and the report say what the spread is made of.
  const h5::File file = h5::File::open_read(dir.path("drawn.h5"));
  CHECK_THAT(file.string_attribute("uncertainty"),
             Contains("parameter uncertainty") && Contains("ningxia_2017.toml"));
  CHECK_THAT(h5::File::open_read(dir.path("fixed.h5")).string_attribute("uncertainty"),
             Contains("Monte Carlo noise only"));
  CHECK_THAT(run_innosim("summary '" + dir.path("drawn.h5") + "'").output,
             Contains("Spread between replicates: parameter uncertainty"));
  // A scenario that moves a fitted key would draw around another centre: refused.
  const Result moved =
      run_innosim(base + " --set plan:hnte.apply_prob=0.5 --parameter-uncertainty --out '" +
                  dir.path("moved.h5") + "'");
  CHECK(moved.status == 2);
  CHECK_THAT(moved.output, Contains("scenario 'plan' sets hnte.apply_prob"));
}

TEST_CASE("calibrate writes the fit file where --out says and refuses a preset with nothing to fit",
          "[app][calibrate]") {
  test::TempDir dir;
  const std::string out = dir.path("fit.toml");
  // ningxia_2017 shrunk to a few thousand firms and two replicates: this checks the command, not
  // the fit.
  const Result ok =
      run_innosim("calibrate --quiet --region ningxia_2017 --out '" + out +
                  "' --set calibration.replicates=2 --set calibration.max_iterations=1"
                  " --set region.firms_total=8000 --set region.firms_above_scale=60 --set "
                  "region.hntes=10 --set region.tech_smes=30"
                  " --set region.rd_expenditure=2e8 --set region.rd_personnel=800 --set "
                  "region.talent_total=20000 --set region.leading_talents=8"
                  " --set calibration.start_points=2");
  INFO(ok.output);
  REQUIRE(ok.status == 0);
  const std::string fit = test::read_text(out);
  CHECK_THAT(
      fit,
      Contains(
          "# Fitted by `innosim calibrate --region ningxia_2017 --set calibration.replicates=2"));
  CHECK_THAT(fit, Contains("[hnte]") && Contains("apply_prob = ") && Contains("[rd]") &&
                      Contains("latent_intensity_sigma = "));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path("")),
                      std::filesystem::directory_iterator{}) == 1);  // no temporary left
  // The fit file is a valid configuration layer.
  CHECK(run_innosim("check --quiet '" + out + "'").status == 0);

  const Result none =
      run_innosim("calibrate --quiet --region yinchuan --out '" + dir.path("none.toml") + "'");
  CHECK(none.status == 2);
  CHECK_THAT(none.output, Contains("yinchuan.toml") && Contains("nothing to fit"));
  CHECK_FALSE(std::filesystem::exists(dir.path("none.toml")));
}

// Reliability review, issue 17 item 2: `--scenario p.toml --out p.toml` destroyed the scenario.
TEST_CASE("run refuses an --out that is one of its own input files, before running",
          "[app][security]") {
  test::TempDir dir;
  const std::string scenario = dir.file("p.toml", "[scenario]\nname = \"p\"\n");
  const Result r = run_innosim("run --quiet --replicates 1 --scenario '" + scenario + "' --out '" +
                               scenario + "'");
  CHECK(r.status == 4);
  CHECK_THAT(r.output, Contains("input of this run"));
  std::ifstream in(scenario);
  std::string first;
  std::getline(in, first);
  CHECK(first == "[scenario]");  // untouched
  const Result folder = run_innosim("run --quiet --replicates 1 --out '" + dir.path("") + "'");
  CHECK(folder.status == 4);
}

// Reliability review, issue 17 items 7 and 9: exit codes as the README documents them (usage
// 1, configuration 2, model 3, input/output 4), seeds refused rather than clamped, scenario
// names checked when loaded.
TEST_CASE("each class of error exits with its documented code", "[app][security]") {
  test::TempDir dir;
  const std::string out = " --out '" + dir.path("x.h5") + "'";
  CHECK(run_innosim("run --quiet --bogus" + out).status == 1);
  for (const char* seed : {"-1", "18446744073709551616", "1e23"})
    CHECK(run_innosim(std::string("run --quiet --replicates 1 --seed ") + seed + out).status == 1);
  CHECK(run_innosim("run --quiet --replicates 1 --set firm.entry_rate=abc" + out).status == 2);
  CHECK(run_innosim("run --quiet --replicates 1 --set firm.max_revenue_gdp_ratio=0.0001 --set "
                    "region.gdp=1e11" +
                    out)
            .status == 3);
  CHECK(run_innosim("run --quiet --replicates 1 --out '" + dir.path("no/such/x.h5") + "'").status ==
        4);
}

TEST_CASE("unusable and duplicate scenario names are refused before the run", "[app][security]") {
  test::TempDir dir;
  const std::string slash = dir.file("s.toml", "[scenario]\nname = \"a/b\"\n");
  const Result bad = run_innosim("run --quiet --replicates 1 --scenario '" + slash + "' --out '" +
                                 dir.path("x.h5") + "'");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.output, Contains("scenario.name"));
  const std::string twin = dir.file("t.toml", "[scenario]\nname = \"baseline\"\n");
  const Result twice = run_innosim("run --quiet --replicates 1 --scenario baseline --scenario '" +
                                   twin + "' --out '" + dir.path("y.h5") + "'");
  CHECK(twice.status == 2);
  CHECK_THAT(twice.output, Contains("distinct names"));
}

// Reliability review, issue 17 item 6: a run too large for its memory is refused before it
// starts, naming the keys, instead of growing until the kernel kills it.
TEST_CASE("a run estimated too large for its memory is refused before it starts",
          "[app][security]") {
  test::TempDir dir;
  const std::string out = " --out '" + dir.path("x.h5") + "'";
  const Result capped = run_innosim("run --quiet --replicates 2 --max-memory 1" + out);
  CHECK(capped.status == 3);
  CHECK_THAT(capped.output, Contains("region.firms_total") && Contains("--max-memory"));
  const Result huge = run_innosim("run --quiet --replicates 1 --set region.firms_total=1e8" + out);
  CHECK(huge.status == 3);
  CHECK_THAT(huge.output, Contains("would need about"));
  CHECK_FALSE(std::filesystem::exists(dir.path("x.h5")));
}

// Reliability review, issue 17 item 5: `summary` indexed /summary/* by the index lengths
// without comparing shapes (a heap overflow on a crafted file) and read any HDF5 file.
TEST_CASE("summary refuses a foreign or damaged file instead of reading past its arrays",
          "[app][security]") {
  test::TempDir dir;
  auto crafted = [&](const std::string& name, bool tagged, std::size_t quantiles) {
    const std::string path = dir.path(name);
    h5::File f = h5::File::create_in_memory(path);
    if (tagged) {
      f.set_attribute("filetype", std::string("innosim-run"));
      f.set_attribute("schema_version", std::int64_t{kSchemaVersion});
      f.set_attribute("seed", std::int64_t{1});
      f.set_attribute("replicates", std::int64_t{1});
    }
    f.set_attribute("scenario_names", std::vector<std::string>{"baseline"});
    f.set_attribute("indicator_names", std::vector<std::string>{"rd_intensity", "hntes"});
    f.set_attribute("indicator_units", std::vector<std::string>{"%", "firms"});
    f.create_ints("time", {2021, 2022, 2023});
    h5::Group s = f.create_group("summary");
    s.set_attribute("reference", std::string("baseline"));
    // [scenario, time, indicator, quantile] when the sizes agree with the index.
    const std::vector<std::uint64_t> shape =
        quantiles == 30 ? std::vector<std::uint64_t>{1, 3, 2, 5} : std::vector{quantiles};
    s.create_doubles("quantiles", shape, std::vector<double>(quantiles, 1.0));
    s.create_doubles("effects", shape, std::vector<double>(quantiles, 0.0));
    f.save(path);
    return path;
  };
  const Result foreign = run_innosim("summary '" + crafted("foreign.h5", false, 30) + "'");
  CHECK(foreign.status == 4);
  CHECK_THAT(foreign.output, Contains("not a file written by innosim run"));
  const Result short_arrays =
      run_innosim("summary '" + crafted("short.h5", true, 3) + "' --indicator hntes");
  CHECK(short_arrays.status == 4);
  CHECK_THAT(short_arrays.output, Contains("damaged"));
  // The same layout with the right sizes reads.
  CHECK(run_innosim("summary '" + crafted("fine.h5", true, 30) + "' --indicator hntes").status ==
        0);
}

// Reliability review, issue 17 items 2-3: on a full disk the run ended in SIGSEGV inside
// libhdf5's atexit clean-up, with "/: cannot flush" and never the reason. Every output is now
// built in memory and written through one descriptor, so the system's error reaches the user.
TEST_CASE(
    "a full disk gives exit 4 and No space left on device for every output, and leaves "
    "nothing behind",
    "[app][security]") {
  test::TempDir dir;
  const std::string full = "LD_PRELOAD='" + std::string(INNOSIM_ENOSPC_SHIM) +
                           "' INNOSIM_FULL_DISK='" + dir.path("") + "'";
  auto check_refused = [&](const Result& r, const std::string& out) {
    INFO(r.output);
    CHECK(r.status == 4);
    CHECK_THAT(r.output, Contains(out) && Contains("No space left on device"));
    CHECK_THAT(r.output, !Contains(".tmp-"));        // the user's path, not the temporary one
    CHECK(std::filesystem::is_empty(dir.path("")));  // no output, no temporary file
  };
  const std::string run = "run --quiet --replicates 1" +
                          [] {
                            std::string s;
                            for (const auto& k : test::small_region()) s += " --set " + k;
                            return s;
                          }() +
                          " --out '" + dir.path("run.h5") + "'";
  check_refused(run_innosim(run, full), dir.path("run.h5"));
  check_refused(run_innosim(run + " --panel", full), dir.path("run.h5"));
  check_refused(
      run_innosim("calibrate --quiet --region ningxia_2017 --out '" + dir.path("fit.toml") +
                      "' --set calibration.replicates=2 --set "
                      "calibration.max_iterations=1 --set region.firms_total=8000 --set "
                      "region.firms_above_scale=60 --set region.hntes=10 --set "
                      "region.tech_smes=30 --set region.rd_expenditure=2e8 --set "
                      "region.rd_personnel=800 --set region.talent_total=20000 --set "
                      "region.leading_talents=8",
                  full),
      dir.path("fit.toml"));
  // A sweep's checkpoints and final file, and a merge of shards made on a disk with room.
  const std::string design = test::data_dir() + "/tests/fuzz/sweep_design.toml";
  check_refused(
      run_innosim("sweep --quiet '" + design + "' --out '" + dir.path("s.h5") + "'", full),
      dir.path("s.h5"));
  test::TempDir room;
  for (const char* shard : {"0/2", "1/2"})
    REQUIRE(run_innosim("sweep --quiet '" + design + "' --shard " + shard + " --out '" +
                        room.path(std::string("s") + shard[0] + ".h5") + "'")
                .status == 0);
  check_refused(run_innosim("merge --quiet '" + room.path("s0.h5") + "' '" + room.path("s1.h5") +
                                "' --out '" + dir.path("m.h5") + "'",
                            full),
                dir.path("m.h5"));
  // The same run on a disk with room succeeds: the failure above is the disk's.
  CHECK(run_innosim(run).status == 0);
}

// Reliability review, issue 17 items 9-10: a symlink loop ended `check` with exit 1 and left
// the other files unchecked; a key missing from a preset was blamed on configs/model.toml.
TEST_CASE(
    "check reports a symlink loop as a configuration error and goes on; a key missing "
    "from a preset names the preset",
    "[app][security]") {
  test::TempDir dir;
  std::filesystem::create_symlink(dir.path("b.toml"), dir.path("a.toml"));
  std::filesystem::create_symlink(dir.path("a.toml"), dir.path("b.toml"));
  const Result loop = run_innosim("check --quiet '" + dir.path("a.toml") + "' '" +
                                  test::data_dir() + "/configs/regions/linhai.toml'");
  CHECK(loop.status == 2);
  CHECK_THAT(loop.output, Contains("a.toml: cannot read") && Contains("linhai.toml: ok"));

  std::filesystem::create_directories(dir.path("data/configs/regions"));
  std::filesystem::copy_file(test::data_dir() + "/configs/model.toml",
                             dir.path("data/configs/model.toml"));
  std::filesystem::copy(test::data_dir() + "/configs/calibration",
                        dir.path("data/configs/calibration"));
  std::string preset = test::read_text(test::data_dir() + "/configs/regions/linhai.toml");
  preset.erase(preset.find("\ngdp = "),
               preset.find('\n', preset.find("\ngdp = ") + 1) - preset.find("\ngdp = "));
  std::ofstream(dir.path("data/configs/regions/linhai.toml")) << preset;
  const std::string cmd = std::string(INNOSIM_BINARY) + " --data-dir '" + dir.path("data") +
                          "' check --quiet '" + dir.path("data/configs/regions/linhai.toml") +
                          "' 2>&1";
  const Result missing = test::shell(cmd);
  CHECK(missing.status == 2);
  CHECK_THAT(missing.output, Contains("data/configs/regions/linhai.toml") &&
                                 Contains("region.gdp") && Contains("the preset must set it"));
}

TEST_CASE("a per-scenario set (NAME:KEY=VALUE) reaches one scenario - a plain one all and says so",
          "[app]") {
  test::TempDir dir;
  const std::string out = dir.path("sets.h5");
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  const Result run = run_innosim(
      "run --replicates 2 --scenario baseline --scenario plan"
      " --set plan:levers.rd_post_subsidy.rate=0.3 --set levers.rd_post_subsidy.budget=1e9" +
      sets + " --out '" + out + "'");
  REQUIRE(run.status == 0);
  CHECK_THAT(run.output, Contains("note: --set levers.rd_post_subsidy.budget=1e9 applies to every "
                                  "scenario"));
  const std::vector<std::string> configs = h5::File::open_read(out).string_list_attribute("config");
  REQUIRE(configs.size() == 2);
  const auto post_subsidy = [](const std::string& toml) {
    return toml.substr(toml.find("[levers.rd_post_subsidy]"), 400);
  };
  // 0.3 as toml++ writes it (17 digits, the same double).
  CHECK_THAT(post_subsidy(configs[1]), Contains("rate = 0.29999999999999999"));
  CHECK_THAT(post_subsidy(configs[0]),
             !Contains("rate = 0.29999999999999999") && Contains("enabled = false"));
  const Result unknown = run_innosim(
      "run --quiet --scenario baseline --set plna:time.end_year=2022"
      " --out '" +
      dir.path("x.h5") + "'");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.output, Contains("plna") && Contains("baseline"));
}

TEST_CASE("every scenario is judged against the region's targets and those any scenario adds",
          "[app]") {
  test::TempDir dir;
  const std::string own = dir.file(
      "own.toml",
      "extends = \"" + scenario_file(test::data_dir(), "yinchuan", "plan") +
          "\"\n[scenario]\nname = \"own\"\n[[scenario.targets]]\nindicator = \"rd_intensity\"\n"
          "year = 2024\nvalue = 1.0\ncomparison = \">=\"\nsource = \"the planner's own\"\n");
  const std::string out = dir.path("targets.h5");
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  const Result run = run_innosim("run --quiet --replicates 2 --scenario baseline --scenario '" +
                                 own + "'" + sets + " --out '" + out + "'");
  REQUIRE(run.status == 0);
  const h5::File f = h5::File::open_read(out);
  const std::vector<std::string> indicators =
      f.open_group("summary").open_group("targets").open_dataset("indicator").read_strings();
  REQUIRE_FALSE(indicators.empty());
  CHECK(indicators.back() == "rd_intensity");  // the scenario's, after the region's
  const std::vector<double> p =
      f.open_group("summary").open_group("targets").open_dataset("probability").read_doubles();
  REQUIRE(p.size() == 2 * indicators.size());
  CHECK_FALSE(std::isnan(p[indicators.size() - 1]));  // judged for the baseline too
  CHECK_FALSE(std::isnan(p[2 * indicators.size() - 1]));
}

TEST_CASE("report writes one self-contained page and refuses what is not a run or a sweep",
          "[app][report]") {
  test::TempDir dir;
  const std::string out = dir.path("run.h5"), page = dir.path("page.html");
  std::string sets;
  for (const auto& s : test::small_region()) sets += " --set " + s;
  REQUIRE(run_innosim("run --quiet --replicates 2 --scenario baseline --scenario plan" + sets +
                      " --out '" + out + "'")
              .status == 0);
  const Result report = run_innosim("report '" + out + "' --out '" + page + "'");
  REQUIRE(report.status == 0);
  const std::string html = test::read_text(page);
  CHECK_THAT(html, Contains("Chart.js") && Contains("\"scenarios\":[\"baseline\",\"plan\"]") &&
                       Contains("高新技术企业数"));
  CHECK_THAT(html,
             !Contains("/*INNOSIM_DATA*/") && !Contains("http://") && !Contains("https://cdn"));
  const std::string text = dir.file("notes.txt", "not HDF5");
  const Result foreign = run_innosim("report '" + text + "' --out '" + dir.path("x.html") + "'");
  CHECK(foreign.status == 4);
  CHECK_FALSE(std::filesystem::exists(dir.path("x.html")));
}

TEST_CASE("bench repeats each measurement on one and two threads and reports the median",
          "[app][bench]") {
  const Result r = run_innosim("bench --firms 1e4 --repeat 3 --threads 2 --json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.output);
  const auto& measured = j.at("sizes").at(0).at("measurements");
  REQUIRE(measured.size() == 2);
  CHECK(measured[0].at("threads") == 1);
  CHECK(measured[1].at("threads") == 2);
  for (const auto& m : measured) {
    auto each = m.at("seconds_each").get<std::vector<double>>();
    REQUIRE(each.size() == 3);
    std::sort(each.begin(), each.end());
    CHECK(m.at("seconds").get<double>() == each[1]);
    const double work = m.at("firm_steps").get<double>();
    CHECK(m.at("firm_steps_per_second").get<double>() == work / each[1]);
    const auto range = m.at("firm_steps_per_second_range").get<std::vector<double>>();
    CHECK(range == std::vector<double>{work / each[2], work / each[0]});
  }
  CHECK(measured[0].at("speed_up").get<double>() == 1.0);
}
