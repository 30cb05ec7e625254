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
#include "core/ids.h"

namespace innosim {

enum class TieKind : std::uint8_t { kSupply, kConsortium, kUniversity, kPlatform };

struct Tie {
  std::uint64_t a = 0, b = 0;
};

class CollaborationGraph {
 public:
  CollaborationGraph();
  ~CollaborationGraph();
  CollaborationGraph(CollaborationGraph&&) noexcept;
  CollaborationGraph& operator=(CollaborationGraph&&) noexcept;
  CollaborationGraph(const CollaborationGraph& other);
  CollaborationGraph& operator=(const CollaborationGraph& other);

  std::vector<Tie> ties;
  std::vector<TieKind>
      kinds;  // of each tie (kept apart: 16 bytes a tie instead of 24 at national scale)

  void add(std::uint64_t a, std::uint64_t b, TieKind kind) {
    ties.push_back({a, b});
    kinds.push_back(kind);
  }
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
