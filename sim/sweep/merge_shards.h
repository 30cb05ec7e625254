// Joins the shard files of one sweep (a job array's `--shard I/N`, or the ranks of an MPI run)
// into the result one process would have produced. Every shard must be there once, finished,
// and of the same design, seed and innosim; anything else is an IoError naming the file.
#pragma once
#include <string>
#include <vector>

#include "sweep/sweep_run.h"

namespace innosim::sweep {

struct MergedSweep {
  SweepPlan plan;  // the whole sweep (shard 0/1)
  SweepResult result;
};

MergedSweep merge_shards(const std::string& data_dir, const std::vector<std::string>& shards);

}  // namespace innosim::sweep
