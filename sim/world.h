// Everything that changes during one replicate, split by concern: the clock, the firms, the
// macro quantities, the ecosystem agents, the year's totals (one reset), the fiscal state
// that outlives a year, and the queues phases hand to each other. The frozen configuration
// is a separate `const ModelConfig&`.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/carrier_table.h"
#include "agents/firm_table.h"
#include "agents/research_table.h"
#include "agents/talent_table.h"
#include "core/run_key.h"
#include "network/collaboration_graph.h"
#include "observe/indicator_catalog.h"
#include "policy/claims.h"

namespace innosim {

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

// The clock of a replicate.
struct Clock {
  int step = 0;     // steps since the start of the first simulated year
  int year = 0;     // calendar year of the current step
  int substep = 0;  // 0 .. steps_per_year-1 within the year
};

// The region's macro quantities that are not agents.
struct Macro {
  double value_added_ratio = 0;   // calibrated at initialisation: firm VA / revenue
  double gdp_other = 0;           // non-simulated GDP this year, CNY
  double public_rd = 0;           // non-business R&D this year, CNY
  double public_rd_no_lever = 0;  // the same without fiscal_rd_growth, CNY
  double public_rd_extra = 0;     // what fiscal_rd_growth adds this year, within its budget, CNY
  std::vector<double> sector_productivity;  // mean log productivity by sector, start of step
  // Factor on every latent R&D intensity drawn, base year and entrants alike: the base year's
  // R&D calibration (docs/ODD.md 6), at the reference user cost.
  double latent_scale = 1;
  // Exponent k of the base year's high-tech match: a drawn high-tech revenue share s becomes
  // 1 - (1 - s)^k (init/initial_population.cpp); 1 where the preset gives no share to match.
  double high_tech_exponent = 1;
  double smallest_revenue = 0;  // the base year's smallest firm revenue (Pareto x_min), CNY
};

// Everything accumulated over the current year; one reset opens the next.
struct YearTotals {
  double entries = 0;
  double exits = 0;
  double relocations = 0;
  double hnte_certified = 0;  // the year's hnte round (phases/certification.h)
  double hnte_first_certified = 0;
  double hnte_lapsed = 0;
  double tax_expenditure = 0;
  double tech_contract_turnover = 0;  // CNY
  double vc_invested = 0;             // CNY
  TalentFlows talent_flows;
  NonFirmReceipts receipts;
  FiscalLedger ledger;
  void reset() { *this = YearTotals{}; }
};

// The agents around the firms (docs/ODD.md section 7).
struct Ecosystem {
  CarrierTable carriers;
  TalentTable talent;
  std::uint64_t next_talent_id = 0;
  double talent_pool = 0;       // the talent stock not modelled individually, persons
  double east_inflow_rate = 0;  // cooperation inflow from the east hub, per talent a year
  bool east_link = false;  // the region has an edge to the east hub (flying levers act along it)
  ResearchTable research;
  CollaborationGraph network;
  std::uint64_t network_next_id = 0;  // firms with ids from here on have not formed ties yet
  std::vector<Consortium> consortia;
  double transfer_scale = 0;       // contracts a year per million CNY of research knowledge (init)
  double firm_transfer_scale = 0;  // the same per million CNY of firms' R&D capital (init)
  double talent_tightness = 1;     // persons wanted per R&D talent at the last matching
  double base_tightness = 1;       // the same at the base year: migration responds to the change

  // Lever money received is counted per year.
  void open_year() {
    for (auto& c : carriers.rows) c.received = 0;
    for (auto& o : research.orgs) o.received = 0;
    for (auto& p : research.platforms) p.received = 0;
  }
};

// What one phase hands to a later one.
struct Handoffs {
  // Startups decided at a year end, founded in the next step's entry phase.
  std::vector<std::uint64_t> founders;      // talent ids of R&D talents starting firms
  std::vector<std::uint32_t> spinoff_orgs;  // research organisations spinning off a firm
  int flying_startups = 0;                  // graduates of flying incubators moving home
  std::vector<Migrant> emigrants;  // left this year for another region (filled at year end)
  std::vector<Migrant> arrivals;   // from other regions of the run, absorbed at year end
};

struct World {
  RunKey key;
  Clock clock;
  FirmTable firms;
  // The last year's exits, with their flows up to exit, for the firm panel recorded after the
  // year end (cleared when a year opens). A run that records no panel of this world sets
  // keep_exits to false and holds none: a year's exits are ~5% of the firms' memory.
  FirmTable exited;
  bool keep_exits = true;
  std::uint64_t next_firm_id = 0;
  Macro macro;
  Ecosystem eco;
  YearTotals totals;
  FiscalState fiscal;
  Handoffs handoffs;
  Indicators indicators{};  // last computed year
};

}  // namespace innosim
