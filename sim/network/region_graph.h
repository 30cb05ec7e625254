// The region graph (BRIEF 3.1): the regions of a run and the exogenous east hub as vertices
// of a Boost.Graph adjacency list; each preset's [[region.links]] become directed edges that
// carry its talent outflow (outflow_share) and the cooperation inflow (inflow_rate). Links
// to presets that are not part of the run are dropped: their share of the outflow leaves
// the simulated system, like any other outflow.
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <vector>

#include "config/ecosystem_config.h"

namespace innosim {

class RegionGraph {
 public:
  struct Node {
    std::string name;
    bool simulated = false;
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, RegionLink>;

  // `regions`: the run's regions in order (vertex k is regions[k]); the hub comes after them.
  RegionGraph(const std::vector<std::string>& names,
              const std::vector<std::vector<RegionLink>>& links);

  // Simulated regions reachable from region `from` with the outflow share of each edge.
  std::vector<std::pair<std::size_t, double>> migration_targets(std::size_t from) const;
  // The cooperation inflow rate from the east hub into region `to` (0 without an edge).
  double east_inflow_rate(std::size_t to) const;
  const Graph& graph() const { return g_; }

 private:
  Graph g_;
  std::size_t east_ = 0;
};

}  // namespace innosim
