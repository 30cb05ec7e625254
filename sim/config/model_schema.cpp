// Every configuration key innosim accepts: type, range, unit, meaning. Defaults and the
// sources of the defaults are in configs/model.toml; region numbers and their sources in
// configs/regions/*.toml.
#include <cmath>

#include "config/binder.h"
#include "config/model_config.h"
#include "config/observation_schema.h"
#include "observe/indicator_catalog.h"

namespace innosim {
namespace {
constexpr std::size_t kMaxScenarioName = 100;
}  // namespace

namespace {

void describe_firm(Binder& b, FirmParams& f) {
  b.real("firm.revenue_pareto_alpha", f.revenue_pareto_alpha, {0.3, 5}, "1",
         "Pareto exponent of the initial firm revenue distribution");
  b.real("firm.revenue_per_employee_elasticity", f.revenue_per_employee_elasticity, {0, 1}, "1",
         "revenue per employee rises as revenue^elasticity (phases/employment.h)");
  b.real("firm.revenue_per_employee", f.revenue_per_employee, {1e4, 1e8}, "CNY/employee/yr",
         "revenue per employee, converts revenue to headcount");
  b.real("firm.entry_rate", f.entry_rate, {0, 2}, "1/yr", "entrants per incumbent firm per year");
  b.real("firm.entrant_revenue_xmin_ratio", f.entrant_revenue_xmin_ratio, {1e-3, 1e3}, "1",
         "median first-year revenue of an entrant over the base year's smallest firm revenue");
  b.real("firm.entrant_revenue_sigma", f.entrant_revenue_sigma, {0, 5}, "log points",
         "dispersion of entrants' log revenue");
  b.real("firm.exit_hazard", f.exit_hazard, {0, 2}, "1/yr",
         "exit hazard of a mature firm at reference size");
  b.real("firm.exit_young_excess", f.exit_young_excess, {0, 20}, "1",
         "extra hazard of a new firm relative to a mature one (multiplier minus one at age 0)");
  b.real("firm.exit_age_scale", f.exit_age_scale, {0.1, 50}, "yr",
         "age over which the young-firm excess decays");
  b.real("firm.exit_size_elasticity", f.exit_size_elasticity, {0, 2}, "1",
         "elasticity of the exit hazard with respect to revenue (hazard falls with size)");
  b.real("firm.exit_reference_revenue", f.exit_reference_revenue, {1e3, 1e12}, "CNY/yr",
         "revenue at which the size factor of the exit hazard is 1");
  b.real("firm.growth_shock_scale", f.growth_shock_scale, {0, 2}, "log points/yr",
         "scale b of the Laplace shock to yearly log revenue growth");
  b.real("firm.productivity_response", f.productivity_response, {0, 5}, "1/yr",
         "growth of log revenue per log point of productivity above the sector mean");
  b.real("firm.profit_margin", f.profit_margin, {-1, 1}, "share",
         "mean pre-tax profit over revenue after the R&D a firm is born doing");
  b.real("firm.margin_sigma", f.margin_sigma, {0, 1}, "share",
         "dispersion (normal sd) of firms' profit margins");
  b.real("firm.cash_cap_ratio", f.cash_cap_ratio, {0, 10}, "share of revenue",
         "cash a firm keeps at most; profits beyond it are paid out");
  b.real("firm.exit_loss_multiplier", f.exit_loss_multiplier, {1, 20}, "1",
         "exit hazard multiplier after a loss-making year");
  b.real("firm.exit_illiquid_multiplier", f.exit_illiquid_multiplier, {1, 20}, "1",
         "exit hazard multiplier when cash is negative");
  b.real("firm.relocation_rate", f.relocation_rate, {0, 1}, "1/yr",
         "firms relocating into the region per incumbent firm per year");
  b.real("firm.relocation_hnte_share", f.relocation_hnte_share, kShare, "share",
         "share of relocating firms that are certified hnte");
  b.real("firm.relocation_tech_sme_share", f.relocation_tech_sme_share, kShare, "share",
         "share of relocating firms that are registered tech SMEs (and not hnte)");
  b.real("firm.relocation_revenue_median", f.relocation_revenue_median, {1e4, 1e11}, "CNY/yr",
         "median revenue of a relocating firm");
  b.real("firm.productivity_sigma", f.productivity_sigma, {0, 2}, "log points",
         "dispersion of a new firm's log productivity around its sector's mean (base-year firms "
         "around 0)");
  b.real("firm.entrant_cash_share", f.entrant_cash_share, kShare, "share",
         "cash a new or relocating firm starts with, as a share of firm.cash_cap_ratio x revenue");
  b.real("firm.relocation_revenue_sigma", f.relocation_revenue_sigma, {0, 5}, "log points",
         "log dispersion of a relocating firm's revenue");
  b.real("firm.relocation_min_age", f.relocation_min_age, {0, 100}, "yr",
         "youngest a relocating firm is");
  b.real("firm.relocation_age_mean", f.relocation_age_mean, {0, 100}, "yr",
         "mean age of a relocating firm beyond firm.relocation_min_age (exponential)");
  b.real("firm.initial_age_mean", f.initial_age_mean, {0.1, 100}, "yr",
         "mean age of the base year's firms (exponential)");
  b.real("firm.high_tech_revenue_split", f.high_tech_revenue_split, kShare, "share",
         "high-tech firms' share of revenue from high-tech products is uniform on [split, 1], "
         "other firms' on [0, split]");
  b.real("firm.certified_margin_low", f.certified_margin_low, {1, 2}, "x",
         "a certified profile's R&D intensity over its line is uniform on [low, low + spread] "
         "(bunching just above)");
  b.real("firm.certified_margin_spread", f.certified_margin_spread, {0, 2}, "x",
         "width of that interval");
  b.real("firm.certified_high_tech_margin", f.certified_high_tech_margin, kShare, "share",
         "an hnte profile's high-tech revenue share above hnte.high_tech_revenue_min");
  b.real("firm.high_tech_rd_uplift", f.high_tech_rd_uplift, {0, 0.5}, "share",
         "the most a firm's R&D capital raises its high-tech revenue share, as a share of its "
         "other revenue (phases/high_tech_share.h)");
  b.real("firm.high_tech_rd_half", f.high_tech_rd_half, {1e-3, 10}, "CNY/CNY",
         "R&D capital over revenue at which that uplift is half its most");
  b.real("firm.max_revenue_gdp_ratio", f.max_revenue_gdp_ratio, {1e-4, 10}, "CNY/CNY",
         "largest base-year revenue over the region's GDP: the top of the size distribution");
}

void describe_rd(Binder& b, RdParams& r) {
  b.real("rd.price_elasticity", r.price_elasticity, {-5, 0}, "1",
         "long-run elasticity of R&D intensity with respect to the user cost of R&D");
  b.real("rd.adjustment_speed", r.adjustment_speed, {0, 1}, "1/yr",
         "share of the gap to the desired R&D intensity closed each year");
  b.real("rd.latent_intensity_sigma", r.latent_intensity_sigma, {0, 5}, "log points",
         "dispersion of latent R&D intensities");
  b.real("rd.max_intensity", r.max_intensity, {0, 5}, "share", "liquidity cap on R&D over revenue");
  b.real("rd.cost_per_rd_worker", r.cost_per_rd_worker, {1e4, 1e8}, "CNY/FTE/yr",
         "R&D spending per full-time R&D worker");
  b.real("rd.stop_rate", r.stop_rate, kShare, "1/yr",
         "yearly probability that a performer at the 20M line stops R&D");
  b.real("rd.stop_size_elasticity", r.stop_size_elasticity, {0, 2}, "1",
         "the stop rate falls as revenue^-elasticity (large performers persist)");
  b.real("rd.stop_rate_min", r.stop_rate_min, kShare, "1/yr", "lowest stop rate, at any size");
  b.real("rd.participation_at_line", r.participation_at_line, kShare, "share",
         "stationary share of firms at the 20M line that perform R&D");
  b.real("rd.participation_size_elasticity", r.participation_size_elasticity, {0, 2}, "1",
         "the stationary participation rises as revenue^elasticity");
  b.real("rd.participation_min", r.participation_min, kShare, "share",
         "lowest stationary participation, at any size");
  b.real("rd.participation_max", r.participation_max, kShare, "share",
         "highest stationary participation, at any size");
  b.real("rd.st_staff_per_rd_staff", r.st_staff_per_rd_staff, {1, 10}, "1",
         "S&T staff (科技人员, the hnte and tech_sme criterion) per R&D worker");
  b.real("rd.relabel_gap_share", r.relabel_gap_share, kShare, "share",
         "share of the R&D a firm adds to reach a certification threshold that is relabelled other "
         "cost");
  b.real("rd.relabel_cost", r.relabel_cost, {0, 1}, "CNY/CNY",
         "expected cost (audit risk, compliance) per yuan relabelled");
  b.real(
      "rd.bunching_margin", r.bunching_margin, {0, 0.5}, "share",
      "relative margin above a threshold at which bunching firms place their reported intensity");
  b.real("rd.subsidy_price_share", r.subsidy_price_share, kShare, "share",
         "share of an expected R&D post-subsidy rate that firms treat as a cut in the price of "
         "R&D (the rest is a windfall)");
}

void describe_innovation(Binder& b, InnovationParams& p) {
  b.real("innovation.success_per_million", p.success_per_million, kNonNeg, "1/(1e6 CNY)",
         "zeta in P(success) = 1 - exp(-zeta * R&D in millions) per year");
  b.real("innovation.productivity_gain_mean", p.productivity_gain_mean, {0, 1}, "log points",
         "mean (exponential) productivity gain of a successful innovation");
  b.real("innovation.applications_per_success", p.applications_per_success, kNonNeg, "applications",
         "mean invention patent applications per successful innovation (Poisson)");
  b.real("innovation.grant_rate", p.grant_rate, kShare, "share",
         "share of invention applications granted");
  b.real("innovation.knowledge_depreciation", p.knowledge_depreciation, {0, 1}, "1/yr",
         "depreciation of R&D capital");
  b.real("innovation.knowledge_effect", p.knowledge_effect, kNonNeg, "1",
         "rise of the success rate per log point of R&D capital (in millions of CNY, plus one)");
  b.real("innovation.spillover_effect", p.spillover_effect, kNonNeg, "1",
         "success rate from the sector's mean R&D per firm (millions of CNY per step), for "
         "performers");
}

void describe_certification(Binder& b, HnteRules& h, TechSmeRules& t) {
  b.real("hnte.band_small_max", h.band_small_max, kMoney, "CNY/yr",
         "upper revenue bound of the small band");
  b.real("hnte.band_medium_max", h.band_medium_max, kMoney, "CNY/yr",
         "upper revenue bound of the medium band");
  b.real("hnte.rd_share_small", h.rd_share_small, kShare, "share",
         "3-year R&D over revenue required, small band");
  b.integer(
      "hnte.rules_year", h.rules_year, kYear, "year",
      "first certification round under the 2016 rules; earlier rounds use the 2008 small-band "
      "line");
  b.real("hnte.rd_share_small_before", h.rd_share_small_before, kShare, "share",
         "3-year R&D over revenue required in the small band before hnte.rules_year");
  b.real("hnte.rd_share_medium", h.rd_share_medium, kShare, "share", "same, medium band");
  b.real("hnte.rd_share_large", h.rd_share_large, kShare, "share", "same, large band");
  b.real("hnte.rd_staff_share_min", h.rd_staff_share_min, kShare, "share",
         "S&T staff over employees required");
  b.real("hnte.high_tech_revenue_min", h.high_tech_revenue_min, kShare, "share",
         "high-tech product revenue over total revenue required");
  b.integer("hnte.validity_years", h.validity_years, {1, 10}, "yr",
            "years a certificate stays valid");
  b.real("hnte.apply_prob", h.apply_prob, kShare, "1/yr",
         "probability an eligible firm applies in a round");
  b.real("hnte.renew_prob", h.renew_prob, kShare, "1/yr",
         "probability a holder still eligible when its certificate expires is certified again");
  b.real("hnte.initial_size_weight", h.initial_size_weight, {0, 10}, "1/log point",
         "base-year certification ranks high-tech firms by this times log revenue plus a Gumbel "
         "draw (mildly favouring larger firms)");
  b.real("hnte.initial_rd_share_max", h.initial_rd_share_max, kShare, "share",
         "at the base year, certified firms' R&D stays below this share of business R&D where the "
         "ranking allows");
  b.real(
      "hnte.initial_above_line_share", h.initial_above_line_share, kShare, "share",
      "share of the base year's hnte with revenue at or above the 20M line (as many as there are "
      "high-tech firms that large)");
  b.real("hnte.steady_lapse_rate", h.steady_lapse_rate, kShare, "1/yr",
         "yearly share of certificates that lapse in the steady state: sizes the base year's pool "
         "of eligible firms not yet certified (lapse rate x hntes / apply_prob)");
  b.real("tech_sme.max_employees", t.max_employees, kNonNeg, "employees",
         "employee ceiling for tech_sme");
  b.real("tech_sme.max_revenue", t.max_revenue, kMoney, "CNY/yr", "revenue ceiling for tech_sme");
  b.real("tech_sme.min_score", t.min_score, {0, 100}, "points", "evaluation score needed (of 100)");
  b.real("tech_sme.register_prob", t.register_prob, kShare, "1/yr",
         "probability an eligible firm registers in a year");
  b.real("tech_sme.profile_rd_intensity", t.profile_rd_intensity, kShare, "share",
         "R&D intensity of a certified tech SME profile: 4% scores 30 points, with an invention "
         "patent (30) and >= 10% S&T staff (4) 64 >= 60");
  b.real("tech_sme.initial_high_tech_weight", t.initial_high_tech_weight, {0, 100}, "1",
         "base-year tech SME ranking: bonus of a high-tech firm (hnte holders come first)");
  b.real("tech_sme.initial_size_weight", t.initial_size_weight, {0, 10}, "1/log point",
         "base-year tech SME ranking: weight of log revenue");
  b.real("tech_sme.steady_lapse_rate", t.steady_lapse_rate, kShare, "1/yr",
         "yearly share of registrations that lapse in the steady state: sizes the base year's "
         "pool of eligible firms not yet registered (lapse rate x tech SMEs / register_prob)");
  b.integer("tech_sme.first_year", t.first_year, kYear, "year",
            "first year firms can register as tech SMEs");
  if (b.binding() && !(h.band_small_max < h.band_medium_max))
    b.fail("hnte.band_medium_max", "expected to exceed hnte.band_small_max");
}

void describe_ladder(Binder& b, SpecializedSmeRules& s, GazelleRules& g, ListingRules& l,
                     DemoRules& d) {
  b.real("specialized_sme.max_employees", s.max_employees, kNonNeg, "employees",
         "SME ceiling for 专精特新 recognition");
  b.real("specialized_sme.min_age", s.min_age, kNonNeg, "yr", "years in business required");
  b.real("specialized_sme.min_revenue", s.min_revenue, kMoney, "CNY/yr", "revenue required");
  b.real("specialized_sme.min_rd_intensity", s.min_rd_intensity, kShare, "share",
         "R&D over revenue required");
  b.real("specialized_sme.min_revenue_growth", s.min_revenue_growth, {-1, 10}, "1/yr",
         "last-year revenue growth required");
  b.real("specialized_sme.min_patents", s.min_patents, kNonNeg, "patents",
         "invention patents required");
  b.real("specialized_sme.apply_prob", s.apply_prob, kShare, "1/yr",
         "probability an eligible firm is recognised in a round");
  b.integer("specialized_sme.validity_years", s.validity_years, {1, 10}, "yr",
            "years a recognition stays valid");
  b.real("gazelle.max_age", g.max_age, kNonNeg, "yr", "oldest a gazelle may be");
  b.real("gazelle.min_growth", g.min_growth, {0, 10}, "1/yr",
         "average yearly revenue growth over three years required");
  b.real("gazelle.min_revenue", g.min_revenue, kMoney, "CNY/yr",
         "revenue three years ago required");
  b.real("listing.min_revenue", l.min_revenue, kMoney, "CNY/yr", "revenue a firm needs to list");
  b.real("listing.rate", l.rate, kShare, "1/yr",
         "yearly probability a profitable firm above min_revenue lists");
  b.real("demo_enterprise.min_revenue", d.min_revenue, kMoney, "CNY/yr", "revenue required");
  b.real("demo_enterprise.min_rd_intensity", d.min_rd_intensity, kShare, "share",
         "R&D over revenue required");
  b.real("demo_enterprise.min_patents", d.min_patents, kNonNeg, "patents",
         "invention patents required");
  b.integer("demo_enterprise.quota_per_year", d.quota_per_year, {0, 100000}, "firms/yr",
            "firms recognised per yearly round at most");
}

void describe_prices(Binder& b, PriceConfig& p) {
  b.integer_list("prices.deflator_years", p.deflator_years, kYear, "year",
                 "years from which each deflator growth rate applies (ascending)");
  b.real_list("prices.deflator_growth", p.deflator_growth, {-0.5, 1}, "1/yr",
              "yearly growth of the GDP deflator from each listed year");
  if (b.binding() && p.deflator_years.size() != p.deflator_growth.size())
    b.fail("prices.deflator_growth", "expected one rate per entry of prices.deflator_years");
}

void describe_tax(Binder& b, TaxConfig& t) {
  b.real("tax.corporate_rate", t.corporate_rate, kShare, "share",
         "standard corporate income tax rate");
  b.real("tax.hnte_rate", t.hnte_rate, kShare, "share",
         "corporate income tax rate of a certified hnte");
  b.real("tax.loss_expiry_rate", t.loss_expiry_rate, kShare, "1/yr",
         "share of carried tax losses that expire each year");
  b.real("tax.loss_expiry_rate_certified", t.loss_expiry_rate_certified, kShare, "1/yr",
         "the same for hnte and tech SMEs from tax.loss_rule_year");
  b.integer("tax.loss_rule_year", t.loss_rule_year, kYear, "year",
            "first year of the longer carry-forward of hnte and tech SMEs");
  b.integer_list("tax.super_deduction_years", t.super_deduction_years, kYear, "year",
                 "years from which each super-deduction rate applies (ascending)");
  b.real_list("tax.super_deduction_rate", t.super_deduction_rate, {0, 3}, "share",
              "extra deduction of R&D from taxable profit, all firms, one per year listed");
  b.real_list("tax.super_deduction_rate_tech_sme", t.super_deduction_rate_tech_sme, {0, 3}, "share",
              "the same for registered tech SMEs");
  if (!b.binding()) return;
  const auto n = t.super_deduction_years.size();
  if (t.super_deduction_rate.size() != n)
    b.fail("tax.super_deduction_rate",
           "expected " + std::to_string(n) + " rates, one per tax.super_deduction_years");
  if (t.super_deduction_rate_tech_sme.size() != n)
    b.fail("tax.super_deduction_rate_tech_sme",
           "expected " + std::to_string(n) + " rates, one per tax.super_deduction_years");
  for (std::size_t i = 1; i < n; ++i)
    if (t.super_deduction_years[i] <= t.super_deduction_years[i - 1])
      b.fail("tax.super_deduction_years", "expected strictly ascending years");
}

void describe_sector(Binder& b, const toml::table& t, const std::string& where, Sector& out) {
  b.entry_keys(t, where,
               {"name", "share", "industrial_share", "high_tech_share", "rd_intensity_median",
                "growth_drift"});
  out.name = b.entry_text(t, where, "name");
  out.share = b.entry_number(t, where, "share", kShare);
  out.industrial_share = b.entry_number(t, where, "industrial_share", kShare);
  out.high_tech_share = b.entry_number(t, where, "high_tech_share", kShare);
  out.rd_intensity_median = b.entry_number(t, where, "rd_intensity_median", kShare);
  out.growth_drift = b.entry_number(t, where, "growth_drift", {-1, 1});
}

void describe_target(Binder& b, const toml::table& t, const std::string& where, Target& out) {
  const Moment observed = describe_observation(b, t, where, {"comparison"});
  out.indicator = observed.indicator;
  out.year = observed.year;
  out.value = observed.value;
  out.source = observed.source;
  out.comparison = b.entry_text(t, where, "comparison");
  if (out.comparison != ">=" && out.comparison != "<=" && out.comparison != "growth>=")
    b.fail(where, "comparison: expected one of >=, <=, growth>=");
}

void describe_region(Binder& b, RegionConfig& r) {
  b.text("region.name", r.name, "identifier of the preset");
  b.text("region.label", r.label, "name shown in reports");
  b.integer("region.base_year", r.base_year, kYear, "year",
            "year of the baseline; the run starts after it");
  b.real("region.population", r.population, kPersons, "persons",
         "resident population at the base year");
  b.real("region.gdp", r.gdp, kMoney, "CNY", "GDP in the base year");
  b.real("region.gdp_growth", r.gdp_growth, {-0.5, 0.5}, "1/yr",
         "real growth of the non-simulated part of GDP");
  b.real("region.firms_total", r.firms_total, {1, kFirms.max}, "firms",
         "enterprises at the base year");
  b.real("region.firms_above_scale", r.firms_above_scale, kFirms, "firms",
         "above-scale industrial firms");
  b.real("region.hntes", r.hntes, kFirms, "firms", "valid hnte certificates");
  b.real("region.tech_smes", r.tech_smes, kFirms, "firms", "registered tech SMEs");
  b.real("region.rd_expenditure", r.rd_expenditure, kMoney, "CNY", "society-wide R&D expenditure");
  b.real("region.business_rd_share", r.business_rd_share, kShare, "share",
         "enterprises' share of R&D expenditure");
  b.real("region.public_rd_growth", r.public_rd_growth, {-0.5, 0.5}, "1/yr",
         "growth of non-business (government, university, institute) R&D");
  b.real("region.high_tech_va_share", r.high_tech_va_share, {0, 100}, "%",
         "high-tech industries' share of above-scale industrial value added at the base year "
         "(0: not given; the sectors' high_tech_share decides it)");
  b.real("region.firm_va_share_of_gdp", r.firm_va_share_of_gdp, {0, 1}, "share",
         "share of GDP produced by the simulated enterprises at the base year");
  b.real("region.invention_patents", r.invention_patents, kPatents, "patents",
         "valid invention patents held by firms");
  b.text_list("region.default_scenarios", r.default_scenarios,
              "scenarios run when none is named (files scenarios/<region>/<name>.toml)");
  b.text_map("region.source", r.sources,
             "the source of each baseline number, or ASSUMPTION: and the reasoning");
  b.table_array("region.sectors",
                "the sectors of the economy, each with share, industrial_share, high_tech_share, "
                "rd_intensity_median, growth_drift",
                [&](const toml::table& t, const std::string& where) {
                  Sector sector;
                  describe_sector(b, t, where, sector);
                  r.sectors.push_back(sector);
                });
  b.table_array("region.targets", "the plan's quantitative targets",
                [&](const toml::table& t, const std::string& where) {
                  Target target;
                  describe_target(b, t, where, target);
                  r.targets.push_back(target);
                });
  if (!b.binding()) return;
  if (r.firms_above_scale + r.hntes > r.firms_total)
    b.fail("region.firms_total", "expected at least above-scale plus hnte firms");
  if (r.tech_smes > r.firms_total) b.fail("region.tech_smes", "expected at most firms_total");
  if (r.gdp <= 0) b.fail("region.gdp", "expected a positive GDP");
  if (r.population <= 0) b.fail("region.population", "expected a positive population");
  if (r.sectors.empty() || r.sectors.size() > 255)
    b.fail("region.sectors", "expected 1 to 255 sectors");
  for (std::size_t i = 0; i < r.sectors.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (r.sectors[i].name == r.sectors[j].name)
        b.fail("region.sectors", "two sectors named '" + r.sectors[i].name + "'");
  double share = 0;
  for (const auto& sector : r.sectors) share += sector.share;
  if (std::fabs(share - 1.0) > 1e-6)
    b.fail("region.sectors",
           "expected the sector shares to sum to 1, got " + std::to_string(share));
}

}  // namespace

Moment describe_observation(Binder& b, const toml::table& t, const std::string& where,
                            const std::vector<std::string>& extra_keys) {
  std::vector<std::string> keys{"indicator", "year", "value", "source"};
  keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
  b.entry_keys(t, where, keys);
  Moment m{b.entry_text(t, where, "indicator"), b.entry_integer(t, where, "year", kYear),
           b.entry_number(t, where, "value"), b.entry_text(t, where, "source")};
  if (find_indicator(m.indicator) < 0)
    b.fail(where, "unknown indicator '" + m.indicator + "' (innosim list indicators)");
  return m;
}

void describe(Binder& b, ModelConfig& c) {
  b.text("scenario.name", c.scenario.name, "scenario identifier, shown in output");
  // The name labels the output (and names the scenario's group in the panel).
  if (b.binding() && (c.scenario.name.empty() || c.scenario.name.size() > kMaxScenarioName ||
                      c.scenario.name.find_first_of("/\\.\n\r\t") != std::string::npos))
    b.fail("scenario.name", "expected 1 to " + std::to_string(kMaxScenarioName) +
                                " characters, without '/', '\\', '.' or control characters");
  b.text("scenario.description", c.scenario.description, "what the scenario changes and why");
  b.table_array("scenario.targets",
                "targets the scenario adds to the region's (each as a [[region.targets]] entry)",
                [&](const toml::table& t, const std::string& where) {
                  Target target;
                  describe_target(b, t, where, target);
                  c.scenario.targets.push_back(target);
                });
  b.integer("time.steps_per_year", c.time.steps_per_year, {1, 12}, "steps/yr",
            "sub-year steps (1, 4 or 12)");
  b.integer("time.end_year", c.time.end_year, kYear, "year", "last simulated year");
  describe_firm(b, c.firm);
  describe_rd(b, c.rd);
  describe_innovation(b, c.innovation);
  describe_certification(b, c.hnte, c.tech_sme);
  describe_ladder(b, c.specialized_sme, c.gazelle, c.listing, c.demo_enterprise);
  describe_tax(b, c.tax);
  describe_prices(b, c.prices);
  describe_levers(b, c.levers);
  describe_ecosystem(b, c);
  describe_region(b, c.region);
  describe_calibration(b, c.calibration,
                       c.region.base_year);  // last: it checks the keys declared above
  if (b.binding() && c.time.end_year <= c.region.base_year)
    b.fail("time.end_year",
           "expected a year after region.base_year (" + std::to_string(c.region.base_year) + ")");
  if (b.binding() && c.region.tech_smes > 0 && c.region.base_year < c.tech_sme.first_year)
    b.fail("region.tech_smes", "expected 0: the base year " + std::to_string(c.region.base_year) +
                                   " is before tech_sme.first_year (" +
                                   std::to_string(c.tech_sme.first_year) + ")");
  if (b.binding() && 12 % c.time.steps_per_year != 0)
    b.fail("time.steps_per_year", "expected 1, 2, 3, 4, 6 or 12");
}

}  // namespace innosim
