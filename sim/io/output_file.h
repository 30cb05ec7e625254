// Writes a run's results in the schema of docs/OUTPUT.md (BRIEF 7).
#pragma once
#include <string>
#include <vector>

#include "run/ensemble.h"
#include "run/summary.h"

namespace innosim {

// 2: fixed-length strings, checksummed chunks, the HDF5 1.8 format. 3: the axes at the root
// (netCDF-4 visible), a target axis, Monte Carlo errors, cumulative costs, cost-effectiveness.
inline constexpr int kSchemaVersion = 3;

struct Provenance {
  std::uint64_t seed = 0;
  std::string command;               // the command line that produced the file
  std::vector<std::string> configs;  // resolved TOML, one per scenario
  std::string region_label;          // the preset's label ("Yinchuan")
  std::string uncertainty;           // what the spread between replicates is made of
  // With --parameter-uncertainty: the fitted keys and each replicate's values of them.
  std::vector<std::string> parameter_keys;
  std::vector<double> parameter_draws;  // [replicate][key]
};

// Writes the whole file under a temporary name and moves it to `path` when complete.
void write_output(const std::string& path, const EnsembleResult& result, const Summary& summary,
                  const Provenance& provenance);

}  // namespace innosim
