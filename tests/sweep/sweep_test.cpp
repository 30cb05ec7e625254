// `innosim sweep` as a user runs it: a design is validated with file and key, a point of the
// sweep reruns bit-identically with `innosim run`, and a sweep killed with SIGKILL and resumed
// gives the same datasets as one that was never interrupted.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "config/config_loader.h"
#include "core/errors.h"
#include "io/h5.h"
#include "run/replicate.h"
#include "sweep/design.h"
#include "sweep/sweep_run.h"
#include "test_support.h"
#include "test_support_h5.h"

using namespace innosim;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// A small Saltelli design over two levers of the plan, on a few thousand firms.
std::string design_text(int points, const std::string& extra = "") {
  std::string sets;
  for (const auto& s : test::small_region()) sets += (sets.empty() ? "\"" : ", \"") + s + "\"";
  return "[sweep]\nregion = \"yinchuan\"\nscenarios = [\"plan\"]\nsampler = \"saltelli\"\n"
         "points = " +
         std::to_string(points) + "\nreplicates = 1\nseed = 5\nresamples = 50\nset = [" + sets +
         ", \"time.end_year=2023\"]\n" + extra +
         "[[sweep.factors]]\nkey = \"levers.rd_post_subsidy.rate\"\nmin = 0.0\nmax = 0.3\n"
         "[[sweep.factors]]\nkey = \"levers.talent_allowance.amount\"\nmin = 0.0\n"
         "max = 400000.0\n";
}

using test::spawn;

using test::dataset;
using test::exit_code;

}  // namespace

TEST_CASE("a sweep design names the file and key of what is wrong", "[sweep]") {
  test::TempDir dir;
  auto error = [&](const std::string& text) {
    const std::string file = dir.file("d.toml", text);
    try {
      (void)sweep::load_design(file);
    } catch (const ConfigError& e) {
      CHECK(e.file() == file);
      return std::string(e.what());
    }
    FAIL("expected a ConfigError");
    return std::string();
  };
  CHECK_THAT(error(design_text(4, "colour = 1\n")),
             Contains("sweep.colour") && Contains("unknown key"));
  std::string bad_key = design_text(4);
  bad_key.replace(bad_key.find("levers.rd_post_subsidy.rate"), 27, "levers.rd_post_subsidy.rte");
  CHECK_THAT(error(bad_key), Contains("sweep.factors[0].key") && Contains("not a float or"));
  std::string out_of_range = design_text(4);
  out_of_range.replace(out_of_range.find("max = 0.3"), 9, "max = 1.3");
  CHECK_THAT(error(out_of_range), Contains("sweep.factors[0].max") && Contains("[0, 1]"));
  std::string no_points = design_text(4);
  no_points.replace(no_points.find("points = 4"), 10, "");
  CHECK_THAT(error(no_points), Contains("sweep.points"));
  CHECK_THAT(error("[sweep]\nregion = \"yinchuan\"\nsampler = \"annealing\"\n"),
             Contains("sweep.sampler") && Contains("saltelli"));
}

TEST_CASE("a point of a sweep reruns bit-identically alone", "[sweep]") {
  test::TempDir dir;
  const sweep::SweepDesign d = sweep::load_design(dir.file("d.toml", design_text(2)));
  const sweep::SweepPlan plan = sweep::plan_sweep(test::data_dir(), d);
  REQUIRE(plan.unit.size() == 8);
  sweep::SweepResult r = sweep::empty_result(plan);
  sweep::run_sweep(plan, r, 2, 1e9, nullptr, nullptr);
  CHECK(r.finished() == plan.tasks());
  const std::size_t per_run = r.years.size() * kIndicatorCount;
  for (std::size_t p : {std::size_t{3}, std::size_t{6}}) {
    const LoadedConfig c = load_config(
        {test::data_dir(), "yinchuan", {plan.scenario_files[0]}, sweep::point_overrides(plan, p)});
    const ReplicateResult alone = run_replicate(c.model, {d.seed, 0});
    const std::vector<double> in_sweep(
        r.trajectories.begin() + static_cast<long>(p * per_run),
        r.trajectories.begin() + static_cast<long>((p + 1) * per_run));
    CHECK(test::same_bits(alone.indicators, in_sweep));
  }
}

TEST_CASE("a sweep killed with SIGKILL and resumed equals one never interrupted", "[sweep][app]") {
  test::TempDir dir;
  const std::string design = dir.file("d.toml", design_text(24));
  const std::string whole = dir.path("whole.h5"), killed = dir.path("killed.h5");
  const std::vector<std::string> base{INNOSIM_BINARY, "--data-dir", test::data_dir(),
                                      "sweep",        design,       "--quiet"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  REQUIRE(exit_code(spawn(with({"--out", whole, "--threads", "2"}))) == 0);

  const pid_t pid = spawn(with({"--out", killed, "--threads", "1", "--checkpoint-seconds", "0"}));
  const std::int64_t after_kill = test::kill_after_tasks(pid, killed, 10, 12);
  INFO("tasks done when killed: " << after_kill << " of 96");
  REQUIRE(after_kill >= 10);
  REQUIRE(after_kill < 96);  // killed mid-way, not after the end

  // Another design is refused, and the file is left as it is.
  const std::string other = dir.file("other.toml", design_text(8));
  CHECK(exit_code(spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "sweep", other, "--quiet",
                         "--resume", "--out", killed})) == 4);
  CHECK(h5::File::open_read(killed).int_attribute("tasks_done") == after_kill);

  REQUIRE(exit_code(spawn(with({"--out", killed, "--resume", "--threads", "2"}))) == 0);
  for (const char* name :
       {"trajectories", "fiscal", "design/unit_points", "design/values", "sensitivity/first",
        "sensitivity/total", "sensitivity/first_low", "sensitivity/total_high"}) {
    INFO(name);
    CHECK(test::same_bits(dataset(whole, name), dataset(killed, name)));
  }
  CHECK(h5::File::open_read(killed).int_attribute("tasks_done") == 96);
}

TEST_CASE("two shards of a job array merge into exactly the file one process writes",
          "[sweep][app]") {
  test::TempDir dir;
  const std::string design = dir.file("d.toml", design_text(8));
  const std::string whole = dir.path("whole.h5"), merged = dir.path("merged.h5");
  auto innosim = [&](std::vector<std::string> args) {
    std::vector<std::string> a{INNOSIM_BINARY, "--data-dir", test::data_dir()};
    a.insert(a.end(), args.begin(), args.end());
    return exit_code(spawn(a));
  };
  REQUIRE(innosim({"sweep", design, "--quiet", "--out", whole}) == 0);
  const std::string s0 = dir.path("s0.h5"), s1 = dir.path("s1.h5");
  REQUIRE(innosim({"sweep", design, "--quiet", "--shard", "0/2", "--out", s0}) == 0);
  // One shard alone is refused, naming the missing one.
  CHECK(innosim({"merge", s0, "--quiet", "--out", merged}) == 4);
  CHECK_FALSE(fs::exists(merged));
  REQUIRE(innosim({"sweep", design, "--quiet", "--shard", "1/2", "--out", s1}) == 0);
  // A shard of another design is refused.
  const std::string other = dir.file("other.toml", design_text(4));
  const std::string o1 = dir.path("o1.h5");
  REQUIRE(innosim({"sweep", other, "--quiet", "--shard", "1/2", "--out", o1}) == 0);
  CHECK(innosim({"merge", s0, o1, "--quiet", "--out", merged}) == 4);
  CHECK(innosim({"merge", s0, s0, "--quiet", "--out", merged}) == 4);  // a repeated shard
  CHECK_FALSE(fs::exists(merged));
  CHECK(innosim({"sweep", design, "--quiet", "--shard", "2/2", "--out", o1}) == 2);

  // A shard has no indices yet: its report is refused, saying why; the merged file's is not.
  const test::ShellResult shard_report = test::shell(std::string(INNOSIM_BINARY) + " report " + s0 +
                                                     " --out " + dir.path("s0.html") + " 2>&1");
  CHECK(shard_report.status == 4);
  CHECK(shard_report.output.find("innosim merge") != std::string::npos);

  REQUIRE(innosim({"merge", s1, s0, "--quiet", "--out", merged}) == 0);
  CHECK(innosim({"report", merged, "--quiet", "--out", dir.path("merged.html")}) == 0);
  for (const char* name :
       {"trajectories", "fiscal", "design/unit_points", "design/values", "sensitivity/first",
        "sensitivity/total", "sensitivity/first_low", "sensitivity/total_high"}) {
    INFO(name);
    CHECK(test::same_bits(dataset(whole, name), dataset(merged, name)));
  }
}

TEST_CASE("two MPI ranks write exactly the file one process writes", "[sweep][app][mpi]") {
  const std::string mpiexec = INNOSIM_MPIEXEC;
  if (mpiexec.empty() || !fs::exists(mpiexec)) {
    WARN("not run: innosim was built without MPI (install libopenmpi-dev: scripts/setup.sh)");
    return;
  }
  test::TempDir dir;
  const std::string design = dir.file("d.toml", design_text(8));
  const std::string whole = dir.path("whole.h5"), ranks = dir.path("ranks.h5");
  REQUIRE(exit_code(spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "sweep", design,
                           "--quiet", "--out", whole})) == 0);
  // As root (CI containers) Open MPI needs both variables; --oversubscribe lets 2 ranks share
  // fewer cores.
  ::setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  ::setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  // Under the sanitizer build, Open MPI's plugins leak at exit and are unloaded before
  // LeakSanitizer reports (frames without a module, so no suppression can name them): leak
  // checking is off for the ranks; the same code runs leak-checked in the shard tests.
  ::setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
  REQUIRE(exit_code(spawn({mpiexec, "-np", "2", "--oversubscribe", INNOSIM_BINARY, "--data-dir",
                           test::data_dir(), "sweep", design, "--quiet", "--threads", "1", "--out",
                           ranks})) == 0);
  for (const char* name :
       {"trajectories", "fiscal", "design/unit_points", "design/values", "sensitivity/first",
        "sensitivity/total", "sensitivity/first_low", "sensitivity/total_high"}) {
    INFO(name);
    CHECK(test::same_bits(dataset(whole, name), dataset(ranks, name)));
  }
  CHECK_FALSE(fs::exists(ranks + ".rank0of2"));  // merged, then removed

  // A job interrupted with 3 ranks (here: only rank 0 of 3 left a file) resumes on 2.
  const std::string resumed = dir.path("resumed.h5");
  REQUIRE(exit_code(spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "sweep", design,
                           "--quiet", "--shard", "0/3", "--out", resumed + ".rank0of3"})) == 0);
  const test::ShellResult r = test::shell(mpiexec + " -np 2 --oversubscribe " + INNOSIM_BINARY +
                                          " --data-dir " + test::data_dir() + " sweep " + design +
                                          " --threads 1 --resume --out " + resumed + " 2>&1");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("already done") != std::string::npos);  // rank 0's share, not rerun
  CHECK(test::same_bits(dataset(whole, "trajectories"), dataset(resumed, "trajectories")));
  CHECK(
      test::same_bits(dataset(whole, "sensitivity/total"), dataset(resumed, "sensitivity/total")));
  CHECK_FALSE(fs::exists(resumed + ".rank0of3"));
}
