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

// Waits (at most `seconds`) until the checkpoint `file` says `tasks_done` >= `tasks`, then
// kills `pid` with SIGKILL and returns the count the file holds after the kill.
inline std::int64_t kill_after_tasks(pid_t pid, const std::string& file, std::int64_t tasks,
                                     double seconds) {
  std::int64_t done = 0;
  for (int k = 0; k < seconds * 50 && done < tasks; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!std::filesystem::exists(file)) continue;
    try {
      done = h5::File::open_read(file).int_attribute("tasks_done");
    } catch (const IoError&) {  // not there yet, or being replaced
    }
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return h5::File::open_read(file).int_attribute("tasks_done");
}

}  // namespace innosim::test
