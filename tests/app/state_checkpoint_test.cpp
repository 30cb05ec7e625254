// Long runs as a user runs them (issue 14 item 4): `innosim run --checkpoint` killed mid-way
// and continued with --resume-from gives the uninterrupted run's file; --from-state branches
// a scenario from a saved state and gives the uninterrupted run of that scenario when the
// two agree until the year after the state. Runs the real `innosim` binary.
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/h5.h"
#include "test_support.h"
#include "test_support_h5.h"

using namespace innosim;
namespace fs = std::filesystem;

namespace {

pid_t run(std::vector<std::string> extra) {
  std::vector<std::string> a = {INNOSIM_BINARY, "--data-dir", test::data_dir(), "run", "--quiet"};
  for (const auto& s : test::small_region()) a.insert(a.end(), {"--set", s});
  a.insert(a.end(), extra.begin(), extra.end());
  return test::spawn(a);
}

void check_same_files(const std::string& a, const std::string& b,
                      const std::vector<std::string>& names) {
  for (const auto& name : names) {
    INFO(name);
    CHECK(test::same_bits(test::dataset(a, name), test::dataset(b, name)));
  }
}

}  // namespace

TEST_CASE("a run killed after a state save continues with --resume-from to the same file",
          "[app][state]") {
  test::TempDir dir;
  const std::string whole = dir.path("whole.h5"), killed = dir.path("killed.h5"),
                    state = dir.path("state.h5");
  const std::vector<std::string> job = {"--replicates", "6",        "--end-year", "2030", "--panel",
                                        "--scenario",   "baseline", "--scenario", "plan"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.begin(), job.begin(), job.end());
    return extra;
  };
  REQUIRE(test::exit_code(run(with({"--out", whole, "--threads", "2"}))) == 0);

  const pid_t pid = run(with({"--out", killed, "--threads", "1", "--checkpoint", state}));
  const std::int64_t year = test::kill_when(pid, state, "year", 2023, 60);
  CHECK_FALSE(fs::exists(killed));
  INFO("state of " << year << " when killed");
  REQUIRE(year >= 2023);
  REQUIRE(year < 2030);

  // Another run (another seed) is refused, and the state left as it is.
  CHECK(test::exit_code(run(with({"--out", killed, "--resume-from", state, "--seed", "2"}))) == 4);
  CHECK(h5::File::open_read(state).int_attribute("year") == year);

  REQUIRE(test::exit_code(run(with({"--out", killed, "--resume-from", state, "--threads", "2"}))) ==
          0);
  CHECK(h5::File::open_read(state).int_attribute("year") == 2030);  // saved again, to the end
  check_same_files(
      whole, killed,
      {"trajectories", "fiscal", "summary/mean", "summary/quantiles", "summary/effects",
       "panel/plan/revenue", "panel/baseline/rd_reported", "panel/plan/firm_id"});

  // The end state carries the run on: the baseline to 2032 from it repeats 2021-2030.
  const std::string longer = dir.path("longer.h5");
  REQUIRE(test::exit_code(run({"--out", longer, "--from-state", state, "--state-scenario",
                               "baseline", "--scenario", "baseline", "--end-year", "2032"})) == 0);
  const auto head = test::dataset(whole, "trajectories");
  const auto tail = test::dataset(longer, "trajectories");
  const std::size_t per_year = tail.size() / (6 * 12);  // 1 scenario, 6 replicates, 12 years
  for (std::size_t rep = 0; rep < 6; ++rep) {
    const auto from = [&](const std::vector<double>& v, std::size_t at, std::size_t years) {
      return std::vector<double>(v.begin() + at, v.begin() + at + years * per_year);
    };
    CHECK(
        test::same_bits(from(head, rep * 10 * per_year, 10), from(tail, rep * 12 * per_year, 10)));
  }
  // Two scenarios saved: the branch must say which.
  CHECK(test::exit_code(run({"--out", longer, "--from-state", state, "--end-year", "2032"})) == 2);
}

TEST_CASE("a branch from a saved state equals the uninterrupted run of its scenario",
          "[app][state]") {
  test::TempDir dir;
  const std::string state = dir.path("2022.h5");
  REQUIRE(test::exit_code(
              run({"--replicates", "4", "--seed", "7", "--scenario", "baseline", "--end-year",
                   "2022", "--checkpoint", state, "--out", dir.path("to-2022.h5")})) == 0);
  // The variant's post-subsidy starts in 2024: decisions at the end of 2022 look one year
  // ahead, so the two scenarios agree until then.
  const std::vector<std::string> variant = {"--scenario", "baseline_hnte_post_subsidy_20",
                                            "--set",      "levers.rd_post_subsidy.start_year=2024",
                                            "--end-year", "2026"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), variant.begin(), variant.end());
    return extra;
  };
  const std::string whole = dir.path("whole.h5"), branch = dir.path("branch.h5");
  REQUIRE(test::exit_code(run(with({"--replicates", "4", "--seed", "7", "--out", whole}))) == 0);
  REQUIRE(test::exit_code(run(with({"--from-state", state, "--out", branch}))) == 0);
  check_same_files(whole, branch,
                   {"trajectories", "fiscal", "summary/mean", "summary/cumulative_cost"});
  const auto fiscal = test::dataset(branch, "fiscal");
  double paid = 0;
  for (double v : fiscal) paid += std::isnan(v) ? 0 : v;
  CHECK(paid > 0);  // the branched lever did pay

  // The branch keeps the state's seed and at most its replicates; a missing file is an error.
  CHECK(test::exit_code(run(with({"--from-state", state, "--seed", "8", "--out", branch}))) == 2);
  CHECK(test::exit_code(run(with({"--from-state", state, "--replicates", "5", "--out", branch}))) ==
        2);
  CHECK(test::exit_code(run(with({"--from-state", dir.path("none.h5"), "--out", branch}))) == 4);
  CHECK(test::exit_code(
            run(with({"--from-state", state, "--resume-from", state, "--out", branch}))) == 2);
}
