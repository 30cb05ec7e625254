#include "sweep/merge_shards.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "io/sweep_file.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim::sweep {

MergedSweep merge_shards(const std::string& data_dir, const std::vector<std::string>& shards) {
  std::vector<SweepFileHeader> headers;
  for (const auto& s : shards) headers.push_back(read_sweep_header(s));
  const SweepFileHeader& first = headers.front();
  std::set<std::int64_t> seen;
  for (std::size_t k = 0; k < headers.size(); ++k) {
    const SweepFileHeader& h = headers[k];
    const std::string& file = shards[k];
    if (h.design_text != first.design_text)
      throw IoError(file, "is a shard of another design than " + shards.front());
    if (h.seed != first.seed) throw IoError(file, "was made with another seed");
    if (h.version != first.version)
      throw IoError(
          file, "was written by another innosim (" + h.version + " against " + first.version + ")");
    if (h.shard_count != first.shard_count)
      throw IoError(file, fmt::format("is one of {} shards, {} one of {}", h.shard_count,
                                      shards.front(), first.shard_count));
    if (!seen.insert(h.shard_index).second)
      throw IoError(file, fmt::format("repeats shard {}/{}", h.shard_index, h.shard_count));
  }
  std::string missing;
  for (std::int64_t i = 0; i < first.shard_count; ++i)
    if (!seen.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  if (!missing.empty())
    throw IoError(shards.front(), fmt::format("shards {} of {} are missing: nothing written",
                                              missing, first.shard_count));

  SweepPlan plan =
      plan_sweep(data_dir, parse_design(first.design_text, shards.front() + ": /design"));
  SweepResult all = empty_result(plan);
  const std::size_t per_run = all.years.size() * kIndicatorCount,
                    per_fiscal = all.years.size() * kLeverCount * kGovLevels;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    SweepPlan shard_plan = plan;
    shard_plan.shard_index = static_cast<std::size_t>(headers[k].shard_index);
    shard_plan.shard_count = static_cast<std::size_t>(headers[k].shard_count);
    const SweepResult part = read_sweep_checkpoint(shards[k], shard_plan);
    if (!part.complete(shard_plan))
      throw IoError(
          shards[k],
          fmt::format("shard {}/{} is unfinished ({} of {} tasks): finish it with "
                      "innosim sweep --shard {}/{} --resume",
                      shard_plan.shard_index, shard_plan.shard_count, part.finished(),
                      shard_plan.shard_tasks(), shard_plan.shard_index, shard_plan.shard_count));
    for (std::size_t t = 0; t < plan.tasks(); ++t)
      if (part.done[t]) {
        std::copy_n(part.trajectories.begin() + static_cast<long>(t * per_run), per_run,
                    all.trajectories.begin() + static_cast<long>(t * per_run));
        std::copy_n(part.fiscal.begin() + static_cast<long>(t * per_fiscal), per_fiscal,
                    all.fiscal.begin() + static_cast<long>(t * per_fiscal));
        all.done[t] = 1;
      }
  }
  return {plan, all};
}

}  // namespace innosim::sweep
