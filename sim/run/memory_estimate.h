// What a run will need, estimated before it starts, so that a run too large for the machine
// is refused with a message naming the keys instead of growing until the kernel kills it.
// Measured: the default preset (90,000 firms, growing about 20% in four years) peaks at
// 63 MB on one thread and 103 MB on two: about 25 MB of program plus 450 bytes per base-year
// firm of each replicate in flight (firms, exits, talent, network, matching buffers).
#pragma once
#include <cstddef>
#include <string>

#include "run/ensemble.h"

namespace innosim {

struct MemoryEstimate {
  double bytes = 0;
  double seconds = 0;  // wall time, from the throughput innosim bench measures
  std::string detail;  // how the estimate is made up, for the message
};

MemoryEstimate estimate_peak_memory(const EnsembleSpec& spec);

// "about 103 MB of memory and 2 min (estimated)", for the terminal before a run.
std::string describe(const MemoryEstimate& e);

// The machine's physical memory, bytes (0 if unknown).
double physical_memory();

// Throws ModelError when the estimate exceeds `limit_bytes` (if > 0) or 90% of the machine's
// memory; the message names region.firms_total, --replicates and --threads.
void refuse_if_too_large(const EnsembleSpec& spec, double limit_bytes);
// Lowers spec.max_in_flight until the estimate is within `limit_bytes` (if > 0) or 90% of the
// machine's memory, and returns it (0: no cap was needed); throws ModelError when even one
// task at a time does not fit, with a message naming region.firms_total, --replicates and
// --threads.
int fit_in_memory(EnsembleSpec& spec, double limit_bytes);

}  // namespace innosim
