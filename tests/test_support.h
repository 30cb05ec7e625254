// Shared helpers: the project's own configs (never ../shared), small fast configurations,
// and temporary files that clean up after themselves.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "config/config_loader.h"

namespace innosim::test {

inline std::string data_dir() { return INNOSIM_SOURCE_DIR; }

// The default preset shrunk to a few thousand firms so a replicate takes milliseconds; the
// counts keep the preset's proportions.
inline std::vector<std::string> small_region() {
  return {"region.firms_total=4000", "region.firms_above_scale=20", "region.hntes=10", "region.tech_smes=30",
          "region.rd_expenditure=1.5e8", "time.end_year=2024"};
}

inline LoadedConfig load(std::vector<std::string> sets = small_region(), std::vector<std::string> scenario_files = {}) {
  return load_config({data_dir(), "yinchuan", std::move(scenario_files), std::move(sets)});
}

// A folder under the system temp dir, removed with its contents at scope exit.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() / ("innosim-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& content = "") const {
    const auto p = path_ / name;
    std::ofstream(p) << content;
    return p.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static int& counter() {
    static int c = 0;
    return c;
  }
  std::filesystem::path path_;
};

}  // namespace innosim::test
