// Identifies the random streams of one replicate of one region. The region's salt (a hash
// of its name, in the high bits) keeps each region's streams its own whatever else is in the
// run, so a region simulated alongside others draws what it draws alone.
#pragma once
#include <cstdint>

namespace innosim {

struct RunKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t region_salt = 0;
  std::uint64_t stream() const { return replicate ^ region_salt; }
};

}  // namespace innosim
