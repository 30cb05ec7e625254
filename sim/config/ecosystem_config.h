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
  std::vector<double> capacity{};
  double capacity_per_level{};
  std::vector<double> term_years{};
  std::vector<double> construction_cost{};
  double apply_prob{};
  double accelerator_max_age{};
  double quality_mean{};
  double hazard_reduction{};
  double growth_bonus{};
  double open_rate{};
  double demand_response{};
  double award_response{};
  double close_rate{};
  double low_occupancy{};
  double upgrade_prob{};
  double upgrade_occupancy{};
  double upgrade_min_age{};
  double quality_per_million{};
  double maker_space_share{};
  double empty_close_multiplier{};
  double quality_spread{};
  double quality_min{};
  double initial_occupancy{};
  double initial_age{};
};

struct TalentParams {
  double wage{};
  double retirement_rate{};
  double outflow_rate{};
  double wage_gap{};
  double gap_effect{};
  double inflow_rate{};
  double allowance_response{};
  double graduate_rd_share{};
  double graduate_retention{};
  double leading_response{};
  double team_share{};
  double team_size{};
  double leading_effect{};
  double entrepreneurship_rate{};
  double carrier_effect{};
  double vc_effect{};
  double rd_fte_per_person{};
  double graduate_skill_max{};
  double staff_slack{};
  double demand_response{};
};

struct ResearchParams {
  std::vector<double> budget_weight{};
  double contract_median{};
  double contract_sigma{};
  double transfer_price_elasticity{};
  double transfer_gain{};
  double firm_seller_share{};
  double spinoff_rate{};
  double new_institute_rate{};
  double award_response{};
  double platform_rate{};
  double platform_response{};
  double platform_national_share{};
  double platform_budget{};
  double scaleup_prob{};
  double scaleup_investment{};
  double scaleup_gain{};
  double voucher_gain{};
  double min_net_cost{};
};

struct FinanceParams {
  std::vector<double> stage_max_age{};
  double deal_revenue_multiple{};
  double min_deal{};
  double max_deal{};
  double hazard_reduction{};
  double hold_years{};
  double score_noise{};
  double loan_revenue_share{};
  int loan_term_years{};
  double interest_rate{};
  double score_growth_weight{};
  double score_signal_weight{};
  double min_principal{};
};

struct NetworkParams {
  int supply_ties{};
  double leader_min_revenue{};
  double consortium_prob{};
  double consortium_response{};
  int consortium_members{};
  int consortium_years{};
  double project_rd_share{};
  int platform_ties{};
};

// The exogenous hub of the region graph (the eastern provinces), never simulated.
inline constexpr const char* kEastHub = "east";

// An edge of the region graph from this region: where its talent goes and what comes back.
struct RegionLink {
  std::string to;  // another preset's name, or kEastHub
  double outflow_share{};
  double inflow_rate{};
};

// Base-year stocks of the ecosystem, from the preset.
struct RegionEcosystem {
  double talent_total{};
  double rd_personnel{};
  double leading_talents{};
  double graduates{};
  double universities{};
  double research_institutes{};
  double new_rd_institutes{};
  double platforms{};
  double tech_contract_turnover{};
  double vc_private{};
  std::vector<double> maker_spaces{};
  std::vector<double> incubators{};
  std::vector<double> accelerators{};
  std::vector<RegionLink> links;
};

}  // namespace innosim
