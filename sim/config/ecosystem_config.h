// Parameters of the ecosystem around the firms (BRIEF 3.2-3.3): incubation carriers, talent,
// research organisations and platforms, venture money and banks, the collaboration network,
// and the region's links to other regions. Meanings, units and ranges are declared in
// ecosystem_schema.cpp; defaults and their sources are in configs/model.toml.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace innosim {

enum CarrierKind : int { kMakerSpace, kIncubator, kAccelerator, kCarrierKinds };
inline constexpr std::array<const char*, kCarrierKinds> kCarrierKindNames = {
    "maker_space", "incubator", "accelerator"};
enum CarrierLevel : int { kMunicipal, kProvincial, kNational, kCarrierLevels };
inline constexpr std::array<const char*, kCarrierLevels> kCarrierLevelNames = {
    "municipal", "provincial", "national"};

struct CarrierParams {
  std::vector<double> capacity{30, 50, 20};  // tenants a municipal carrier holds, by kind
  double capacity_per_level = 0.5;           // extra capacity share per level above municipal
  std::vector<double> term_years{1, 3, 2};   // years to graduation, by kind
  std::vector<double> construction_cost{1e6, 3e6, 5e6};  // CNY to open one, by kind
  double apply_prob = 0.3;                               // share of startups applying to a carrier
  double accelerator_max_age = 6;                        // oldest firm an accelerator admits, yr
  double quality_mean = 0.6;      // mean service quality (acceptance probability, benefit scale)
  double hazard_reduction = 0.3;  // tenants' exit hazard falls by this times quality
  double growth_bonus = 0.05;     // tenants' extra log revenue growth a year, times quality
  double open_rate = 0.05;        // openings a year per existing carrier of the kind
  double demand_response = 1.0;   // rise of openings per unit of excess demand over capacity
  double award_response =
      1.0;  // rise of openings and upgrades per unit of support over construction cost
  double close_rate = 0.03;        // closures a year per carrier
  double low_occupancy = 0.3;      // below this occupancy the closure rate triples
  double upgrade_prob = 0.1;       // yearly probability an eligible carrier is certified a level up
  double upgrade_occupancy = 0.7;  // occupancy needed to apply for the next level
  double upgrade_min_age = 2;      // yr
  double quality_per_million = 0.05;  // quality gained per million CNY of award money
};

struct TalentParams {
  double wage = 2e5;  // CNY/yr, pay of an R&D worker (the allowance is measured against it)
  double retirement_rate = 0.03;    // 1/yr
  double outflow_rate = 0.04;       // 1/yr at no wage or amenity gap
  double wage_gap = 0.3;            // log gap of wages and amenities to the east hub
  double gap_effect = 1.0;          // outflow rises exp(gap_effect * wage_gap)
  double inflow_rate = 0.05;        // inflows a year per talent in the region
  double allowance_response = 1.0;  // inflow rise and outflow fall per unit allowance / wage
  double graduate_rd_share = 0.05;  // share of graduates who would take R&D jobs
  double graduate_retention = 0.4;  // share of graduates who stay in the region
  double leading_response = 1.0;    // rise of leading-talent inflow per 1M CNY of funding
  double team_share = 0.3;          // share of leading talents who come with a team
  double team_size = 4;             // R&D talents a team brings
  double leading_effect =
      0.3;  // innovation rate multiplier per leading talent at a firm (plus one)
  double entrepreneurship_rate = 0.01;  // startups a year per unemployed R&D talent
  double carrier_effect = 1.0;  // rise of entrepreneurship per free carrier place per 100 talents
  double vc_effect = 1.0;       // rise of entrepreneurship per 1M CNY of VC a year per 100 talents
  double rd_fte_per_person = 0.8;  // FTE an R&D person works
};

struct ResearchParams {
  std::vector<double> budget_weight{
      1.0, 1.0, 0.5};  // share weights of public R&D: university, institute, new R&D institute
  double contract_median = 5e5;  // CNY, median technology contract
  double contract_sigma = 1.0;   // log dispersion of contract values
  double transfer_price_elasticity =
      -1.0;                     // of the number of contracts w.r.t. the buyer's net cost
  double transfer_gain = 0.02;  // log productivity a buyer gains per contract
  double spinoff_rate = 0.02;   // spin-offs a year per 100M CNY of research budget
  double new_institute_rate =
      0.05;  // new R&D institutes a year per existing one (at least one a decade)
  double award_response = 1.0;           // rise of openings per 1M CNY of one-off award
  double platform_rate = 0.05;           // new platforms a year per existing platform
  double platform_response = 0.3;        // rise of platform openings per 1M CNY of yearly award
  double platform_national_share = 0.1;  // share of platforms at national level
  double platform_budget = 2e6;          // CNY/yr a platform spends on research without awards
  double scaleup_prob = 0.1;             // yearly probability a firm that innovated scales up
  double scaleup_investment = 0.1;       // scale-up investment over revenue
  double scaleup_gain = 0.03;            // log productivity gained by scaling up
  double voucher_gain = 0.5;             // R&D capital gained per yuan of voucher services
};

struct FinanceParams {
  std::vector<double> stage_max_age{
      2, 5, 10};  // oldest firm funds of each stage invest in: seed, early, growth
  double deal_revenue_multiple = 1.0;  // deal size over revenue
  double min_deal = 1e6;               // CNY
  double max_deal = 5e7;               // CNY
  double hazard_reduction = 0.3;       // VC-backed firms' exit hazard falls by this share
  double hold_years =
      7;  // funds exit a firm this many years after its stage's age limit, or when it lists
  double score_noise = 0.5;         // dispersion of the funds' screening error
  double loan_revenue_share = 0.2;  // loan size over revenue
  int loan_term_years = 3;
  double interest_rate = 0.05;  // 1/yr
};

struct NetworkParams {
  int supply_ties = 2;              // supply-chain ties a firm forms to firms of its sector
  double leader_min_revenue = 2e8;  // CNY/yr, a chain leader's revenue
  double consortium_prob = 0.05;  // yearly probability a leader forms a consortium without support
  double consortium_response = 2.0;  // rise of that probability per unit of support rate
  int consortium_members = 4;        // SMEs in a consortium
  int consortium_years = 3;
  double project_rd_share = 0.3;  // consortium project R&D over the leader's R&D
  int platform_ties = 5;          // firms a platform serves
};

// An edge of the region graph from this region: where its talent goes and what comes back.
struct RegionLink {
  std::string to;            // another preset's name, or "east" (the exogenous hub)
  double outflow_share = 0;  // share of this region's talent outflow that moves there
  double inflow_rate = 0;    // inflow from there a year per talent here (east-west cooperation)
};

// Base-year stocks of the ecosystem, from the preset.
struct RegionEcosystem {
  double talent_total = 0;
  double rd_personnel = 0;
  double leading_talents = 0;
  double graduates = 0;  // per year
  double universities = 0;
  double research_institutes = 0;
  double new_rd_institutes = 0;
  double platforms = 0;
  double tech_contract_turnover = 0;
  double vc_private = 0;                      // private venture investment a year, CNY
  std::vector<double> maker_spaces{0, 0, 0};  // by level: municipal, provincial, national
  std::vector<double> incubators{0, 0, 0};
  std::vector<double> accelerators{0, 0, 0};
  std::vector<RegionLink> links;
};

}  // namespace innosim
