#include "run/ensemble.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

#include "core/errors.h"
#include "run/replicate.h"
#include "run/wall_interval.h"

namespace innosim {
namespace {

std::size_t panel_replicates(const EnsembleSpec& spec) {
  return std::min<std::size_t>(std::max(0, spec.panel_replicates), spec.replicates);
}

}  // namespace

std::size_t EnsembleResult::finished() const {
  return static_cast<std::size_t>(std::count(done.begin(), done.end(), std::uint8_t{1}));
}

EnsembleResult empty_ensemble(const EnsembleSpec& spec) {
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
  if (!spec.partners.empty() && spec.partners.size() != spec.scenarios.size())
    throw ModelError("partner regions given for some scenarios only");
  EnsembleResult out;
  const int years = year_count(first);
  for (int t = 0; t < years; ++t) out.years.push_back(first.region.base_year + t);
  for (const auto& s : spec.scenarios) out.scenario_names.push_back(s.model.scenario.name);
  out.replicates = spec.replicates;
  const std::size_t per_run = static_cast<std::size_t>(years) * kIndicatorCount;
  const std::size_t per_run_fiscal = static_cast<std::size_t>(years) * kLeverCount * kGovLevels;
  const std::size_t runs = spec.scenarios.size() * static_cast<std::size_t>(spec.replicates);
  const double nan = std::nan("");
  out.trajectories.assign(runs * per_run, nan);
  out.fiscal.assign(runs * per_run_fiscal, nan);
  out.done.assign(runs, 0);
  out.panel_runs.resize(spec.scenarios.size() * panel_replicates(spec));
  const std::size_t n_partners = spec.partners.empty() ? 0 : spec.partners.front().size();
  for (std::size_t p = 0; p < n_partners; ++p)
    out.partners.push_back({spec.partners.front()[p].model.region.name,
                            std::vector<double>(runs * per_run, nan),
                            std::vector<double>(runs * per_run_fiscal, nan)});
  return out;
}

namespace {

// The region configs of a task: its scenario's, then the partners'.
std::vector<const ModelConfig*> task_configs(const EnsembleSpec& spec, std::size_t run) {
  const std::size_t scenario = run / spec.replicates;
  if (!spec.replicate_configs.empty()) {
    std::vector<const ModelConfig*> own;
    for (const auto& c : spec.replicate_configs[scenario][run % spec.replicates]) own.push_back(&c);
    return own;
  }
  std::vector<const ModelConfig*> configs{&spec.scenarios[scenario].model};
  if (!spec.partners.empty())
    for (const auto& p : spec.partners[scenario]) configs.push_back(&p.model);
  return configs;
}

// Copies task `run`'s results into the arrays.
void gather(const EnsembleSpec& spec, EnsembleResult& out, std::size_t run,
            const std::vector<ReplicateResult>& results, PanelTable* panel) {
  const std::size_t per_run = out.years.size() * kIndicatorCount;
  const std::size_t per_run_fiscal = out.years.size() * kLeverCount * kGovLevels;
  std::copy(results[0].indicators.begin(), results[0].indicators.end(),
            out.trajectories.begin() + run * per_run);
  std::copy(results[0].fiscal.begin(), results[0].fiscal.end(),
            out.fiscal.begin() + run * per_run_fiscal);
  for (std::size_t p = 0; p < out.partners.size(); ++p) {
    std::copy(results[p + 1].indicators.begin(), results[p + 1].indicators.end(),
              out.partners[p].trajectories.begin() + run * per_run);
    std::copy(results[p + 1].fiscal.begin(), results[p + 1].fiscal.end(),
              out.partners[p].fiscal.begin() + run * per_run_fiscal);
  }
  const std::size_t panel_reps = panel_replicates(spec);
  const std::size_t scenario = run / spec.replicates, replicate = run % spec.replicates;
  if (panel && replicate < panel_reps)
    out.panel_runs[scenario * panel_reps + replicate] = std::move(*panel);
  out.done[run] = 1;
}

void join_panels(const EnsembleSpec& spec, EnsembleResult& out) {
  const std::size_t panel_reps = panel_replicates(spec);
  if (panel_reps == 0) return;
  out.panels.assign(spec.scenarios.size(), PanelTable());
  for (std::size_t s = 0; s < spec.scenarios.size(); ++s)
    for (std::size_t rep = 0; rep < panel_reps; ++rep)
      out.panels[s].append(out.panel_runs[s * panel_reps + rep]);
  out.panel_runs.clear();
}

// Every task in memory, advanced `state_every` years at a time, the state saved after each
// stretch. The tasks' draws do not depend on how their years are cut, so the arrays are those
// of run_ensemble's task-at-a-time path.
void run_together(const EnsembleSpec& spec, EnsembleResult& out) {
  const std::size_t runs = out.done.size();
  const int years = static_cast<int>(out.years.size());
  std::vector<std::optional<ReplicateRun>> held(runs);
  tbb::parallel_for(std::size_t{0}, runs, [&](std::size_t run) {
    const auto configs = task_configs(spec, run);
    held[run] = spec.start_from ? spec.start_from(run, configs)
                                : start_replicate(configs, spec.seed, run % spec.replicates,
                                                  run % spec.replicates < panel_replicates(spec));
  });
  std::vector<ReplicateRun> tasks;
  for (auto& t : held) tasks.push_back(std::move(*t));
  const int first = tasks.front().next_year;
  for (const auto& t : tasks)
    if (t.next_year != first) throw ModelError("the saved tasks are not at one year");
  // Progress counts task-years.
  const auto task_years = [&](int until) { return runs * static_cast<std::size_t>(until - first); };
  for (int next = first; next < years;) {
    const int until = spec.state_every > 0 ? std::min(years, next + spec.state_every) : years;
    tbb::parallel_for(std::size_t{0}, runs,
                      [&](std::size_t run) { advance_replicate(tasks[run], until); });
    next = until;
    if (spec.progress) spec.progress(task_years(next), task_years(years));
    if (spec.save_state) spec.save_state(tasks);
  }
  if (first >= years && spec.save_state) spec.save_state(tasks);  // nothing to simulate
  for (std::size_t run = 0; run < runs; ++run)
    gather(spec, out, run, tasks[run].results,
           tasks[run].record_panel ? &tasks[run].panel : nullptr);
}

}  // namespace

void run_ensemble(const EnsembleSpec& spec, EnsembleResult& out) {
  std::optional<tbb::global_control> limit;
  if (spec.threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, spec.threads);
  if (spec.advances_together()) {
    if (out.finished() > 0)
      throw ModelError("a run that saves or starts from a state cannot also resume a partial run");
    run_together(spec, out);
    join_panels(spec, out);
    return;
  }
  const std::size_t runs = out.done.size();
  const std::size_t panel_reps = panel_replicates(spec);
  std::vector<std::size_t> todo;
  for (std::size_t run = 0; run < runs; ++run)
    if (!out.done[run]) todo.push_back(run);
  std::mutex lock;
  WallInterval interval(spec.checkpoint_seconds);
  std::size_t done = out.finished();
  // Tasks in batches of at most max_in_flight; inside a task the phases use every thread.
  const std::size_t batch = spec.max_in_flight > 0 ? static_cast<std::size_t>(spec.max_in_flight)
                                                   : std::max<std::size_t>(1, todo.size());
  for (std::size_t from = 0; from < todo.size(); from += batch)
    tbb::parallel_for(from, std::min(todo.size(), from + batch), [&](std::size_t k) {
      const std::size_t run = todo[k];
      PanelTable panel;
      const bool with_panel = run % spec.replicates < panel_reps;
      const auto results = run_regions(task_configs(spec, run), spec.seed, run % spec.replicates,
                                       with_panel ? &panel : nullptr);
      std::lock_guard<std::mutex> guard(lock);
      gather(spec, out, run, results, with_panel ? &panel : nullptr);
      if (spec.progress) spec.progress(++done, runs);
      if (spec.checkpoint && done < runs && interval.due()) {
        spec.checkpoint(out);
        interval.restart();
      }
    });
  join_panels(spec, out);
}

EnsembleResult run_ensemble(const EnsembleSpec& spec) {
  EnsembleResult out = empty_ensemble(spec);
  run_ensemble(spec, out);
  return out;
}

}  // namespace innosim
