// `innosim merge SHARD... --out FILE.h5`: joins the shards of a job array (`sweep --shard I/N`)
// into the file one process would have written, sensitivity indices included. A shard of
// another design, seed or innosim, a missing or repeated shard, or an unfinished one is
// refused with a message, before anything is written.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/sweep_indices_table.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/sweep_file.h"
#include "sweep/merge_shards.h"

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
  const sweep::MergedSweep m = sweep::merge_shards(data_dir, o.shards);
  const sweep::SweepPlan& plan = m.plan;
  const sweep::SweepResult& all = m.result;
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
