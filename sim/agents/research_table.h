// Universities, public research institutes and new R&D institutes, and the platforms (key
// labs, engineering/technology centres). Few enough for vectors of structs in id order.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/find_by_id.h"

namespace innosim {

enum OrgKind : std::uint8_t { kUniversity = 0, kResearchInstitute = 1, kNewRdInstitute = 2 };

struct ResearchOrg {
  std::uint32_t id = 0;
  OrgKind kind = kUniversity;
  double budget = 0;     // public R&D it spends this year, CNY
  double knowledge = 0;  // research capital (perpetual inventory), CNY
  double received = 0;   // lever money received this year, CNY
  int opened_year = 0;
};

struct Platform {
  std::uint32_t id = 0;
  bool national = false;
  std::uint32_t host_org = 0;  // the organisation that hosts it
  double knowledge = 0;        // CNY
  double received = 0;         // lever money received this year, CNY
};

struct ResearchTable {
  std::vector<ResearchOrg> orgs;
  std::vector<Platform> platforms;
  std::uint32_t next_org_id = 1;
  std::uint32_t next_platform_id = 1;

  int count(OrgKind k) const {
    int n = 0;
    for (const auto& o : orgs) n += o.kind == k;
    return n;
  }
  // Rows of the organisation or platform with this id, or -1 (both kept in id order).
  std::int64_t org_row(std::uint32_t id) const { return find_by_id(orgs, id); }
  std::int64_t platform_row(std::uint32_t id) const { return find_by_id(platforms, id); }
};

}  // namespace innosim
