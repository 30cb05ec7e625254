// Everything that changes during one replicate: the agents, the clock, the year's
// accumulators and the fiscal ledger. The frozen configuration is a separate `const
// ModelConfig&`; the pair (World&, const ModelConfig&) is what every phase receives.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/carrier_table.h"
#include "agents/firm_table.h"
#include "agents/research_table.h"
#include "agents/talent_table.h"
#include "network/collaboration_graph.h"
#include "observe/indicator_catalog.h"
#include "policy/claims.h"
#include "policy/fiscal_ledger.h"

namespace innosim {

// Identifies the random streams of one replicate of one region. The region's salt (a hash
// of its name, in the high bits) keeps each region's streams its own whatever else is in the
// run, so a region simulated alongside others draws what it draws alone.
struct RunKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t region_salt = 0;
  std::uint64_t stream() const { return replicate ^ region_salt; }
};

// Talent flows of the current year, persons (individual agents and the pool together).
struct TalentFlows {
  double inflow = 0;     // from outside the region: east hub, other regions, allowances, teams
  double outflow = 0;    // departures from the region
  double graduates = 0;  // graduates retained in the region
  double retirements = 0;
};

// A talent leaving the region this year, with what a destination region needs to know.
struct Migrant {
  TalentType type = kRdTalent;
  float skill = 0;
  std::uint64_t talent_id = 0;  // in the region it leaves, keys its destination draw
};

// A consortium project around a chain leader (创新联合体).
struct Consortium {
  std::uint64_t leader = 0;
  std::vector<std::uint64_t> members;
  std::uint32_t university = 0;
  int end_year = 0;
};

// Money given by levers to agents that are not firms (firms record it in support_year).
struct NonFirmReceipts {
  double banks = 0;  // risk-pool compensation for defaulted tech loans
  double carriers =
      0;  // awards, subsidies and flying-incubator support (also on each carrier, which may close)
  double talents = 0;          // allowances and leading-talent funding
  double public_research = 0;  // fiscal_rd_growth on top of public R&D
};

template <std::size_t N = kLeverCount>
constexpr std::array<double, N> filled(double v) {
  std::array<double, N> a{};
  a.fill(v);
  return a;
}

struct World {
  RunKey key;
  FirmTable firms;
  FirmTable exited;  // the last year's exits, with their flows up to exit (moved at year end,
                     // cleared when a year opens)
  std::uint64_t next_firm_id = 0;

  int step = 0;     // steps since the start of the first simulated year
  int year = 0;     // calendar year of the current step
  int substep = 0;  // 0 .. steps_per_year-1 within the year

  double value_added_ratio = 0;   // calibrated at initialisation: firm VA / revenue
  double gdp_other = 0;           // non-simulated GDP this year, CNY
  double public_rd = 0;           // non-business R&D this year, CNY
  double public_rd_no_lever = 0;  // the same without fiscal_rd_growth, CNY
  double public_rd_extra = 0;     // what fiscal_rd_growth adds this year, within its budget, CNY
  std::vector<double> sector_productivity;  // mean log productivity by sector, start of step

  // Accumulated over the current year.
  double entries = 0;
  double exits = 0;
  double tax_expenditure = 0;
  double relocations = 0;
  FiscalLedger ledger;
  std::array<std::vector<Claim>, kLeverCount> pending;
  // Share of the claims due that each lever paid the last time it had any (1 while its budget
  // does not bind): what agents expect a claim to be worth when they decide.
  std::array<double, kLeverCount> payout_ratio = filled(1.0);
  NonFirmReceipts receipts;  // this year

  // The ecosystem (docs/ODD.md section 7).
  CarrierTable carriers;
  TalentTable talent;
  std::uint64_t next_talent_id = 0;
  double talent_pool = 0;          // the talent stock not modelled individually, persons
  TalentFlows talent_flows;        // this year
  std::vector<Migrant> emigrants;  // left this year for another region (filled at year end)
  std::vector<Migrant> arrivals;   // from other regions of the run, absorbed at year end
  double east_inflow_rate = 0;     // cooperation inflow from the east hub, per talent a year
  bool east_link = false;  // the region has an edge to the east hub (flying levers act along it)
  ResearchTable research;
  CollaborationGraph network;
  std::vector<Consortium> consortia;
  double transfer_scale =
      0;  // contracts a year per unit of contract-weighted knowledge (calibrated at init)
  double tech_contract_turnover = 0;  // this year, CNY
  double vc_invested = 0;             // this year, CNY
  double guidance_committed = 0;      // government money the guidance fund has invested so far, CNY
  // Startups decided at a year end, founded in the next step's entry phase.
  std::vector<std::uint64_t> founders;  // talent ids of R&D talents starting firms
  std::vector<std::uint32_t>
      spinoff_orgs;                   // research organisations spinning off a firm (one entry each)
  int flying_startups = 0;            // graduates of flying incubators moving home
  std::uint64_t network_next_id = 0;  // firms with ids from here on have not formed ties yet

  std::array<double, kIndicatorCount> indicators{};  // last computed year
};

}  // namespace innosim
