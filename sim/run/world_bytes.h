// The memory one replicate's state holds, measured from its containers (innosim bench's bytes
// per firm): what the memory estimate's constants are checked against.
#pragma once
#include <cstddef>

#include "world.h"

namespace innosim {

struct WorldBytes {
  std::size_t firms = 0;    // the firm table and the year's exits
  std::size_t talent = 0;   // individual talents
  std::size_t network = 0;  // ties and the graph
  std::size_t other = 0;    // carriers, research, claims, consortia, handoffs
  std::size_t total() const { return firms + talent + network + other; }
};

WorldBytes world_bytes(const World& w);

}  // namespace innosim
