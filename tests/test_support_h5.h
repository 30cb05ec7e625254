// Reading the program's HDF5 files in tests.
#pragma once
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/errors.h"
#include "io/h5.h"

namespace innosim::test {

// A dataset of numbers by its path in the file ("trajectories", "summary/mean").
inline std::vector<double> dataset(const std::string& file, const std::string& name) {
  return h5::File::open_read(file).open_dataset(name).read_doubles();
}

// Waits (at most `seconds`) until the integer attribute `attribute` of `file` (a checkpoint
// rewritten as the run goes) is at least `value`, then kills `pid` with SIGKILL and returns
// the attribute's value in the file the kill left.
inline std::int64_t kill_when(pid_t pid, const std::string& file, const std::string& attribute,
                              std::int64_t value, double seconds) {
  std::int64_t now = 0;
  for (int k = 0; k < seconds * 50 && now < value; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!std::filesystem::exists(file)) continue;
    try {
      now = h5::File::open_read(file).int_attribute(attribute);
    } catch (const IoError&) {  // not there yet, or being replaced
    }
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return h5::File::open_read(file).int_attribute(attribute);
}

// The same for a run's partial file: after `tasks` finished tasks.
inline std::int64_t kill_after_tasks(pid_t pid, const std::string& file, std::int64_t tasks,
                                     double seconds) {
  return kill_when(pid, file, "tasks_done", tasks, seconds);
}

}  // namespace innosim::test
