#include "io/output_file.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "core/version.h"
#include "io/h5.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

h5::Dataset string_scale(h5::Group& index, const std::string& name,
                         const std::vector<std::string>& values) {
  h5::Dataset d = index.create_labels(name, values);
  d.make_scale(name);
  return d;
}

// /panel/<scenario>/<column>: one row per firm and year (docs/OUTPUT.md).
void write_panel(h5::File& f, const EnsembleResult& r) {
  h5::Group panel = f.create_group("panel");
  panel.set_attribute(
      "description",
      std::string("one row per firm and year end, for the first replicates of each scenario"));
  for (std::size_t s = 0; s < r.panels.size(); ++s) {
    const PanelTable& t = r.panels[s];
    h5::Group g = panel.create_group(r.scenario_names[s]);
    g.set_attribute("rows", static_cast<std::int64_t>(t.rows()));
    // Each scenario's rows are its own axis: a scale in its group (netCDF-4 scoping).
    std::vector<std::int64_t> rows(t.rows());
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = static_cast<std::int64_t>(k);
    h5::Dataset row = g.create_ints("row", rows);
    row.make_scale("row");
    for (std::size_t k = 0; k < t.ints.size(); ++k)
      g.create_ints(t.int_names[k], t.ints[k]).attach_scale(row, 0);
    for (std::size_t k = 0; k < t.reals.size(); ++k)
      g.create_doubles(t.real_names[k], {t.reals[k].size()}, t.reals[k], {std::uint64_t{1} << 16})
          .attach_scale(row, 0);
  }
}

}  // namespace

void write_output(const std::string& path, const EnsembleResult& r, const Summary& s,
                  const Provenance& p) {
  h5::File f = h5::File::create_in_memory(path);
  f.set_attribute("filetype", std::string("innosim-run"));
  f.set_attribute("schema_version", std::int64_t{kSchemaVersion});
  f.set_attribute("innosim_version", std::string(kVersion));
  f.set_attribute("git_sha", std::string(kGitSha));
  f.set_attribute("date_created", utc_now());
  f.set_attribute("seed", static_cast<std::int64_t>(p.seed));
  f.set_attribute("replicates", std::int64_t{r.replicates});
  f.set_attribute("command", p.command);
  f.set_attribute("region_label", p.region_label);
  f.set_attribute("config", p.configs);
  f.set_attribute("uncertainty", p.uncertainty);
  // The labels innosim's own reader needs, as fixed-length strings (the axes' labels are
  // variable-length, for R; h5.h).
  f.set_attribute("scenario_names", r.scenario_names);

  const std::uint64_t S = r.scenario_names.size(), R = r.replicates, T = r.years.size(),
                      I = kIndicatorCount;
  std::vector<std::string> names, units, levers(kLeverNames.begin(), kLeverNames.end()),
      levels(kGovLevelNames.begin(), kGovLevelNames.end()), quantiles;
  for (const auto& info : kIndicators) names.emplace_back(info.name), units.emplace_back(info.unit);
  for (double q : kQuantiles)
    quantiles.push_back(fmt::format("q{:02d}", static_cast<int>(q * 100 + 0.5)));
  std::vector<std::int64_t> years(r.years.begin(), r.years.end()), reps(R);
  for (std::uint64_t k = 0; k < R; ++k) reps[k] = static_cast<std::int64_t>(k);

  // The axes are dimension scales at the root, where netCDF-4 lets every group see them
  // (xarray, ncdump and R's ncdf4 open the file as it is; docs/OUTPUT.md).
  h5::Group& index = f;
  h5::Dataset d_scenario = string_scale(index, "scenario", r.scenario_names);
  h5::Dataset d_replicate = index.create_ints("replicate", reps);
  d_replicate.make_scale("replicate");
  h5::Dataset d_time = index.create_ints("time", years);
  d_time.make_scale("time");
  d_time.set_attribute("units", std::string("year"));
  h5::Dataset d_indicator = string_scale(index, "indicator", names);
  h5::Dataset d_units = index.create_labels("indicator_units", units);
  d_units.set_attribute("description", std::string("the unit of each indicator"));
  d_units.attach_scale(d_indicator, 0);
  f.set_attribute("indicator_names", names);
  f.set_attribute("indicator_units", units);
  h5::Dataset d_lever = string_scale(index, "lever", levers);
  h5::Dataset d_level = string_scale(index, "level", levels);
  h5::Dataset d_quantile = string_scale(index, "quantile", quantiles);
  std::vector<std::string> cost_levers = levers, payers = levels, measures;
  cost_levers.emplace_back("all");
  payers.emplace_back("all");
  for (const auto& m : kCostMeasures) measures.emplace_back(m.name);
  f.set_attribute("cost_levers", cost_levers);
  f.set_attribute("payers", payers);
  h5::Dataset d_cost_lever = string_scale(index, "cost_lever", cost_levers);
  d_cost_lever.set_attribute("description", std::string("the levers, then all of them together"));
  h5::Dataset d_payer = string_scale(index, "payer", payers);
  d_payer.set_attribute("description",
                        std::string("the government levels, then all of them together"));
  h5::Dataset d_measure = string_scale(index, "cost_measure", measures);
  std::vector<std::string> measure_labels;
  for (const auto& m : kCostMeasures) measure_labels.emplace_back(m.label);
  d_measure.set_attribute("labels", measure_labels);
  std::vector<std::int64_t> target_ids(s.targets.size());
  for (std::size_t k = 0; k < target_ids.size(); ++k) target_ids[k] = static_cast<std::int64_t>(k);
  h5::Dataset d_target = index.create_ints("target", target_ids);
  d_target.make_scale("target");
  d_target.set_attribute("description",
                         std::string("number of the target in /summary/targets (the region's, "
                                     "then those scenarios add)"));

  h5::Dataset traj = f.create_doubles("trajectories", {S, R, T, I}, r.trajectories,
                                      {1, std::min<std::uint64_t>(R, 64), T, I});
  traj.set_attribute("description",
                     std::string("indicator values at each year end; NaN where not defined"));
  traj.attach_scale(d_scenario, 0);
  traj.attach_scale(d_replicate, 1);
  traj.attach_scale(d_time, 2);
  traj.attach_scale(d_indicator, 3);

  if (!p.parameter_keys.empty()) {
    h5::Dataset d_parameter = string_scale(index, "parameter", p.parameter_keys);
    h5::Dataset draws =
        f.create_doubles("parameter_draws", {R, p.parameter_keys.size()}, p.parameter_draws);
    draws.set_attribute("description",
                        std::string("each replicate's values of the fitted parameters, drawn "
                                    "from the fit's distribution (root attribute 'uncertainty')"));
    draws.attach_scale(d_replicate, 0);
    draws.attach_scale(d_parameter, 1);
  }

  h5::Dataset fiscal = f.create_doubles("fiscal", {S, R, T, kLeverCount, kGovLevels}, r.fiscal);
  fiscal.set_attribute("units", std::string("CNY"));
  fiscal.set_attribute(
      "description", std::string("lever outlays paid in the year, by lever and government level"));
  fiscal.attach_scale(d_scenario, 0);
  fiscal.attach_scale(d_replicate, 1);
  fiscal.attach_scale(d_time, 2);
  fiscal.attach_scale(d_lever, 3);
  fiscal.attach_scale(d_level, 4);

  h5::Group summary = f.create_group("summary");
  h5::Dataset mean = summary.create_doubles("mean", {S, T, I}, s.mean);
  mean.attach_scale(d_scenario, 0);
  mean.attach_scale(d_time, 1);
  mean.attach_scale(d_indicator, 2);
  h5::Dataset q = summary.create_doubles("quantiles", {S, T, I, kQuantiles.size()}, s.quantiles);
  q.attach_scale(d_scenario, 0);
  q.attach_scale(d_time, 1);
  q.attach_scale(d_indicator, 2);
  q.attach_scale(d_quantile, 3);
  summary.set_attribute("reference", r.scenario_names[s.reference]);
  mean.set_attribute("description", std::string("mean over replicates (NaNs left out)"));
  q.set_attribute("description", std::string("quantiles over replicates"));
  h5::Dataset e = summary.create_doubles("effects", {S, T, I, kQuantiles.size()}, s.effects);
  e.set_attribute(
      "description",
      std::string("quantiles over replicates of each scenario minus the reference scenario "
                  "(/summary attribute 'reference'), replicate by replicate (paired: same random "
                  "streams); for a % indicator the effect is in percentage points"));
  e.attach_scale(d_scenario, 0);
  e.attach_scale(d_time, 1);
  e.attach_scale(d_indicator, 2);
  e.attach_scale(d_quantile, 3);

  h5::Group targets = summary.create_group("targets");
  std::vector<std::string> t_ind, t_cmp, t_src;
  std::vector<std::int64_t> t_year;
  std::vector<double> t_value;
  for (const auto& t : s.targets) {
    t_ind.push_back(t.indicator), t_cmp.push_back(t.comparison), t_src.push_back(t.source);
    t_year.push_back(t.year), t_value.push_back(t.value);
  }
  targets.create_strings("indicator", t_ind).attach_scale(d_target, 0);
  targets.create_ints("year", t_year).attach_scale(d_target, 0);
  targets.create_doubles("value", {t_value.size()}, t_value).attach_scale(d_target, 0);
  targets.create_strings("comparison", t_cmp).attach_scale(d_target, 0);
  targets.create_strings("source", t_src).attach_scale(d_target, 0);
  h5::Dataset prob =
      targets.create_doubles("probability", {S, s.targets.size()}, s.target_probability);
  prob.set_attribute(
      "description",
      std::string("share of replicates meeting each target; NaN if its year is not simulated"));
  prob.attach_scale(d_scenario, 0);
  prob.attach_scale(d_target, 1);
  h5::Dataset prob_se =
      targets.create_doubles("probability_se", {S, s.targets.size()}, s.target_probability_se);
  prob_se.set_attribute("description",
                        std::string("binomial Monte Carlo standard error of probability, "
                                    "sqrt(p (1 - p) / replicates)"));
  prob_se.attach_scale(d_scenario, 0);
  prob_se.attach_scale(d_target, 1);

  h5::Dataset cum = summary.create_doubles("cumulative_cost",
                                           {S, kLeverCount + 1, kGovLevels + 1, kQuantiles.size()},
                                           s.cumulative_cost);
  cum.set_attribute("units", std::string("CNY"));
  cum.set_attribute("description",
                    std::string("lever outlays summed over the simulated years, replicate by "
                                "replicate, then quantiles over replicates"));
  cum.attach_scale(d_scenario, 0);
  cum.attach_scale(d_cost_lever, 1);
  cum.attach_scale(d_payer, 2);
  cum.attach_scale(d_quantile, 3);
  h5::Dataset ce = summary.create_doubles(
      "cost_effectiveness", {S, kCostMeasures.size(), kQuantiles.size()}, s.cost_effectiveness);
  ce.set_attribute(
      "description",
      std::string("extra cumulative outlay (all levers and levels) against the reference "
                  "scenario per unit of the effect in the last year (/cost_measure's labels), "
                  "replicate by replicate, then quantiles; inf where the effect is not positive, "
                  "NaN for the reference"));
  ce.attach_scale(d_scenario, 0);
  ce.attach_scale(d_measure, 1);
  ce.attach_scale(d_quantile, 2);
  if (!r.panels.empty()) write_panel(f, r);
  // Partner regions of a multi-region run: the same layout, one group per region.
  if (!r.partners.empty()) {
    h5::Group regions = f.create_group("regions");
    for (const auto& partner : r.partners) {
      h5::Group g = regions.create_group(partner.region);
      h5::Dataset pt = g.create_doubles("trajectories", {S, R, T, I}, partner.trajectories,
                                        {1, std::min<std::uint64_t>(R, 64), T, I});
      pt.attach_scale(d_scenario, 0);
      pt.attach_scale(d_replicate, 1);
      pt.attach_scale(d_time, 2);
      pt.attach_scale(d_indicator, 3);
      h5::Dataset pf =
          g.create_doubles("fiscal", {S, R, T, kLeverCount, kGovLevels}, partner.fiscal);
      pf.attach_scale(d_scenario, 0);
      pf.attach_scale(d_replicate, 1);
      pf.attach_scale(d_time, 2);
      pf.attach_scale(d_lever, 3);
      pf.attach_scale(d_level, 4);
    }
  }
  f.save(path);
}

}  // namespace innosim
