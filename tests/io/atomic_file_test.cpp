// A file appears at its final path only when complete.
#include "io/atomic_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

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
    std::ofstream(temp) << "half a file";
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
    std::ofstream(f.temp_path()) << "new";
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

TEST_CASE("an output folder that does not exist is an error before any work", "[io]") {
  CHECK_THROWS_WITH(AtomicFile("/nonexistent-folder/run.h5"),
                    Catch::Matchers::Contains("no such directory"));
}
