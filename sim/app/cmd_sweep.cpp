// `innosim sweep DESIGN.toml`: runs a design's points x scenarios x replicates, checkpointing
// the file as tasks finish; `--resume` redoes only the unfinished tasks of an earlier file of the
// same design; Sobol' or Morris indices are written to /sensitivity and printed at the end.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/mpi_world.h"
#include "app/progress_bar.h"
#include "app/sweep_indices_table.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/sweep_file.h"
#include "observe/indicator_catalog.h"
#include "run/memory_estimate.h"
#include "sweep/merge_shards.h"
#include "sweep/sweep_indices.h"

namespace innosim {
namespace {

struct SweepOptions {
  std::string design;
  std::string out;
  bool resume = false;
  int threads = 0;
  int show_point = -1;
  double checkpoint_seconds = 30;
  bool quiet = false;
  std::string shard;  // "I/N"
};

// "I/N" with 0 <= I < N.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& s) {
  const auto slash = s.find('/');
  std::size_t i = 0, n = 0, used_i = 0, used_n = 0;
  try {
    if (slash != std::string::npos) {
      i = std::stoul(s.substr(0, slash), &used_i);
      n = std::stoul(s.substr(slash + 1), &used_n);
    }
  } catch (const std::exception&) {
    n = 0;
  }
  if (slash == std::string::npos || used_i != slash || used_n != s.size() - slash - 1 || n == 0 ||
      i >= n || n > 100000)
    throw ConfigError(
        "command line", 0, "--shard",
        "expected I/N with 0 <= I < N (a job array's task and size), got '" + s + "'");
  return {i, n};
}

std::string quote(const std::string& s) {
  return s.find_first_of(" \"'$") == std::string::npos ? s : "'" + s + "'";
}

// The rank files `<out>.rankRofN` of an MPI job with N other than `ranks`, with their (R, N).
std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> other_rank_files(
    const std::string& out, int ranks) {
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> found;
  const std::filesystem::path p(out);
  const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : ".";
  const std::string prefix = p.filename().string() + ".rank";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string tail = name.substr(prefix.size());  // "RofN"
    const auto of = tail.find("of");
    if (of == std::string::npos) continue;
    const std::string rs = tail.substr(0, of), ns = tail.substr(of + 2);
    const auto number = [](const std::string& d) {
      return !d.empty() && d.size() <= 6 && d.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!number(rs) || !number(ns)) continue;
    const std::size_t r = std::stoul(rs), n = std::stoul(ns);
    if (n != static_cast<std::size_t>(ranks) && r < n)
      found.push_back({(dir / name).string(), {r, n}});
  }
  std::sort(found.begin(), found.end());
  return found;
}

int sweep_command(const SweepOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  const sweep::SweepDesign design = sweep::load_design(o.design);
  sweep::SweepPlan plan = sweep::plan_sweep(data_dir, design);
  if (!o.shard.empty()) std::tie(plan.shard_index, plan.shard_count) = parse_shard(o.shard);
  // Under mpirun the ranks share the tasks as the shards of a job array do: each writes (and
  // checkpoints) its own rank file, and rank 0 merges them into --out at the end.
  const MpiWorld& world = *common.world;
  const bool ranks = world.size() > 1;
  if (ranks && !o.shard.empty())
    throw ConfigError("command line", 0, "--shard", "give --shard or mpirun, not both");
  if (ranks) {
    plan.shard_index = static_cast<std::size_t>(world.rank());
    plan.shard_count = static_cast<std::size_t>(world.size());
  }
  const bool quiet = o.quiet || world.rank() != 0;  // rank 0 speaks for the job
  if (o.show_point >= 0) {
    if (static_cast<std::size_t>(o.show_point) >= plan.unit.size())
      throw ConfigError("command line", 0, "--show-point",
                        fmt::format("the design has points 0 to {}", plan.unit.size() - 1));
    std::string cmd = "innosim run --region " + design.region;
    for (const auto& f : plan.scenario_files) cmd += " --scenario " + quote(f);
    cmd += fmt::format(" --seed {} --replicates {}", design.seed, design.replicates);
    for (const auto& s : sweep::point_overrides(plan, static_cast<std::size_t>(o.show_point)))
      cmd += " --set " + quote(s);
    std::cout << cmd << "\n";
    return 0;
  }
  const std::string stem = std::filesystem::path(o.design).stem().string();
  const std::string final_out = !o.out.empty() ? o.out
                                : plan.shard_count == 1 || ranks
                                    ? "innosim-sweep-" + stem + ".h5"
                                    : fmt::format("innosim-sweep-{}-shard{}of{}.h5", stem,
                                                  plan.shard_index, plan.shard_count);
  const auto rank_file = [&](int r) {
    return fmt::format("{}.rank{}of{}", final_out, r, world.size());
  };
  const std::string out = ranks ? rank_file(world.rank()) : final_out;
  check_writable(final_out);
  check_writable(out);
  check_not_input(final_out, {o.design});

  sweep::SweepResult result;
  if (o.resume && std::filesystem::exists(out)) {
    result = read_sweep_checkpoint(out, plan);
  } else if (o.resume && ranks && std::filesystem::exists(final_out)) {
    // A finished MPI job (its rank files merged and removed): each rank keeps its own tasks.
    sweep::SweepPlan whole = plan;
    whole.shard_index = 0;
    whole.shard_count = 1;
    result = read_sweep_checkpoint(final_out, whole);
    for (std::size_t t = 0; t < result.done.size(); ++t) result.done[t] &= plan.in_shard(t);
  } else if (o.resume && ranks) {
    // An MPI job interrupted with another number of ranks: its rank files hold shards of
    // another count; each rank takes the finished tasks of its own shard from all of them.
    result = sweep::empty_result(plan);
    for (const auto& file : other_rank_files(final_out, world.size())) {
      sweep::SweepPlan theirs = plan;
      std::tie(theirs.shard_index, theirs.shard_count) = file.second;
      const sweep::SweepResult r = read_sweep_checkpoint(file.first, theirs);
      const std::size_t per_task = r.trajectories.size() / r.done.size(),
                        per_fiscal = r.fiscal.size() / r.done.size();
      for (std::size_t t = 0; t < r.done.size(); ++t) {
        if (!r.done[t] || !plan.in_shard(t)) continue;
        std::copy_n(r.trajectories.begin() + static_cast<long>(t * per_task), per_task,
                    result.trajectories.begin() + static_cast<long>(t * per_task));
        std::copy_n(r.fiscal.begin() + static_cast<long>(t * per_fiscal), per_fiscal,
                    result.fiscal.begin() + static_cast<long>(t * per_fiscal));
        result.done[t] = 1;
      }
    }
  } else {
    result = sweep::empty_result(plan);
  }

  // Memory and time: the tasks as one ensemble of the first point.
  EnsembleSpec probe;
  for (const auto& f : plan.scenario_files)
    probe.scenarios.push_back(
        load_config({data_dir, design.region, {f}, sweep::point_overrides(plan, 0)}));
  probe.replicates = static_cast<int>(plan.unit.size()) * design.replicates;
  probe.threads = o.threads;
  refuse_if_too_large(probe, 0);
  const bool terminal = !quiet && ::isatty(STDERR_FILENO);
  if (!quiet)
    std::cerr << fmt::format(
        "innosim sweep: {} points x {} scenarios x {} replicates = {} tasks{}{}; {}\n",
        plan.unit.size(), plan.scenario_files.size(), design.replicates, plan.tasks(),
        plan.shard_count > 1
            ? fmt::format(" ({} in {} {}/{})", plan.shard_tasks(), ranks ? "rank" : "shard",
                          plan.shard_index, plan.shard_count)
            : std::string(),
        result.finished() ? fmt::format(", {} already done", result.finished()) : std::string(),
        describe(estimate_peak_memory(probe)));

  ProgressBar bar("innosim sweep", terminal);
  std::size_t logged = 0;
  const auto progress = [&](std::size_t done, std::size_t total) {
    bar.update(done, total);
    if (!terminal && !quiet && done * 20 / total > logged) {  // a line per 5% in a log
      logged = done * 20 / total;
      std::cerr << fmt::format("innosim sweep: {}/{} tasks\n", done, total);
    }
  };
  const auto checkpoint = [&](const sweep::SweepResult& r) {
    write_sweep_file(out, plan, r, nullptr, common.command_line);
    // Rank 0 reports the whole job from every rank's last checkpoint (rank files are replaced
    // atomically, so each read sees a complete one).
    if (ranks && !quiet) {
      std::int64_t done = 0;
      for (int k = 0; k < world.size(); ++k) try {
          done += read_sweep_header(rank_file(k)).tasks_done;
        } catch (const IoError&) {  // that rank has not checkpointed yet
        }
      std::cerr << fmt::format(
          "innosim sweep: {}/{} tasks of the whole job at the ranks' last "
          "checkpoints\n",
          done, plan.tasks());
    }
  };
  sweep::run_sweep(plan, result, o.threads, o.checkpoint_seconds, checkpoint, progress);
  // A shard's file (a rank's, a job array task's) is final as it stands; a whole sweep's is
  // written once, below, with its indices.
  if (plan.shard_count > 1) write_sweep_file(out, plan, result, nullptr, common.command_line);
  if (ranks) {
    world.barrier();  // every rank file is complete
    if (world.rank() != 0) return 0;
    std::vector<std::string> files;
    for (int r = 0; r < world.size(); ++r) files.push_back(rank_file(r));
    const sweep::MergedSweep m = sweep::merge_shards(data_dir, files);
    const sweep::SweepIndices indices = sweep::sweep_indices(m.plan, m.result);
    write_sweep_file(final_out, m.plan, m.result, &indices, common.command_line);
    for (const auto& f : files) std::filesystem::remove(f);  // merged: no longer needed
    for (const auto& f : other_rank_files(final_out, world.size()))
      std::filesystem::remove(f.first);  // an earlier job's, resumed: in `final_out` too
    if (!o.quiet) {
      if (indices.sobol || indices.morris) print_sweep_indices(m.plan, m.result, indices);
      std::cout << fmt::format("\nWrote {} ({} MPI ranks)\n", final_out, world.size());
    }
    return 0;
  }
  if (plan.shard_count > 1) {  // the indices need every shard: innosim merge computes them
    if (!o.quiet)
      std::cout << fmt::format("Wrote {} (shard {}/{}); join the shards with innosim merge\n", out,
                               plan.shard_index, plan.shard_count);
    return 0;
  }
  const sweep::SweepIndices indices = sweep::sweep_indices(plan, result);
  write_sweep_file(out, plan, result, &indices, common.command_line);
  if (!o.quiet) {
    if (indices.sobol || indices.morris) print_sweep_indices(plan, result, indices);
    std::cout << "\nWrote " << out << "\n";
  }
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "run a design of points over model parameters and levers (docs/SWEEPS.md)");
  cmd->add_option("design", o->design, "a sweep design (scenarios/<region>/sweeps/*.toml)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "output HDF5 file (default innosim-sweep-<design>.h5)");
  cmd->add_flag("--resume", o->resume,
                "keep the finished tasks of --out (same design and seed) and run the rest");
  cmd->add_option("--threads", o->threads, "worker threads (0 = all cores)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--show-point", o->show_point,
                  "print the innosim run command that reruns point K alone, and exit")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--checkpoint-seconds", o->checkpoint_seconds,
                  "rewrite the file with the finished tasks at most this often (default 30)")
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--shard", o->shard,
                  "run only a job array's share I/N of the tasks (0 <= I < N); join the shards "
                  "with innosim merge");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->callback(
      [o, &common, &action] { action = [o, &common] { return sweep_command(*o, common); }; });
}

}  // namespace innosim
