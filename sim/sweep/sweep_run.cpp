#include "sweep/sweep_run.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>

#include "config/config_loader.h"
#include "core/errors.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"
#include "run/replicate.h"
#include "run/wall_interval.h"

namespace innosim::sweep {

SweepPlan plan_sweep(const std::string& data_dir, const SweepDesign& design) {
  SweepPlan plan;
  plan.data_dir = data_dir;
  plan.design = design;
  plan.unit = unit_points(design);
  std::vector<std::string> names = design.scenarios;
  if (names.empty())
    names = load_config({data_dir, design.region, {}, design.sets}).model.region.default_scenarios;
  if (names.empty()) throw ConfigError(design.file, 0, "sweep.scenarios", "no scenario to run");
  for (const auto& n : names)
    plan.scenario_files.push_back(
        std::filesystem::exists(n) ? n : scenario_file(data_dir, design.region, n));
  for (const auto& u : plan.unit) plan.values.push_back(factor_values(design, u));
  // Every factor at its first and last point: a value the model refuses fails now.
  for (const std::size_t p : {std::size_t{0}, plan.unit.size() - 1})
    for (const auto& f : plan.scenario_files) {
      const LoadedConfig c = load_config({data_dir, design.region, {f}, point_overrides(plan, p)});
      if (p != 0) continue;
      plan.scenario_names.push_back(c.model.scenario.name);
      if (plan.years.empty())
        for (int t = 0; t < year_count(c.model); ++t)
          plan.years.push_back(c.model.region.base_year + t);
    }
  return plan;
}

std::vector<std::string> point_overrides(const SweepPlan& plan, std::size_t p) {
  return point_sets(plan.design, plan.values[p]);
}

std::size_t SweepPlan::shard_tasks() const {
  std::size_t n = 0;
  for (std::size_t t = 0; t < tasks(); ++t) n += in_shard(t) ? 1 : 0;
  return n;
}

bool SweepResult::complete(const SweepPlan& plan) const {
  for (std::size_t t = 0; t < done.size(); ++t)
    if (plan.in_shard(t) && !done[t]) return false;
  return true;
}

std::size_t SweepResult::finished() const {
  return static_cast<std::size_t>(std::count(done.begin(), done.end(), std::uint8_t{1}));
}

SweepResult empty_result(const SweepPlan& plan) {
  SweepResult r;
  r.years = plan.years;
  r.scenario_names = plan.scenario_names;
  const std::size_t tasks = plan.tasks(), T = r.years.size();
  r.trajectories.assign(tasks * T * kIndicatorCount, std::nan(""));
  r.fiscal.assign(tasks * T * kLeverCount * kGovLevels, std::nan(""));
  r.done.assign(tasks, 0);
  return r;
}

void run_sweep(const SweepPlan& plan, SweepResult& result, int threads, double checkpoint_seconds,
               const std::function<void(const SweepResult&)>& checkpoint,
               const std::function<void(std::size_t, std::size_t)>& progress) {
  const std::size_t S = plan.scenario_files.size();
  const auto R = static_cast<std::size_t>(plan.design.replicates);
  const std::size_t T = result.years.size();
  const std::size_t per_run = T * kIndicatorCount, per_fiscal = T * kLeverCount * kGovLevels;
  std::vector<std::size_t> todo;
  for (std::size_t task = 0; task < plan.tasks(); ++task)
    if (plan.in_shard(task) && !result.done[task]) todo.push_back(task);
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, threads);
  std::mutex lock;
  WallInterval interval(checkpoint_seconds);
  std::size_t done = result.finished();
  tbb::parallel_for(std::size_t{0}, todo.size(), [&](std::size_t k) {
    const std::size_t task = todo[k];
    const std::size_t point = task / (S * R), scenario = task / R % S, replicate = task % R;
    const LoadedConfig c = load_config({plan.data_dir,
                                        plan.design.region,
                                        {plan.scenario_files[scenario]},
                                        point_overrides(plan, point)});
    if (static_cast<std::size_t>(year_count(c.model)) != T)
      throw ModelError("point " + std::to_string(point) + " has another time span than point 0");
    const ReplicateResult r = run_replicate(c.model, {plan.design.seed, replicate});
    std::lock_guard<std::mutex> guard(lock);
    std::copy(r.indicators.begin(), r.indicators.end(),
              result.trajectories.begin() + static_cast<long>(task * per_run));
    std::copy(r.fiscal.begin(), r.fiscal.end(),
              result.fiscal.begin() + static_cast<long>(task * per_fiscal));
    result.done[task] = 1;
    ++done;
    if (progress) progress(done, plan.shard_tasks());
    if (checkpoint && interval.due()) {
      checkpoint(result);
      interval.restart();
    }
  });
}

}  // namespace innosim::sweep
