// `innosim merge SHARD... --out FILE.h5`: joins the shards of a job array (`sweep --shard I/N`)
// into the file one process would have written, sensitivity indices included. A shard of
// another design, seed or innosim, a missing or repeated shard, or an unfinished one is
// refused with a message, before anything is written.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <set>

#include "app/commands.h"
#include "app/sweep_indices_table.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/sweep_file.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string out;
  bool quiet = false;
};

int merge(const MergeOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  check_writable(o.out);
  check_not_input(o.out, o.shards);
  std::vector<SweepFileHeader> headers;
  for (const auto& s : o.shards) headers.push_back(read_sweep_header(s));
  const SweepFileHeader& first = headers.front();
  std::set<std::int64_t> seen;
  for (std::size_t k = 0; k < headers.size(); ++k) {
    const SweepFileHeader& h = headers[k];
    const std::string& file = o.shards[k];
    if (h.design_text != first.design_text)
      throw IoError(file, "is a shard of another design than " + o.shards.front());
    if (h.seed != first.seed) throw IoError(file, "was made with another seed");
    if (h.version != first.version)
      throw IoError(file, "was written by another innosim (" + h.version + " against " +
                              first.version + ")");
    if (h.shard_count != first.shard_count)
      throw IoError(file, fmt::format("is one of {} shards, {} one of {}", h.shard_count,
                                      o.shards.front(), first.shard_count));
    if (!seen.insert(h.shard_index).second)
      throw IoError(file, fmt::format("repeats shard {}/{}", h.shard_index, h.shard_count));
  }
  std::string missing;
  for (std::int64_t i = 0; i < first.shard_count; ++i)
    if (!seen.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  if (!missing.empty())
    throw IoError(o.out, fmt::format("shards {} of {} are missing: nothing written", missing,
                                     first.shard_count));

  sweep::SweepPlan plan = sweep::plan_sweep(
      data_dir, sweep::parse_design(first.design_text, o.shards.front() + ": /design"));
  sweep::SweepResult all = sweep::empty_result(plan);
  const std::size_t per_run = all.years.size() * kIndicatorCount,
                    per_fiscal = all.years.size() * kLeverCount * kGovLevels;
  for (std::size_t k = 0; k < o.shards.size(); ++k) {
    sweep::SweepPlan shard_plan = plan;
    shard_plan.shard_index = static_cast<std::size_t>(headers[k].shard_index);
    shard_plan.shard_count = static_cast<std::size_t>(headers[k].shard_count);
    const sweep::SweepResult part = read_sweep_checkpoint(o.shards[k], shard_plan);
    if (!part.complete(shard_plan))
      throw IoError(o.shards[k],
                    fmt::format("shard {}/{} is unfinished ({} of {} tasks): finish it with "
                                "innosim sweep --shard {}/{} --resume",
                                shard_plan.shard_index, shard_plan.shard_count, part.finished(),
                                shard_plan.shard_tasks(), shard_plan.shard_index,
                                shard_plan.shard_count));
    for (std::size_t t = 0; t < plan.tasks(); ++t)
      if (part.done[t]) {
        std::copy_n(part.trajectories.begin() + static_cast<long>(t * per_run), per_run,
                    all.trajectories.begin() + static_cast<long>(t * per_run));
        std::copy_n(part.fiscal.begin() + static_cast<long>(t * per_fiscal), per_fiscal,
                    all.fiscal.begin() + static_cast<long>(t * per_fiscal));
        all.done[t] = 1;
      }
  }
  const sweep::SweepIndices indices = sweep::sweep_indices(plan, all);
  write_sweep_file(o.out, plan, all, &indices, common.command_line);
  if (!o.quiet) {
    if (indices.sobol || indices.morris) print_sweep_indices(plan, all, indices);
    std::cout << fmt::format("\nMerged {} shards into {}\n", o.shards.size(), o.out);
  }
  return 0;
}

}  // namespace

void add_merge_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd =
      app.add_subcommand("merge", "join the shards of a sweep (sweep --shard I/N) into one file");
  cmd->add_option("shards", o->shards, "the shard files, every one of them")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "the merged HDF5 file")->required();
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->callback([o, &common, &action] { action = [o, &common] { return merge(*o, common); }; });
}

}  // namespace innosim
