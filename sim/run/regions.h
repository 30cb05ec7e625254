// Several regions stepped together (BRIEF 3.1): one World per region, in lockstep, and the
// region graph between them. At each year end, the talent a region loses is offered to its
// graph neighbours by the edges' outflow shares; what reaches a region of the run arrives
// there (absorbed at its next year end), the rest leaves the system. With no edge between
// two regions nothing passes, and each runs exactly as it would alone.
#pragma once
#include <vector>

#include "config/model_config.h"
#include "network/region_graph.h"
#include "world.h"

namespace innosim {

struct Economy {
  std::vector<const ModelConfig*> configs;  // one per region, in run order
  std::vector<World> regions;
  RegionGraph graph;
};

// The salt that keys a region's random streams: a hash of its name, in the high 32 bits.
std::uint64_t region_salt(const std::string& name);
// The regions' configs and graph, no World yet (a saved state fills them in); checks that the
// regions share one clock.
Economy economy_shell(const std::vector<const ModelConfig*>& configs);
Economy initial_economy(const std::vector<const ModelConfig*>& configs, std::uint64_t seed,
                        std::uint64_t replicate);
void step_economy(Economy& e);

}  // namespace innosim
