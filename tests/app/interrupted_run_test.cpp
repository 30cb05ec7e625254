// A run killed before it finishes leaves no file at --out that looks complete; a failing
// run (bad configuration) leaves nothing at all. Runs the real `innosim` binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/errors.h"
#include "io/h5.h"
#include "test_support.h"
#include "test_support_h5.h"

using namespace innosim;
namespace fs = std::filesystem;

using test::spawn;
using test::wait_status;

TEST_CASE("a run killed mid-way leaves nothing at --out", "[app]") {
  test::TempDir dir;
  const std::string out = dir.path("killed.h5");
  const pid_t pid = spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "run", "--replicates",
                           "100000", "--quiet", "--set", "region.firms_total=20000", "--out", out});
  REQUIRE(pid > 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::kill(pid, SIGKILL);
  const int status = wait_status(pid);
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a run that fails on its configuration exits non-zero and writes nothing", "[app]") {
  test::TempDir dir;
  const std::string out = dir.path("bad.h5");
  const pid_t pid = spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "run", "--quiet",
                           "--set", "firm.entry_rte=0.1", "--out", out});
  const int status = wait_status(pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::is_empty(fs::path(out).parent_path()));
}

TEST_CASE("a missing output folder fails at once - before any simulation", "[app]") {
  // 100000 replicates would take hours: if the check came after the run, this test would
  // hit the suite's timeout (tests/CMakeLists.txt) instead of exiting with 4.
  const pid_t pid = spawn({INNOSIM_BINARY, "--data-dir", test::data_dir(), "run", "--quiet",
                           "--replicates", "100000", "--out", "/nonexistent-folder/run.h5"});
  const int status = wait_status(pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 4);
}

TEST_CASE("a finished run writes its file at --out", "[app]") {
  test::TempDir dir;
  const std::string out = dir.path("ok.h5");
  std::vector<std::string> args = {INNOSIM_BINARY, "--data-dir", test::data_dir(), "run", "--quiet",
                                   "--replicates", "2",          "--out",          out};
  for (const auto& s : test::small_region()) args.insert(args.end(), {"--set", s});
  const int status = wait_status(spawn(args));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(fs::exists(out));
}

TEST_CASE("a run killed with SIGKILL keeps its finished tasks, and --resume completes it",
          "[app]") {
  test::TempDir dir;
  const std::string whole = dir.path("whole.h5"), killed = dir.path("killed.h5");
  const std::string partial = killed + ".partial";
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = {
        INNOSIM_BINARY, "--data-dir", test::data_dir(),     "run", "--quiet",    "--replicates",
        "24",           "--panel",    "--panel-replicates", "3",   "--scenario", "baseline",
        "--scenario",   "plan"};
    for (const auto& s : test::small_region()) a.insert(a.end(), {"--set", s});
    a.insert(a.end(), extra.begin(), extra.end());
    return spawn(a);
  };
  REQUIRE(test::exit_code(run({"--out", whole, "--threads", "2"})) == 0);
  CHECK_FALSE(fs::exists(whole + ".partial"));  // removed once the run is in --out

  const pid_t pid = run({"--out", killed, "--threads", "1", "--checkpoint-seconds", "0"});
  const std::int64_t after_kill = test::kill_after_tasks(pid, partial, 8, 30);
  CHECK_FALSE(fs::exists(killed));  // nothing at --out looks complete
  INFO("tasks done when killed: " << after_kill << " of 48");
  REQUIRE(after_kill >= 8);
  REQUIRE(after_kill < 48);

  // Another run (here: another seed) is refused, and the partial file left as it is.
  CHECK(test::exit_code(run({"--out", killed, "--resume", "--seed", "2"})) == 4);
  CHECK(h5::File::open_read(partial).int_attribute("tasks_done") == after_kill);

  REQUIRE(test::exit_code(run({"--out", killed, "--resume", "--threads", "2"})) == 0);
  CHECK_FALSE(fs::exists(partial));
  for (const char* name : {"trajectories", "fiscal", "summary/mean", "summary/quantiles",
                           "summary/effects", "summary/targets/probability", "panel/plan/revenue",
                           "panel/baseline/rd_reported", "panel/plan/firm_id"}) {
    INFO(name);
    CHECK(test::same_bits(test::dataset(whole, name), test::dataset(killed, name)));
  }
}
