// Writes a run's results in the schema of docs/OUTPUT.md (BRIEF 7).
#pragma once
#include <string>
#include <vector>

#include "run/ensemble.h"
#include "run/summary.h"

namespace innosim {

inline constexpr int kSchemaVersion = 1;

struct Provenance {
  std::uint64_t seed = 0;
  std::string command;               // the command line that produced the file
  std::vector<std::string> configs;  // resolved TOML, one per scenario
};

// Writes the whole file under a temporary name and moves it to `path` when complete.
void write_output(const std::string& path, const EnsembleResult& result, const Summary& summary,
                  const Provenance& provenance);

}  // namespace innosim
