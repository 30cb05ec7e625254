// Shared helpers: the project's own configs (never ../shared), small fast configurations,
// and temporary files that clean up after themselves.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config_loader.h"

namespace innosim::test {

inline std::string data_dir() { return INNOSIM_SOURCE_DIR; }

// Bit-identical, NaN (an undefined base-year value) included.
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

struct ShellResult {
  int status = -1;     // the exit code; -1 if the command did not exit normally
  std::string output;  // its standard output (add 2>&1 to the command for its errors too)
};

// Runs `cmd` through /bin/sh and collects what it prints.
inline ShellResult shell(const std::string& cmd) {
  ShellResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) r.output += buf;
  const int raw = ::pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

// Starts a program (args[0] is its path) without a shell; returns its pid.
inline pid_t spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for `pid`; its raw wait status.
inline int wait_status(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// Waits for `pid`; its exit code, or -1 if it was killed by a signal.
inline int exit_code(pid_t pid) {
  const int status = wait_status(pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The whole text of a file; one that cannot be opened throws, failing the test.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The default preset shrunk to a few thousand firms so a replicate takes milliseconds; the
// counts keep the preset's proportions.
inline std::vector<std::string> small_region() {
  return {"region.firms_total=4000", "region.firms_above_scale=20", "region.hntes=10",
          "region.tech_smes=30",     "region.rd_expenditure=1.5e8", "time.end_year=2024"};
}

// A region rescaled by --set keeps its talent in proportion: R&D personnel as the preset
// derives them from R&D spending (300k CNY per FTE, 0.8 FTE per person), the talent stock
// in Yinchuan's ratio to them, unless the test sets them itself.
inline std::vector<std::string> with_matching_talent(std::vector<std::string> sets) {
  double rd = -1;
  bool own = false;
  for (const auto& s : sets) {
    if (s.rfind("region.rd_expenditure=", 0) == 0) rd = std::stod(s.substr(22));
    if (s.rfind("region.rd_personnel=", 0) == 0 || s.rfind("region.talent_total=", 0) == 0)
      own = true;
  }
  if (rd < 0 || own) return sets;
  const double persons = std::round(rd / 2.4e5);
  sets.push_back("region.rd_personnel=" + std::to_string(persons));
  sets.push_back("region.leading_talents=" + std::to_string(std::round(0.01 * persons)));
  sets.push_back("region.talent_total=" + std::to_string(std::round(21.4 * persons)));
  return sets;
}

inline LoadedConfig load(std::vector<std::string> sets = small_region(),
                         std::vector<std::string> scenario_files = {}) {
  return load_config(
      {data_dir(), "yinchuan", std::move(scenario_files), with_matching_talent(std::move(sets))});
}

// The shipped configuration: configs/model.toml under the default preset, loaded once. Tests
// of rules read their parameters here, never from C++ values (config structs carry none).
inline const ModelConfig& shipped_model() {
  static const LoadedConfig c = load_config({data_dir(), "yinchuan", {}, {}});
  return c.model;
}

// A folder under the system temp dir, removed with its contents at scope exit.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("innosim-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
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
