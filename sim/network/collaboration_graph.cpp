#include "network/collaboration_graph.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
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

// f(k) for every tie k, in parallel (each tie on its own: any schedule gives the same list).
template <class F>
void for_each_tie(std::size_t n, F f) {
  constexpr std::size_t kTiesPerBlock = std::size_t{1} << 14;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kTiesPerBlock),
                    [&](const tbb::blocked_range<std::size_t>& ties) {
                      for (std::size_t k = ties.begin(); k != ties.end(); ++k) f(k);
                    });
}

// Vertex of an agent key, or -1 if the agent is gone. `firm_row` is FirmTable::rows_by_id,
// built once per rebuild instead of a search per tie end.
std::int64_t vertex_of(std::uint64_t key, const Scratch<std::int32_t>& firm_row, const FirmTable& f,
                       const ResearchTable& r) {
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

constexpr std::uint32_t kGone = ~std::uint32_t{0};  // a tie end whose agent is gone

// The graph's two arrays (row starts, and each edge's target by source), filled as Boost's
// unsorted constructor fills them: edge j is tie j / 2, forwards for even j, back for odd,
// and a source's edges keep their order j. Boost buckets the edges on one thread; here each
// of `parts` slices of the ties counts its edges by source, the counts become each slice's
// insert positions, and the slices place their edges in parallel. The arrays do not depend on
// the number of slices. `ends` are the ties' two vertices.
void fill_rows(std::vector<std::uint32_t>& rowstart, std::vector<std::uint32_t>& column,
               const std::vector<Tie>& ends, std::size_t vertices) {
  constexpr std::size_t kTiesPerPart = std::size_t{1} << 16;  // fewer: one slice
  constexpr std::size_t kMostParts = 4;                       // each slice counts every vertex
  const std::size_t parts = std::clamp<std::size_t>(
      std::min<std::size_t>(static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()),
                            ends.size() / kTiesPerPart),
      1, kMostParts);
  const auto first_tie = [&](std::size_t p) { return ends.size() * p / parts; };
  std::vector<std::vector<std::uint32_t>> next(parts);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    next[p].assign(vertices, 0);
    for (std::size_t k = first_tie(p); k != first_tie(p + 1); ++k) {
      ++next[p][ends[k].a];
      ++next[p][ends[k].b];
    }
  });
  rowstart.assign(vertices + 1, 0);
  std::uint32_t total = 0;
  for (std::size_t v = 0; v < vertices; ++v) {
    rowstart[v] = total;
    for (auto& n : next) total += std::exchange(n[v], total);
  }
  rowstart[vertices] = total;
  column.assign(total, 0);
  tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
    for (std::size_t k = first_tie(p); k != first_tie(p + 1); ++k) {
      column[next[p][ends[k].a]++] = ends[k].b;
      column[next[p][ends[k].b]++] = ends[k].a;
    }
  });
}

}  // namespace

void CollaborationGraph::clear_graph() {
  *csr_ = Csr();
  firm_vertices_ = org_vertices_ = 0;
}

void CollaborationGraph::rebuild(const FirmTable& f, const ResearchTable& r) {
  clear_graph();  // nothing below reads the old graph: free it before the new lists are built
  // The tie list itself holds each tie's two vertices while the graph is built, and its agent
  // keys again after: no second list of ties is held (at national scale ~1 GB at the peak).
  // Each tie's vertices are looked up in parallel (a tie to an agent that is gone marked
  // kGone).
  {
    const Scratch<std::int32_t> firm_row = f.rows_by_id();
    for_each_tie(ties.size(), [&](std::size_t k) {
      const auto a = vertex_of(agent_key(ties[k].a), firm_row, f, r),
                 b = vertex_of(agent_key(ties[k].b), firm_row, f, r);
      const bool keep = a >= 0 && b >= 0 && a != b;
      ties[k] = {keep ? static_cast<std::uint32_t>(a) : kGone,
                 keep ? static_cast<std::uint32_t>(b) : kGone};
    });
  }
  // The kept ties and kinds moved forward in order, in place (capacity kept, so that the
  // year's new ties find the room they found before).
  std::size_t kept = 0;
  for (std::size_t k = 0; k < ties.size(); ++k) {
    if (ties[k].a == kGone) continue;
    ties[kept] = ties[k];
    kinds[kept++] = kinds[k];
  }
  ties.resize(kept);
  kinds.resize(kept);
  firm_vertices_ = f.size();
  org_vertices_ = r.orgs.size();
  // Each tie is an edge both ways (edge 2k one way, 2k + 1 back); two ties between the same
  // pair make a stronger link (two edges). The graph depends on the tie list alone.
  fill_rows(csr_->m_forward.m_rowstart, csr_->m_forward.m_column, ties,
            f.size() + r.orgs.size() + r.platforms.size());
  // Vertices back to agent keys: a vertex is a live agent's row, so each key is the one the
  // tie held before.
  const auto key_of = [&](std::uint32_t v) -> std::uint64_t {
    if (v < firm_vertices_) return f.id[v];
    if (v < firm_vertices_ + org_vertices_) return kOrgKey | r.orgs[v - firm_vertices_].id;
    return kPlatformKey | r.platforms[v - firm_vertices_ - org_vertices_].id;
  };
  for_each_tie(ties.size(), [&](std::size_t k) {
    ties[k] = {tie_end(key_of(ties[k].a)), tie_end(key_of(ties[k].b))};
  });
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
