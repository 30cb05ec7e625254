// The typed, validated configuration of one run of one scenario: model parameters, the
// region preset, lever settings. Built once at load (config_loader.h) and never changed
// afterwards; the model reads it as `const`. Meanings, units and ranges of every field are
// declared once, in model_schema.cpp; defaults and their sources are in configs/model.toml.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "config/calibration_config.h"
#include "config/ecosystem_config.h"
#include "config/lever_config.h"

namespace innosim {

struct TimeConfig {
  int steps_per_year = 4;
  int end_year = 2025;
};

// A sector of the regional economy (from the preset), with its own parameters.
struct Sector {
  std::string name;
  double share = 1.0;                 // of firms
  double industrial_share = 0.2;      // of the sector's firms that are industrial
  double high_tech_share = 0.25;      // of the sector's firms with products in the high-tech fields
  double rd_intensity_median = 0.02;  // latent R&D intensity of a performer
  double growth_drift = 0.0;          // 1/yr
};

struct FirmParams {
  double revenue_pareto_alpha = 1.05;
  double revenue_per_employee = 1e6;
  double entry_rate = 0.1;
  double entrant_revenue_median = 1e6;
  double entrant_revenue_sigma = 1.0;
  double exit_hazard = 0.06;
  double exit_young_excess = 1.5;
  double exit_age_scale = 3.0;
  double exit_size_elasticity = 0.1;
  double exit_reference_revenue = 1e6;
  double growth_shock_scale = 0.15;
  double productivity_response = 0.3;
  double profit_margin = 0.06;
  double cash_cap_ratio = 0.3;
  double exit_loss_multiplier = 1.5;
  double exit_illiquid_multiplier = 2.0;
  double relocation_rate = 0.005;
  double relocation_hnte_share = 0.05;
  double relocation_tech_sme_share = 0.1;
  double relocation_revenue_median = 3e7;
};

struct RdParams {
  double price_elasticity = -1.0;
  double adjustment_speed = 0.5;
  double latent_intensity_sigma = 0.8;
  double max_intensity = 0.3;
  double cost_per_rd_worker = 3e5;
  double start_rate = 0.08;
  double stop_rate = 0.17;
  double st_staff_per_rd_staff = 1.5;
  double relabel_gap_share = 0.3;
  double relabel_cost = 0.1;
  double bunching_margin = 0.02;
};

struct InnovationParams {
  double success_per_million = 0.3;
  double productivity_gain_mean = 0.05;
  double applications_per_success = 2.0;
  double grant_rate = 0.5;
  double knowledge_depreciation = 0.15;
  double knowledge_effect = 0.2;
  double spillover_effect = 0.1;
};

struct HnteRules {
  double band_small_max = 5e7;
  double band_medium_max = 2e8;
  double rd_share_small = 0.05;
  double rd_share_medium = 0.04;
  double rd_share_large = 0.03;
  double rd_staff_share_min = 0.10;
  double high_tech_revenue_min = 0.60;
  int validity_years = 3;
  double apply_prob = 0.8;
  // R&D-over-revenue threshold for a firm with last-year revenue `revenue` (CNY).
  double threshold(double revenue) const {
    return revenue <= band_small_max    ? rd_share_small
           : revenue <= band_medium_max ? rd_share_medium
                                        : rd_share_large;
  }
};

struct TechSmeRules {
  double max_employees = 500;
  double max_revenue = 2e8;
  double min_score = 60;
  double register_prob = 0.5;
};

struct SpecializedSmeRules {
  double max_employees = 1000;
  double min_age = 2;
  double min_revenue = 1e7;
  double min_rd_intensity = 0.03;
  double min_revenue_growth = 0.05;
  double min_patents = 1;
  double apply_prob = 0.3;
  int validity_years = 3;
};

struct GazelleRules {
  double max_age = 10;
  double min_growth = 0.2;
  double min_revenue = 5e6;
};

struct ListingRules {
  double min_revenue = 3e8;
  double rate = 0.02;
};

struct DemoRules {
  double min_revenue = 5e7;
  double min_rd_intensity = 0.03;
  double min_patents = 5;
  int quota_per_year = 10;
};

struct TaxConfig {
  double corporate_rate = 0.25;
  double hnte_rate = 0.15;
  std::vector<int> super_deduction_years;
  std::vector<double> super_deduction_rate;
  std::vector<double> super_deduction_rate_tech_sme;
  // The extra deduction in force in `year` for a firm (tech SMEs may have a higher one).
  double super_deduction(int year, bool tech_sme) const {
    double s = 0;
    for (std::size_t i = 0; i < super_deduction_years.size() && super_deduction_years[i] <= year;
         ++i)
      s = tech_sme ? super_deduction_rate_tech_sme[i] : super_deduction_rate[i];
    return s;
  }
};

struct Target {
  std::string indicator;
  int year = 0;
  double value = 0;
  std::string comparison;  // ">=", "<=", or "growth>=" (average yearly growth; see target_met)
  std::string source;
};

struct RegionConfig {
  std::string name;
  std::string label;
  int base_year = 2021;
  double population = 0;
  double gdp = 0;
  double gdp_growth = 0;
  double firms_total = 0;
  double firms_above_scale = 0;
  double hntes = 0;
  double tech_smes = 0;
  double rd_expenditure = 0;
  double business_rd_share = 0;
  double public_rd_growth = 0;
  double firm_va_share_of_gdp = 0;
  double invention_patents = 0;
  std::vector<std::string> default_scenarios;
  std::vector<Sector> sectors;
  std::vector<Target> targets;
  RegionEcosystem ecosystem;
  std::map<std::string, std::string> sources;
};

struct ScenarioInfo {
  std::string name = "default";
  std::string description;
};

struct ModelConfig {
  TimeConfig time;
  FirmParams firm;
  RdParams rd;
  InnovationParams innovation;
  HnteRules hnte;
  TechSmeRules tech_sme;
  SpecializedSmeRules specialized_sme;
  GazelleRules gazelle;
  ListingRules listing;
  DemoRules demo_enterprise;
  TaxConfig tax;
  CarrierParams carriers;
  TalentParams talent;
  ResearchParams research;
  FinanceParams finance;
  NetworkParams network;
  Levers levers;
  RegionConfig region;
  ScenarioInfo scenario;
  CalibrationSpec calibration;
};

class Binder;
// Declares (and, when the binder holds a tree, binds and cross-checks) every key.
void describe(Binder& b, ModelConfig& c);
// The parts of `describe` kept in their own files.
void describe_levers(Binder& b, Levers& l);
void describe_ecosystem(Binder& b, ModelConfig& c);
void describe_calibration(Binder& b, CalibrationSpec& c, int base_year);

}  // namespace innosim
