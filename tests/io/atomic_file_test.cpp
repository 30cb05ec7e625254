// A file appears at its final path only when complete.
#include "io/atomic_file.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "test_support.h"

using namespace innosim;
namespace fs = std::filesystem;

TEST_CASE("a writer that fails before commit leaves nothing at the final path - nor a temp file",
          "[io]") {
  test::TempDir dir;
  const std::string out = dir.path("run.h5");
  std::string temp;
  try {
    AtomicFile f(out);
    temp = f.temp_path();
    f.write("half a file", 11);
    throw std::runtime_error("simulated failure while writing");
  } catch (const std::runtime_error&) {
  }
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(temp));
}

TEST_CASE("commit moves the finished file into place - replacing an older one", "[io]") {
  test::TempDir dir;
  const std::string out = dir.file("run.h5", "old");
  {
    AtomicFile f(out);
    CHECK(f.temp_path() != out);
    f.write("new", 3);
    std::string before;
    std::ifstream(out) >> before;
    CHECK(before == "old");  // until commit, the older complete file is untouched
    f.commit();
  }
  std::ifstream in(out);
  std::string content;
  in >> content;
  CHECK(content == "new");
}

// mkstemp creates mode 0600: outputs were unreadable by the user's group whatever the umask.
TEST_CASE("a committed file has the permissions the umask gives a new file", "[io]") {
  test::TempDir dir;
  const mode_t old = ::umask(022);
  {
    AtomicFile f(dir.path("run.h5"));
    f.write("x", 1);
    f.commit();
  }
  ::umask(old);
  CHECK((fs::status(dir.path("run.h5")).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
         fs::perms::others_read));
}

TEST_CASE("an output folder that does not exist is an error before any work", "[io]") {
  CHECK_THROWS_WITH(AtomicFile("/nonexistent-folder/run.h5"),
                    Catch::Matchers::Contains("no such directory"));
}

// Reliability review, issue 17 item 1: the temporary name was <out>.tmp-<pid>, created with
// truncation, so a symlink planted there let anyone overwrite the symlink's target.
TEST_CASE("a symlink planted at a predictable temporary name is never followed", "[io][security]") {
  test::TempDir dir;
  const std::string victim = dir.file("victim.txt", "precious");
  const std::string out = dir.path("run.h5");
  fs::create_symlink(victim, out + ".tmp-" + std::to_string(::getpid()));
  {
    AtomicFile f(out);
    CHECK(f.temp_path() != out + ".tmp-" + std::to_string(::getpid()));
    CHECK_FALSE(fs::is_symlink(f.temp_path()));
    f.write("new", 3);
    f.commit();
  }
  std::string kept;
  std::ifstream(victim) >> kept;
  CHECK(kept == "precious");
  std::string written;
  std::ifstream(out) >> written;
  CHECK(written == "new");
}

TEST_CASE("commit refuses a temporary file replaced by a link while it was written",
          "[io][security]") {
  test::TempDir dir;
  const std::string victim = dir.file("victim.txt", "precious");
  const std::string out = dir.path("run.h5");
  AtomicFile f(out);
  fs::remove(f.temp_path());
  fs::create_symlink(victim, f.temp_path());
  CHECK_THROWS_AS(f.commit(), IoError);
  CHECK_FALSE(fs::exists(out));
  std::string kept;
  std::ifstream(victim) >> kept;
  CHECK(kept == "precious");
}

TEST_CASE("an output path that is a directory, a device or too long is refused before the run",
          "[io][security]") {
  test::TempDir dir;
  fs::create_directory(dir.path("folder"));
  CHECK_THROWS_AS(check_writable(dir.path("folder")), IoError);
  CHECK_THROWS_AS(check_writable(dir.path("folder") + "/"), IoError);
  CHECK_THROWS_AS(check_writable("/dev/null"), IoError);
  CHECK_THROWS_AS(check_writable(dir.path(std::string(300, 'a') + ".h5")), IoError);
  CHECK_NOTHROW(check_writable(dir.path("fine.h5")));
  const std::string input = dir.file("p.toml", "x = 1");
  CHECK_THROWS_AS(check_not_input(input, {input}), IoError);
  CHECK_THROWS_AS(check_not_input(dir.path("./p.toml"), {input}), IoError);  // same file
  CHECK_NOTHROW(check_not_input(dir.path("other.h5"), {input}));
}

// Reliability review, issue 17 item 10: a kill during the write left <out>.tmp-<pid> behind.
TEST_CASE("SIGINT or SIGTERM while a file is written removes the temporary file",
          "[io][security]") {
  for (const int sig : {SIGINT, SIGTERM}) {
    test::TempDir dir;
    const std::string out = dir.path("run.h5");
    const pid_t pid = ::fork();
    if (pid == 0) {
      AtomicFile f(out);
      f.write("half", 4);
      ::raise(sig);  // the handler removes the temporary file and exits 128 + sig
      ::_exit(0);
    }
    const int status = test::wait_status(pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + sig);
    CHECK(fs::is_empty(dir.path("")));  // neither the output nor a temporary file
  }
}
