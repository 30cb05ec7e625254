// The partial file of an unfinished `innosim run` (docs/OUTPUT.md, "Partial runs"): the
// trajectories, fiscal outlays and firm panels of the tasks finished so far, which tasks those
// are, and what the run was (its resolved configs, seed and replicates). It is written at
// <out>.partial, never at <out>, so an interrupted run leaves no file that looks complete;
// `innosim run --resume` reads it and runs only the tasks it does not hold.
#pragma once
#include <string>

#include "io/h5.h"
#include "run/ensemble.h"

namespace innosim {

inline constexpr int kRunCheckpointSchemaVersion = 2;  // 2: the run identity as a text dataset

// Where a run that writes `out` keeps its finished tasks until it is complete.
std::string partial_path(const std::string& out);

// `identity` says what the run is (every input that changes its results); a resumed run must
// have the same one.
void write_run_checkpoint(const std::string& path, const std::string& identity,
                          const EnsembleResult& result);

// The finished tasks of a partial file, in a result shaped like `empty`. Refuses (IoError,
// the file left as it is) a file that is not a partial run of this schema and innosim version,
// of another run than `identity`, or whose arrays do not have `empty`'s shape.
EnsembleResult read_run_checkpoint(const std::string& path, const std::string& identity,
                                   const EnsembleResult& empty);
// The same, from an open file; `path` labels messages.
EnsembleResult read_run_checkpoint(const h5::File& f, const std::string& path,
                                   const std::string& identity, const EnsembleResult& empty);

}  // namespace innosim
