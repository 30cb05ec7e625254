#include "phases/collaboration.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "phases/phase_context.h"
#include "policy/levers/networks.h"

namespace innosim {
namespace {

// Draws a leader makes per member slot before it settles for fewer members (a search bound).
constexpr int kMemberTries = 4;
// Rows whose supply partners are drawn at once (bounds the buffer at 8 MB; memory only).
constexpr std::size_t kSupplyBlock = std::size_t{1} << 20;

using SectorRows = std::vector<std::vector<std::uint32_t>>;

SectorRows rows_by_sector(const FirmTable& f, const ModelConfig& m) {
  SectorRows rows(m.region.sectors.size());
  for (std::size_t i = 0; i < f.size(); ++i)
    rows[f.sector[i]].push_back(static_cast<std::uint32_t>(i));
  return rows;
}

// Supply ties of the firms new since the last year end (a suffix of the rows: rows are in id
// order), each firm's partners drawn from its own stream in parallel, a block of rows at a
// time, then added in row order: the tie list does not depend on the schedule.
void supply_ties(Ecosystem& eco, const FirmTable& f, std::uint64_t next_firm_id, Now at,
                 const ModelConfig& m, const SectorRows& sector_rows) {
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  const auto per = static_cast<std::size_t>(std::max(0, m.network.supply_ties));
  const auto first = static_cast<std::size_t>(
      std::lower_bound(f.id.begin(), f.id.end(), eco.network_next_id) - f.id.begin());
  std::vector<std::uint32_t> partner;
  for (std::size_t block = first; block < f.size() && per > 0; block += kSupplyBlock) {
    const std::size_t end = std::min(f.size(), block + kSupplyBlock);
    partner.assign((end - block) * per, kNone);
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(block, end, kFirmsPerTask),
        [&](const tbb::blocked_range<std::size_t>& rows) {
          for (std::size_t i = rows.begin(); i != rows.end(); ++i) {
            const auto& peers = sector_rows[f.sector[i]];
            Stream s = firm_stream(at, f, i, Purpose::kSupplyTie);
            for (std::size_t t = 0; t < per; ++t) {
              const std::uint32_t j =
                  peers[static_cast<std::size_t>(s.uniform() * static_cast<double>(peers.size()))];
              if (j != i) partner[(i - block) * per + t] = j;
            }
          }
        });
    for (std::size_t k = 0; k < partner.size(); ++k)
      if (partner[k] != kNone)
        eco.network.add(f.id[block + k / per], f.id[partner[k]], TieKind::kSupply);
  }
  eco.network_next_id = next_firm_id;
}

void consortia(Ecosystem& eco, const FirmTable& f, FiscalState& fiscal, Now at,
               const ModelConfig& m, const SectorRows& sector_rows) {
  const NetworkParams& p = m.network;
  const int year = at.clock.year;
  std::erase_if(eco.consortia,
                [&](const Consortium& c) { return c.end_year < year || f.find(c.leader) < 0; });
  std::vector<std::uint64_t> leading;
  for (const auto& c : eco.consortia) leading.push_back(c.leader);
  std::sort(leading.begin(), leading.end());
  std::vector<std::uint32_t> universities;
  for (const auto& o : eco.research.orgs)
    if (o.kind == kUniversity) universities.push_back(o.id);
  const double expected = consortium_expected_rate(fiscal, year, m);
  const double prob = std::min(1.0, p.consortium_prob * (1.0 + p.consortium_response * expected));
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.revenue[i] < p.leader_min_revenue || !(f.has(i, kHnte) || f.has(i, kDemo))) continue;
    if (std::binary_search(leading.begin(), leading.end(), f.id[i])) continue;
    Stream s = firm_stream(at, f, i, Purpose::kConsortium);
    if (s.uniform() >= prob) continue;
    Consortium c;
    c.leader = f.id[i];
    c.end_year = year + p.consortium_years;
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
      eco.network.add(c.leader, member, TieKind::kConsortium);
      if (c.university) eco.network.add(member, kOrgKey | c.university, TieKind::kUniversity);
    }
    if (c.university) eco.network.add(c.leader, kOrgKey | c.university, TieKind::kUniversity);
    eco.consortia.push_back(std::move(c));
  }
  consortium_claims(fiscal, f, eco.consortia, year, m);
}

}  // namespace

void collaboration_year_end(Ecosystem& eco, FirmTable& f, FiscalState& fiscal,
                            std::uint64_t next_firm_id, Now at, const ModelConfig& m) {
  // Nothing reads the graph until it is rebuilt below (the national run's peak was the new
  // ties' list growing beside the old graph).
  eco.network.clear_graph();
  const auto sector_rows = rows_by_sector(f, m);
  supply_ties(eco, f, next_firm_id, at, m, sector_rows);
  consortia(eco, f, fiscal, at, m, sector_rows);
  flying_rd_centers_year_end(f, fiscal, eco.east_link, at, m);
  eco.network.rebuild(f, eco.research);
}

double network_spillover(const FirmTable& f, const Ecosystem& eco, const ModelConfig& m,
                         std::size_t i) {
  const double k = eco.network.neighbour_knowledge(i, f, eco.research);
  return k * m.innovation.knowledge_depreciation * step_years(m) / 1e6;
}

}  // namespace innosim
