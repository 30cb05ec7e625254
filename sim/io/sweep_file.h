// The HDF5 file of `innosim sweep` (docs/OUTPUT.md, "Sweep files"): the design and every
// point's factor values, the trajectories of every finished task, which tasks are finished,
// and the sensitivity indices once all are. Rewritten whole and atomically at each checkpoint,
// so the file on disk is always complete for the tasks it says it holds.
#pragma once
#include <string>

#include "sweep/sweep_indices.h"
#include "sweep/sweep_run.h"

namespace innosim {

inline constexpr int kSweepSchemaVersion = 1;

// `indices` is null until every task is done.
void write_sweep_file(const std::string& path, const sweep::SweepPlan& plan,
                      const sweep::SweepResult& result, const sweep::SweepIndices* indices,
                      const std::string& command);

// The finished tasks of a sweep file, for --resume. Refuses (IoError) a file that is not a
// sweep file of this schema, of another design or seed, or whose arrays do not have the shape
// the plan gives.
sweep::SweepResult read_sweep_checkpoint(const std::string& path, const sweep::SweepPlan& plan);

// What `merge` needs to check before reading a shard.
struct SweepFileHeader {
  std::string design_text;
  std::int64_t seed = 0;
  std::string version;  // innosim_version and git_sha
  std::int64_t shard_index = 0, shard_count = 1;
  std::int64_t tasks_done = 0;
};
SweepFileHeader read_sweep_header(const std::string& path);

}  // namespace innosim
