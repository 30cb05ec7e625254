#include "network/region_graph.h"

namespace innosim {

RegionGraph::RegionGraph(const std::vector<std::string>& names,
                         const std::vector<std::vector<RegionLink>>& links) {
  for (const auto& n : names) boost::add_vertex(Node{n, true}, g_);
  east_ = boost::add_vertex(Node{kEastHub, false}, g_);
  for (std::size_t from = 0; from < names.size(); ++from)
    for (const RegionLink& link : links[from])
      for (std::size_t to = 0; to <= east_; ++to)
        if (to != from && g_[to].name == link.to) boost::add_edge(from, to, link, g_);
}

std::vector<std::pair<std::size_t, double>> RegionGraph::migration_targets(std::size_t from) const {
  std::vector<std::pair<std::size_t, double>> out;
  for (auto [e, end] = boost::out_edges(from, g_); e != end; ++e) {
    const std::size_t to = boost::target(*e, g_);
    if (g_[to].simulated) out.emplace_back(to, g_[*e].outflow_share);
  }
  return out;
}

double RegionGraph::east_inflow_rate(std::size_t to) const {
  for (auto [e, end] = boost::out_edges(to, g_); e != end; ++e)
    if (boost::target(*e, g_) == east_) return g_[*e].inflow_rate;
  return 0.0;
}

}  // namespace innosim
