// A run killed before it finishes leaves no file at --out that looks complete; a failing
// run (bad configuration) leaves nothing at all. Runs the real `innosim` binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "test_support.h"

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
