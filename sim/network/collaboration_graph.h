// The collaboration network (BRIEF 3.2): ties between firms (supply chain, consortium),
// firms and research organisations (contracts, consortia) and firms and platforms, along
// which knowledge spills over. Ties are kept as a list of agent keys; once a year, when the
// firm table has been compacted, the list is pruned of exited firms and a Boost.Graph
// compressed-sparse-row graph is built over table rows, so that the per-step spillover pass
// reads neighbours in fixed order without locks. Firms that entered since the last rebuild
// have no neighbours until the next one.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "agents/firm_table.h"
#include "agents/research_table.h"
#include "core/capacity.h"
#include "core/ids.h"

namespace innosim {

enum class TieKind : std::uint8_t { kSupply, kConsortium, kUniversity, kPlatform };

// A tie's two ends as 32-bit keys: a firm id below 2^30, or an organisation's or platform's id
// tagged in the top two bits (8 bytes a tie instead of 16: a national run has ~150M ties).
struct Tie {
  std::uint32_t a = 0, b = 0;
};
inline constexpr std::uint32_t kTieOrg = std::uint32_t{1} << 30;
inline constexpr std::uint32_t kTiePlatform = std::uint32_t{2} << 30;
inline constexpr std::uint32_t kTieIdLimit = kTieOrg;  // ids below this fit a tie end

// An agent key (core/ids.h) as a tie end, and back; ModelError for an id of 2^30 or more.
std::uint32_t tie_end(std::uint64_t key);
inline std::uint64_t agent_key(std::uint32_t end) {
  const std::uint64_t id = end & (kTieIdLimit - 1);
  return (end & kTiePlatform) ? kPlatformKey | id : (end & kTieOrg) ? kOrgKey | id : id;
}

class CollaborationGraph {
 public:
  CollaborationGraph();
  ~CollaborationGraph();
  CollaborationGraph(CollaborationGraph&&) noexcept;
  CollaborationGraph& operator=(CollaborationGraph&&) noexcept;
  CollaborationGraph(const CollaborationGraph& other);
  CollaborationGraph& operator=(const CollaborationGraph& other);

  std::vector<Tie> ties;
  std::vector<TieKind> kinds;  // of each tie (kept apart: 9 bytes a tie instead of 12)

  void add(std::uint64_t a, std::uint64_t b, TieKind kind) {
    // A national run holds ~150M ties.
    if (ties.size() == ties.capacity()) {
      const std::size_t n = grown_capacity(ties.size());
      ties.reserve(n);
      kinds.reserve(n);
    }
    ties.push_back({tie_end(a), tie_end(b)});
    kinds.push_back(kind);
  }
  // Frees the graph (neighbour queries then see no ties) while the tie list stays: the year
  // end's new ties are added without the old graph held beside them.
  void clear_graph();
  // Drops ties to agents no longer present and rebuilds the graph over the current rows.
  void rebuild(const FirmTable& f, const ResearchTable& r);
  // Sum over the neighbours of firm row `i` of their knowledge divided by their degree
  // (a partner shares what it knows among its partners), CNY.
  double neighbour_knowledge(std::size_t i, const FirmTable& f, const ResearchTable& r) const;
  bool adjacent(std::size_t firm_row, std::size_t other_firm_row) const;
  // Memory held by the tie list and the graph, bytes.
  std::size_t bytes() const;

 private:
  // The Boost.Graph CSR graph, kept out of this header so that Boost stays inside network/.
  struct Csr;
  double knowledge_of(std::size_t v, const FirmTable& f, const ResearchTable& r) const;
  std::unique_ptr<Csr> csr_;
  std::size_t firm_vertices_ = 0;
  std::size_t org_vertices_ = 0;
};

}  // namespace innosim
