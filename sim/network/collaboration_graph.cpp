#include "network/collaboration_graph.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <string>
#include <utility>

#include "core/errors.h"

namespace innosim {

// 32-bit vertex and edge indices: a national run has ~50M firms and ~200M edges.
struct CollaborationGraph::Csr
    : boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, std::uint32_t, std::uint32_t> {
  using Base =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, std::uint32_t, std::uint32_t>;
  using Base::Base;
};

CollaborationGraph::CollaborationGraph() : csr_(std::make_unique<Csr>()) {}
CollaborationGraph::~CollaborationGraph() = default;
CollaborationGraph::CollaborationGraph(CollaborationGraph&&) noexcept = default;
CollaborationGraph& CollaborationGraph::operator=(CollaborationGraph&&) noexcept = default;
CollaborationGraph::CollaborationGraph(const CollaborationGraph& other)
    : ties(other.ties),
      kinds(other.kinds),
      csr_(std::make_unique<Csr>(*other.csr_)),
      firm_vertices_(other.firm_vertices_),
      org_vertices_(other.org_vertices_) {}
CollaborationGraph& CollaborationGraph::operator=(const CollaborationGraph& other) {
  if (this != &other) *this = CollaborationGraph(other);
  return *this;
}
std::uint32_t tie_end(std::uint64_t key) {
  const std::uint64_t id = key & ~(kOrgKey | kPlatformKey);
  if (id >= kTieIdLimit)
    throw ModelError("agent id " + std::to_string(id) +
                     " is beyond what the network stores (2^30): more firms than the model is "
                     "built for");
  return static_cast<std::uint32_t>(id) | ((key & kPlatformKey) ? kTiePlatform
                                           : (key & kOrgKey)    ? kTieOrg
                                                                : 0);
}

std::size_t CollaborationGraph::bytes() const {
  return ties.capacity() * sizeof(Tie) + kinds.capacity() * sizeof(TieKind) +
         csr_->m_forward.m_rowstart.capacity() * sizeof(std::uint32_t) +
         csr_->m_forward.m_column.capacity() * sizeof(std::uint32_t);
}

namespace {

// Vertex of an agent key, or -1 if the agent is gone. `firm_row` maps firm ids to rows
// (ids are dense: 0 .. next id), built once per rebuild instead of a search per tie end.
std::int64_t vertex_of(std::uint64_t key, const std::vector<std::int32_t>& firm_row,
                       const FirmTable& f, const ResearchTable& r) {
  if (key & kPlatformKey) {
    const auto k = r.platform_row(static_cast<std::uint32_t>(key & ~kPlatformKey));
    return k < 0 ? -1 : static_cast<std::int64_t>(f.size() + r.orgs.size()) + k;
  }
  if (key & kOrgKey) {
    const auto k = r.org_row(static_cast<std::uint32_t>(key & ~kOrgKey));
    return k < 0 ? -1 : static_cast<std::int64_t>(f.size()) + k;
  }
  if (key >= firm_row.size()) return -1;
  const std::int64_t row = firm_row[key];
  return row >= 0 && !f.has(static_cast<std::size_t>(row), kDead) ? row : -1;
}

// Edge j of the graph from the tie vertices: tie j / 2, forwards for even j, back for odd.
struct DirectedEdge {
  const std::pair<std::uint32_t, std::uint32_t>* ends = nullptr;
  std::pair<std::uint32_t, std::uint32_t> operator()(std::size_t j) const {
    const auto& e = ends[j / 2];
    return j % 2 ? std::pair{e.second, e.first} : e;
  }
};

}  // namespace

void CollaborationGraph::rebuild(const FirmTable& f, const ResearchTable& r) {
  std::vector<std::int32_t> firm_row(f.size() ? f.id.back() + 1 : 0, -1);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, f.size(), 1 << 14),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i != range.end(); ++i)
                        firm_row[f.id[i]] = static_cast<std::int32_t>(i);
                    });
  // Each tie's two vertices, looked up in parallel (a tie to an agent that is gone marked
  // kGone), then the ties and their vertices compacted in order.
  constexpr std::uint32_t kGone = ~std::uint32_t{0};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends(ties.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, ties.size(), 1 << 14),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t k = range.begin(); k != range.end(); ++k) {
                        const auto a = vertex_of(agent_key(ties[k].a), firm_row, f, r),
                                   b = vertex_of(agent_key(ties[k].b), firm_row, f, r);
                        const bool kept = a >= 0 && b >= 0 && a != b;
                        ends[k] = {kept ? static_cast<std::uint32_t>(a) : kGone,
                                   kept ? static_cast<std::uint32_t>(b) : kGone};
                      }
                    });
  std::size_t kept = 0;
  for (std::size_t k = 0; k < ties.size(); ++k) {
    if (ends[k].first == kGone) continue;
    ties[kept] = ties[k];
    kinds[kept] = kinds[k];
    ends[kept] = ends[k];
    ++kept;
  }
  ties.resize(kept);
  kinds.resize(kept);
  ends.resize(kept);
  std::vector<std::int32_t>().swap(firm_row);
  *csr_ = Csr();  // free the old graph before building the new one
  firm_vertices_ = f.size();
  org_vertices_ = r.orgs.size();
  // Each tie is an edge both ways (edge 2k one way, 2k + 1 back), read from the tie's two
  // vertices as the constructor asks for them rather than stored: a national run's edge list
  // would hold 16 bytes a tie beside the new graph. Two ties between the same pair make a
  // stronger link (two edges). The unsorted constructor buckets edges by source in linear
  // time, keeping their order within a source, so the graph depends on the tie list alone.
  const DirectedEdge edge{ends.data()};
  *csr_ = Csr(boost::edges_are_unsorted_multi_pass,
              boost::make_transform_iterator(boost::counting_iterator<std::size_t>(0), edge),
              boost::make_transform_iterator(boost::counting_iterator<std::size_t>(2 * kept), edge),
              static_cast<std::uint32_t>(f.size() + r.orgs.size() + r.platforms.size()));
}

double CollaborationGraph::knowledge_of(std::size_t v, const FirmTable& f,
                                        const ResearchTable& r) const {
  if (v < firm_vertices_) return f.knowledge[v];
  if (v < firm_vertices_ + org_vertices_) return r.orgs[v - firm_vertices_].knowledge;
  return r.platforms[v - firm_vertices_ - org_vertices_].knowledge;
}

double CollaborationGraph::neighbour_knowledge(std::size_t i, const FirmTable& f,
                                               const ResearchTable& r) const {
  if (i >= firm_vertices_) return 0.0;
  double sum = 0;
  for (auto [e, end] = boost::out_edges(static_cast<std::uint32_t>(i), *csr_); e != end; ++e) {
    const std::size_t j = boost::target(*e, *csr_);
    sum += knowledge_of(j, f, r) /
           static_cast<double>(boost::out_degree(static_cast<std::uint32_t>(j), *csr_));
  }
  return sum;
}

bool CollaborationGraph::adjacent(std::size_t a, std::size_t b) const {
  if (a >= firm_vertices_ || b >= firm_vertices_) return false;
  for (auto [e, end] = boost::out_edges(static_cast<std::uint32_t>(a), *csr_); e != end; ++e)
    if (boost::target(*e, *csr_) == b) return true;
  return false;
}

}  // namespace innosim
