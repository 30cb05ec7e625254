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

// National statistical definition of an above-scale industrial firm (main revenue >= 20M CNY
// a year, NBS since 2011); participation and employment are also scaled at this line.
inline constexpr double kAboveScaleRevenue = 2e7;
// A firm's revenue relative to that line (the size the size rules scale with).
inline double size_ratio(double revenue) {
  return (revenue > 1.0 ? revenue : 1.0) / kAboveScaleRevenue;
}

struct TimeConfig {
  int steps_per_year{};
  int end_year{};
};

// A sector of the regional economy (from the preset), with its own parameters.
struct Sector {
  std::string name;
  double share{};                // of firms
  double industrial_share{};     // of the sector's firms that are industrial
  double high_tech_share{};      // of the sector's firms with products in the high-tech fields
  double rd_intensity_median{};  // latent R&D intensity of a performer
  double growth_drift{};         // 1/yr
};

struct FirmParams {
  double revenue_pareto_alpha{};
  double revenue_per_employee{};
  double revenue_per_employee_elasticity{};
  double entry_rate{};
  double entrant_revenue_xmin_ratio{};
  double entrant_revenue_sigma{};
  double exit_hazard{};
  double exit_young_excess{};
  double exit_age_scale{};
  double exit_size_elasticity{};
  double exit_reference_revenue{};
  double growth_shock_scale{};
  double productivity_response{};
  double profit_margin{};
  double margin_sigma{};
  double cash_cap_ratio{};
  double exit_loss_multiplier{};
  double exit_illiquid_multiplier{};
  double relocation_rate{};
  double relocation_hnte_share{};
  double relocation_tech_sme_share{};
  double relocation_revenue_median{};
  double productivity_sigma{};
  double entrant_cash_share{};
  double relocation_revenue_sigma{};
  double relocation_min_age{};
  double relocation_age_mean{};
  double initial_age_mean{};
  double high_tech_revenue_split{};
  double certified_margin_low{};
  double certified_margin_spread{};
  double certified_high_tech_margin{};
  double high_tech_rd_uplift{};
  double high_tech_rd_half{};
  double max_revenue_gdp_ratio{};
};

struct RdParams {
  double price_elasticity{};
  double adjustment_speed{};
  double latent_intensity_sigma{};
  double max_intensity{};
  double cost_per_rd_worker{};
  double stop_rate{};
  double stop_size_elasticity{};
  double stop_rate_min{};
  double participation_at_line{};
  double participation_size_elasticity{};
  double participation_min{};
  double participation_max{};
  double st_staff_per_rd_staff{};
  double relabel_gap_share{};
  double relabel_cost{};
  double bunching_margin{};
  double subsidy_price_share{};
};

struct InnovationParams {
  double success_per_million{};
  double productivity_gain_mean{};
  double applications_per_success{};
  double grant_rate{};
  double knowledge_depreciation{};
  double knowledge_effect{};
  double spillover_effect{};
};

struct HnteRules {
  double band_small_max{};
  double band_medium_max{};
  double rd_share_small{};
  double rd_share_medium{};
  double rd_share_large{};
  int rules_year{};                // first round under the 2016 rules
  double rd_share_small_before{};  // the small band's line before them (the 2008 rules)
  double rd_staff_share_min{};
  double high_tech_revenue_min{};
  int validity_years{};
  double apply_prob{};
  double renew_prob{};
  double initial_size_weight{};
  double initial_rd_share_max{};
  double initial_above_line_share{};
  double steady_lapse_rate{};
  // Probability that an eligible firm is certified in a round: a renewal for a holder whose
  // certificate expires, a first application otherwise.
  double certify_prob(bool holder) const { return holder ? renew_prob : apply_prob; }
  // R&D-over-revenue threshold in `year`'s round for a firm with last-year revenue `revenue`
  // (current CNY).
  double threshold(double revenue, int year) const {
    return revenue <= band_small_max ? (year < rules_year ? rd_share_small_before : rd_share_small)
           : revenue <= band_medium_max ? rd_share_medium
                                        : rd_share_large;
  }
};

struct TechSmeRules {
  double max_employees{};
  double max_revenue{};
  double min_score{};
  double register_prob{};
  double profile_rd_intensity{};
  double initial_high_tech_weight{};
  double initial_size_weight{};
  double steady_lapse_rate{};
  int first_year{};
};

struct SpecializedSmeRules {
  double max_employees{};
  double min_age{};
  double min_revenue{};
  double min_rd_intensity{};
  double min_revenue_growth{};
  double min_patents{};
  double apply_prob{};
  int validity_years{};
};

struct GazelleRules {
  double max_age{};
  double min_growth{};
  double min_revenue{};
};

struct ListingRules {
  double min_revenue{};
  double rate{};
};

struct DemoRules {
  double min_revenue{};
  double min_rd_intensity{};
  double min_patents{};
  int quota_per_year{};
};

struct TaxConfig {
  double corporate_rate{};
  double hnte_rate{};
  double loss_expiry_rate{};
  double loss_expiry_rate_certified{};
  int loss_rule_year{};
  std::vector<int> super_deduction_years;
  std::vector<double> super_deduction_rate;
  std::vector<double> super_deduction_rate_tech_sme;
  // The extra deduction in force in `year` for a firm (tech SMEs may have a higher one).
  double super_deduction(int year, bool tech_sme) const {
    double s{};
    for (std::size_t i = 0; i < super_deduction_years.size() && super_deduction_years[i] <= year;
         ++i)
      s = tech_sme ? super_deduction_rate_tech_sme[i] : super_deduction_rate[i];
    return s;
  }
};

// The price level (GDP deflator). Model money is in CNY of the base year; documents and
// statistics use current CNY, so nominal thresholds and nominal indicators convert with it.
struct PriceConfig {
  std::vector<int> deflator_years;      // ascending
  std::vector<double> deflator_growth;  // yearly growth of the deflator in each year
  // Growth in `year`: the entry of the last listed year at or before it (0 before the first).
  double growth(int year) const {
    double g{};
    for (std::size_t i = 0; i < deflator_years.size() && deflator_years[i] <= year; ++i)
      g = deflator_growth[i];
    return g;
  }
  // Prices of `year` over those of `base_year`.
  double level(int year, int base_year) const {
    double p = 1;
    for (int y = base_year + 1; y <= year; ++y) p *= 1 + growth(y);
    for (int y = year + 1; y <= base_year; ++y) p /= 1 + growth(y);
    return p;
  }
};

struct Target {
  std::string indicator;
  int year{};
  double value{};
  std::string comparison;  // ">=", "<=", or "growth>=" (average yearly growth; see target_met)
  std::string source;
};

struct RegionConfig {
  std::string name;
  std::string label;
  int base_year{};
  double population{};
  double gdp{};
  double gdp_growth{};
  double firms_total{};
  double firms_above_scale{};
  double hntes{};
  double tech_smes{};
  double rd_expenditure{};
  double business_rd_share{};
  // High-tech industries' share of above-scale industrial value added at the base year, %;
  // 0 where the preset gives none (the sectors' shares then decide it).
  double high_tech_va_share{};
  double public_rd_growth{};
  double firm_va_share_of_gdp{};
  double invention_patents{};
  std::vector<std::string> default_scenarios;
  std::vector<Sector> sectors;
  std::vector<Target> targets;
  RegionEcosystem ecosystem;
  std::map<std::string, std::string> sources;
};

struct ScenarioInfo {
  std::string name{};
  std::string description;
  // Targets this scenario adds to the region's; a run judges every scenario against all of them.
  std::vector<Target> targets;
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
  PriceConfig prices;
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
