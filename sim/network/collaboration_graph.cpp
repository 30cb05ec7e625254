#include "network/collaboration_graph.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <numeric>
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

// The graph's two arrays (row starts, and each edge's target by source), filled as Boost's
// unsorted constructor fills them: edge j is tie j / 2, forwards for even j, back for odd,
// and a source's edges keep their order j. Boost buckets the edges on one thread; here each
// of `parts` slices of the ties counts its edges by source, the counts become each slice's
// insert positions, and the slices place their edges in parallel. The arrays do not depend on
// the number of slices. Ends marked kGone are no tie: skipped, as if the list were compacted.
constexpr std::uint32_t kGone = ~std::uint32_t{0};

void fill_rows(std::vector<std::uint32_t>& rowstart, std::vector<std::uint32_t>& column,
               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ends,
               std::size_t vertices) {
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
      if (ends[k].first == kGone) continue;
      ++next[p][ends[k].first];
      ++next[p][ends[k].second];
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
      if (ends[k].first == kGone) continue;
      column[next[p][ends[k].first]++] = ends[k].second;
      column[next[p][ends[k].second]++] = ends[k].first;
    }
  });
}

}  // namespace

void CollaborationGraph::rebuild(const FirmTable& f, const ResearchTable& r) {
  *csr_ = Csr();  // nothing below reads the old graph: free it before the new lists are built
  Scratch<std::int32_t> firm_row = f.rows_by_id();
  // Each tie's two vertices, looked up in parallel (a tie to an agent that is gone marked
  // kGone), each block of ties counting the ones it keeps.
  constexpr std::size_t kTiesPerBlock = std::size_t{1} << 14;
  const std::size_t blocks = (ties.size() + kTiesPerBlock - 1) / kTiesPerBlock;
  std::vector<std::size_t> offset(blocks + 1, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends(ties.size());
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t blk) {
    std::size_t kept = 0;
    for (std::size_t k = blk * kTiesPerBlock, end = std::min(ties.size(), k + kTiesPerBlock);
         k < end; ++k) {
      const auto a = vertex_of(agent_key(ties[k].a), firm_row, f, r),
                 b = vertex_of(agent_key(ties[k].b), firm_row, f, r);
      const bool keep = a >= 0 && b >= 0 && a != b;
      ends[k] = {keep ? static_cast<std::uint32_t>(a) : kGone,
                 keep ? static_cast<std::uint32_t>(b) : kGone};
      kept += keep;
    }
    offset[blk + 1] = kept;
  });
  Scratch<std::int32_t>().swap(firm_row);
  // The kept ties and kinds in order: each block copies its own to its offset in new lists
  // (as long as the old ones, so that the year's new ties find the room they found before).
  std::partial_sum(offset.begin(), offset.end(), offset.begin());
  std::vector<Tie> kept_ties;
  std::vector<TieKind> kept_kinds;
  kept_ties.reserve(ties.size());
  kept_kinds.reserve(ties.size());
  kept_ties.resize(offset[blocks]);
  kept_kinds.resize(offset[blocks]);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t blk) {
    std::size_t j = offset[blk];
    for (std::size_t k = blk * kTiesPerBlock, end = std::min(ties.size(), k + kTiesPerBlock);
         k < end; ++k) {
      if (ends[k].first == kGone) continue;
      kept_ties[j] = ties[k];
      kept_kinds[j++] = kinds[k];
    }
  });
  ties.swap(kept_ties);
  kinds.swap(kept_kinds);
  std::vector<Tie>().swap(kept_ties);
  std::vector<TieKind>().swap(kept_kinds);
  firm_vertices_ = f.size();
  org_vertices_ = r.orgs.size();
  // Each tie is an edge both ways (edge 2k one way, 2k + 1 back); two ties between the same
  // pair make a stronger link (two edges). The graph depends on the tie list alone.
  fill_rows(csr_->m_forward.m_rowstart, csr_->m_forward.m_column, ends,
            f.size() + r.orgs.size() + r.platforms.size());
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
