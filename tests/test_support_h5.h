// Reading the program's HDF5 files in tests.
#pragma once
#include <string>
#include <vector>

#include "io/h5.h"

namespace innosim::test {

// A dataset of numbers by its path in the file ("trajectories", "summary/mean").
inline std::vector<double> dataset(const std::string& file, const std::string& name) {
  return h5::File::open_read(file).open_dataset(name).read_doubles();
}

}  // namespace innosim::test
