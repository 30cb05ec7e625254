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
  h5::Dataset d = index.create_strings(name, values);
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
    for (std::size_t k = 0; k < t.ints.size(); ++k) g.create_ints(t.int_names[k], t.ints[k]);
    for (std::size_t k = 0; k < t.reals.size(); ++k)
      g.create_doubles(t.real_names[k], {t.reals[k].size()}, t.reals[k], {std::uint64_t{1} << 16});
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
  f.set_attribute("config", p.configs);

  const std::uint64_t S = r.scenario_names.size(), R = r.replicates, T = r.years.size(),
                      I = kIndicatorCount;
  std::vector<std::string> names, units, levers(kLeverNames.begin(), kLeverNames.end()),
      levels(kGovLevelNames.begin(), kGovLevelNames.end()), quantiles;
  for (const auto& info : kIndicators) names.emplace_back(info.name), units.emplace_back(info.unit);
  for (double q : kQuantiles)
    quantiles.push_back(fmt::format("q{:02d}", static_cast<int>(q * 100 + 0.5)));
  std::vector<std::int64_t> years(r.years.begin(), r.years.end()), reps(R);
  for (std::uint64_t k = 0; k < R; ++k) reps[k] = static_cast<std::int64_t>(k);

  h5::Group index = f.create_group("index");
  h5::Dataset d_scenario = string_scale(index, "scenario", r.scenario_names);
  h5::Dataset d_replicate = index.create_ints("replicate", reps);
  d_replicate.make_scale("replicate");
  h5::Dataset d_time = index.create_ints("time", years);
  d_time.make_scale("time");
  d_time.set_attribute("units", std::string("year"));
  h5::Dataset d_indicator = string_scale(index, "indicator", names);
  d_indicator.set_attribute("units", units);
  h5::Dataset d_lever = string_scale(index, "lever", levers);
  h5::Dataset d_level = string_scale(index, "level", levels);
  h5::Dataset d_quantile = string_scale(index, "quantile", quantiles);

  h5::Dataset traj = f.create_doubles("trajectories", {S, R, T, I}, r.trajectories,
                                      {1, std::min<std::uint64_t>(R, 64), T, I});
  traj.set_attribute("description",
                     std::string("indicator values at each year end; NaN where not defined"));
  traj.attach_scale(d_scenario, 0);
  traj.attach_scale(d_replicate, 1);
  traj.attach_scale(d_time, 2);
  traj.attach_scale(d_indicator, 3);

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
  h5::Dataset e = summary.create_doubles("effects", {S, T, I, kQuantiles.size()}, s.effects);
  e.set_attribute(
      "description",
      std::string("quantiles over replicates of each scenario minus the first scenario, "
                  "replicate by replicate (paired: same random streams)"));
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
  targets.create_strings("indicator", t_ind);
  targets.create_ints("year", t_year);
  targets.create_doubles("value", {t_value.size()}, t_value);
  targets.create_strings("comparison", t_cmp);
  targets.create_strings("source", t_src);
  h5::Dataset prob =
      targets.create_doubles("probability", {S, s.targets.size()}, s.target_probability);
  prob.set_attribute(
      "description",
      std::string("share of replicates meeting each target; NaN if its year is not simulated"));
  prob.attach_scale(d_scenario, 0);
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
