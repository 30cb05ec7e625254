// The saved state of a run's replicates at a year end (`innosim run --checkpoint`,
// docs/OUTPUT.md "State files"): every agent table, the macro and fiscal state, the claims not
// yet paid, the ties of the network and what each replicate recorded so far. Random streams
// are counter-based (seed, replicate, agent, step, purpose), so they need no saved position.
// `--resume-from` continues the same run from it; `--from-state` branches new scenarios.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "io/h5.h"
#include "run/replicate.h"

namespace innosim {

inline constexpr int kStateSchemaVersion = 2;  // 2: the run identity as a text dataset

// What a state file is of: its root attributes and its /identity text.
struct StateHeader {
  std::string identity;  // the run's every input (innosim run's run identity)
  std::uint64_t seed = 0;
  int replicates = 0;
  std::vector<std::string> scenarios;  // task = scenario * replicates + replicate
  std::vector<std::string> regions;    // of each task's economy, in run order
  int base_year = 0;
  int end_year = 0;  // of the run that saved it
  int steps_per_year = 0;
  int year = 0;  // the last year simulated in every task: the state is its year end
};

// Writes `runs` (one per task, all at header.year) under a temporary name and moves the file
// to `path` when complete (io/atomic_file.h).
void write_state_file(const std::string& path, const StateHeader& header,
                      const std::vector<ReplicateRun>& runs);

class StateFile {
 public:
  // Opens `path` and reads its header; IoError if it is not a state file of this schema and
  // innosim version.
  explicit StateFile(const std::string& path);
  // The same from an open file (the fuzz target reads images); `path` labels messages.
  StateFile(h5::File file, const std::string& path);
  const StateHeader& header() const { return header_; }
  // The replicate of task `task`, its economy set up for `configs` (one per region, in the
  // saved order, sharing the saved base year and step) and its results laid out for a horizon
  // of `years` years (at least the saved ones). Refuses (IoError) a task whose tables are
  // inconsistent: the file is damaged.
  ReplicateRun read(std::size_t task, const std::vector<const ModelConfig*>& configs,
                    int years) const;

 private:
  std::string path_;
  h5::File file_;
  StateHeader header_;
};

}  // namespace innosim
