#include "run/ensemble.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <mutex>
#include <optional>

#include "core/errors.h"
#include "run/replicate.h"

namespace innosim {

EnsembleResult run_ensemble(const EnsembleSpec& spec) {
  if (spec.scenarios.empty()) throw ModelError("no scenario to run");
  const ModelConfig& first = spec.scenarios.front().model;
  for (const auto& s : spec.scenarios)
    if (s.model.region.base_year != first.region.base_year ||
        s.model.time.end_year != first.time.end_year)
      throw ModelError("scenario '" + s.model.scenario.name +
                       "' has another time span than the first scenario; all scenarios of a run "
                       "share one time axis");
  for (std::size_t a = 0; a < spec.scenarios.size(); ++a)
    for (std::size_t b = a + 1; b < spec.scenarios.size(); ++b)
      if (spec.scenarios[a].model.scenario.name == spec.scenarios[b].model.scenario.name)
        throw ConfigError("--scenario", 0, "scenario.name",
                          "two scenarios of the run are named '" +
                              spec.scenarios[a].model.scenario.name +
                              "'; a run's scenarios need distinct names");
  EnsembleResult out;
  const int years = year_count(first);
  for (int t = 0; t < years; ++t) out.years.push_back(first.region.base_year + t);
  for (const auto& s : spec.scenarios) out.scenario_names.push_back(s.model.scenario.name);
  out.replicates = spec.replicates;
  const std::size_t per_run = static_cast<std::size_t>(years) * kIndicatorCount;
  const std::size_t per_run_fiscal = static_cast<std::size_t>(years) * kLeverCount * kGovLevels;
  const std::size_t runs = spec.scenarios.size() * static_cast<std::size_t>(spec.replicates);
  out.trajectories.resize(runs * per_run);
  out.fiscal.resize(runs * per_run_fiscal);
  const std::size_t n_partners = spec.partners.empty() ? 0 : spec.partners.front().size();
  if (!spec.partners.empty() && spec.partners.size() != spec.scenarios.size())
    throw ModelError("partner regions given for some scenarios only");
  for (std::size_t p = 0; p < n_partners; ++p)
    out.partners.push_back({spec.partners.front()[p].model.region.name,
                            std::vector<double>(runs * per_run),
                            std::vector<double>(runs * per_run_fiscal)});

  std::optional<tbb::global_control> limit;
  if (spec.threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, spec.threads);
  std::mutex progress_mutex;
  std::size_t done = 0;
  const std::size_t panel_reps =
      std::min<std::size_t>(std::max(0, spec.panel_replicates), spec.replicates);
  std::vector<PanelTable> panels(spec.scenarios.size() * panel_reps);
  tbb::parallel_for(std::size_t{0}, runs, [&](std::size_t run) {
    const std::size_t scenario = run / spec.replicates;
    const std::size_t replicate = run % spec.replicates;
    PanelTable* panel =
        replicate < panel_reps ? &panels[scenario * panel_reps + replicate] : nullptr;
    std::vector<const ModelConfig*> configs{&spec.scenarios[scenario].model};
    for (std::size_t p = 0; p < n_partners; ++p)
      configs.push_back(&spec.partners[scenario][p].model);
    const auto results = run_regions(configs, spec.seed, replicate, panel);
    std::copy(results[0].indicators.begin(), results[0].indicators.end(),
              out.trajectories.begin() + run * per_run);
    std::copy(results[0].fiscal.begin(), results[0].fiscal.end(),
              out.fiscal.begin() + run * per_run_fiscal);
    for (std::size_t p = 0; p < n_partners; ++p) {
      std::copy(results[p + 1].indicators.begin(), results[p + 1].indicators.end(),
                out.partners[p].trajectories.begin() + run * per_run);
      std::copy(results[p + 1].fiscal.begin(), results[p + 1].fiscal.end(),
                out.partners[p].fiscal.begin() + run * per_run_fiscal);
    }
    if (spec.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      spec.progress(++done, runs);
    }
  });
  if (panel_reps > 0) {
    out.panels.resize(spec.scenarios.size());
    for (std::size_t s = 0; s < spec.scenarios.size(); ++s)
      for (std::size_t rep = 0; rep < panel_reps; ++rep)
        out.panels[s].append(panels[s * panel_reps + rep]);
  }
  return out;
}

}  // namespace innosim
