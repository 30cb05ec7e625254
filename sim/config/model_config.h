// The typed, validated configuration of one run of one scenario: model parameters, the
// region preset, lever settings. Built once at load (config_loader.h) and never changed
// afterwards; the model reads it as `const`. Meanings, units and ranges of every field are
// declared once, in model_schema.cpp; defaults and their sources are in configs/model.toml.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

namespace innosim {

struct TimeConfig {
  int steps_per_year = 4;
  int end_year = 2025;
};

struct FirmParams {
  double revenue_pareto_alpha = 1.05;
  double industrial_share = 0.2;
  double high_tech_share = 0.25;
  double revenue_per_employee = 1e6;
  double entry_rate = 0.1;
  double entrant_revenue_median = 1e6;
  double entrant_revenue_sigma = 1.0;
  double exit_hazard = 0.06;
  double exit_young_excess = 1.5;
  double exit_age_scale = 3.0;
  double exit_size_elasticity = 0.1;
  double exit_reference_revenue = 1e6;
  double growth_drift = 0.0;
  double growth_shock_scale = 0.15;
  double productivity_response = 0.3;
  double profit_margin = 0.06;
};

struct RdParams {
  double price_elasticity = -1.0;
  double adjustment_speed = 0.5;
  double latent_intensity_median = 0.02;
  double latent_intensity_sigma = 0.8;
  double max_intensity = 0.3;
  double cost_per_rd_worker = 3e5;
  double start_rate = 0.08;
  double stop_rate = 0.17;
};

struct InnovationParams {
  double success_per_million = 0.3;
  double productivity_gain_mean = 0.05;
  double patents_per_success = 1.0;
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
    return revenue <= band_small_max ? rd_share_small
           : revenue <= band_medium_max ? rd_share_medium : rd_share_large;
  }
};

struct TechSmeRules {
  double max_employees = 500;
  double max_revenue = 2e8;
  double min_score = 60;
  double register_prob = 0.5;
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
    for (std::size_t i = 0; i < super_deduction_years.size() && super_deduction_years[i] <= year; ++i)
      s = tech_sme ? super_deduction_rate_tech_sme[i] : super_deduction_rate[i];
    return s;
  }
};

enum class GovLevel : int { kNational = 0, kProvince = 1, kCity = 2, kDistrict = 3 };
inline constexpr int kGovLevels = 4;
inline constexpr std::array<const char*, kGovLevels> kGovLevelNames = {"national", "province", "city",
                                                                      "district"};

struct LeverCommon {
  bool enabled = false;
  int start_year = 0;
  int end_year = 9999;
  double budget = 0;               // CNY a year; infinity = no budget limit
  std::string rationing = "pro_rata";
  std::array<double, kGovLevels> cost_share{};
  bool active(int year) const { return enabled && year >= start_year && year <= end_year; }
};

struct RdPostSubsidy {
  LeverCommon common;
  double rate = 0.2;
  std::string base = "total";      // total | incremental
  std::string eligible = "hnte";   // hnte | above_scale | rd_active
  double cap_per_firm = 0;
};

struct Levers {
  RdPostSubsidy rd_post_subsidy;
};

struct Target {
  std::string indicator;
  int year = 0;
  double value = 0;
  std::string comparison;  // ">=", "<=", or "growth>=" (average yearly growth from base year)
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
  std::vector<Target> targets;
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
  TaxConfig tax;
  Levers levers;
  RegionConfig region;
  ScenarioInfo scenario;
};

class Binder;
// Declares (and, when the binder holds a tree, binds and cross-checks) every key.
void describe(Binder& b, ModelConfig& c);

}  // namespace innosim
