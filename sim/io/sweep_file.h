// The HDF5 file of `innosim sweep` (docs/OUTPUT.md, "Sweep files"): the design and every
// point's factor values, the trajectories of every finished task, which tasks are finished,
// and the sensitivity indices once all are. Rewritten whole and atomically at each checkpoint,
// so the file on disk is always complete for the tasks it says it holds.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "io/h5.h"
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

// The sensitivity indices of a finished sweep file, for `innosim report`. Refuses (IoError) a
// file with none (a shard, or an unfinished sweep) and arrays whose shape the index does not
// give.
struct SweepFileSensitivity {
  std::string region, sampler, method, design_text, command, version;
  std::int64_t seed = 0, replicates = 0, points = 0;
  double confidence = 0;
  std::vector<std::string> scenarios, indicators, factors;
  std::vector<std::int64_t> years;
  // first, first_low, ..., or mu, mu_star, sigma: each [scenario][time][indicator][factor].
  std::map<std::string, std::vector<double>> indices;
};
SweepFileSensitivity read_sweep_sensitivity(const h5::File& f, const std::string& label);

}  // namespace innosim
