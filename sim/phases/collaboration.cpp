#include "phases/collaboration.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/levers/networks.h"

namespace innosim {
namespace {

// Draws a leader makes per member slot before it settles for fewer members (a search bound).
constexpr int kMemberTries = 4;

using SectorRows = std::vector<std::vector<std::uint32_t>>;

SectorRows rows_by_sector(const World& w, const ModelConfig& m) {
  SectorRows rows(m.region.sectors.size());
  for (std::size_t i = 0; i < w.firms.size(); ++i)
    rows[w.firms.sector[i]].push_back(static_cast<std::uint32_t>(i));
  return rows;
}

void supply_ties(World& w, const ModelConfig& m, const SectorRows& sector_rows) {
  const FirmTable& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.id[i] < w.eco.network_next_id) continue;
    const auto& peers = sector_rows[f.sector[i]];
    Stream s = firm_stream(w, i, Purpose::kSupplyTie);
    for (int t = 0; t < m.network.supply_ties; ++t) {
      const std::size_t j =
          peers[static_cast<std::size_t>(s.uniform() * static_cast<double>(peers.size()))];
      if (j != i) w.eco.network.add(f.id[i], f.id[j], TieKind::kSupply);
    }
  }
  w.eco.network_next_id = w.next_firm_id;
}

void consortia(World& w, const ModelConfig& m, const SectorRows& sector_rows) {
  FirmTable& f = w.firms;
  const NetworkParams& p = m.network;
  std::erase_if(w.eco.consortia, [&](const Consortium& c) {
    return c.end_year < w.clock.year || f.find(c.leader) < 0;
  });
  std::vector<std::uint64_t> leading;
  for (const auto& c : w.eco.consortia) leading.push_back(c.leader);
  std::sort(leading.begin(), leading.end());
  std::vector<std::uint32_t> universities;
  for (const auto& o : w.eco.research.orgs)
    if (o.kind == kUniversity) universities.push_back(o.id);
  const double expected = consortium_expected_rate(w, m);
  const double prob = std::min(1.0, p.consortium_prob * (1.0 + p.consortium_response * expected));
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.revenue[i] < p.leader_min_revenue || !(f.has(i, kHnte) || f.has(i, kDemo))) continue;
    if (std::binary_search(leading.begin(), leading.end(), f.id[i])) continue;
    Stream s = firm_stream(w, i, Purpose::kConsortium);
    if (s.uniform() >= prob) continue;
    Consortium c;
    c.leader = f.id[i];
    c.end_year = w.clock.year + p.consortium_years;
    const auto& peers = sector_rows[f.sector[i]];
    for (int k = 0; k < kMemberTries * p.consortium_members &&
                    static_cast<int>(c.members.size()) < p.consortium_members;
         ++k) {
      const std::size_t j =
          peers[static_cast<std::size_t>(s.uniform() * static_cast<double>(peers.size()))];
      if (j != i && f.has(j, kRdActive) &&
          std::find(c.members.begin(), c.members.end(), f.id[j]) == c.members.end())
        c.members.push_back(f.id[j]);
    }
    if (!universities.empty())
      c.university = universities[static_cast<std::size_t>(
          s.uniform() * static_cast<double>(universities.size()))];
    for (std::uint64_t member : c.members) {
      w.eco.network.add(c.leader, member, TieKind::kConsortium);
      if (c.university) w.eco.network.add(member, kOrgKey | c.university, TieKind::kUniversity);
    }
    if (c.university) w.eco.network.add(c.leader, kOrgKey | c.university, TieKind::kUniversity);
    w.eco.consortia.push_back(std::move(c));
  }
  consortium_claims(w, m);
}

}  // namespace

void collaboration_year_end(World& w, const ModelConfig& m) {
  const auto sector_rows = rows_by_sector(w, m);
  supply_ties(w, m, sector_rows);
  consortia(w, m, sector_rows);
  flying_rd_centers_year_end(w, m);
  w.eco.network.rebuild(w.firms, w.eco.research);
}

double network_spillover(const World& w, const ModelConfig& m, std::size_t i) {
  const double k = w.eco.network.neighbour_knowledge(i, w.firms, w.eco.research);
  return k * m.innovation.knowledge_depreciation * step_years(m) / 1e6;
}

}  // namespace innosim
