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
#include "app/progress_bar.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/sweep_file.h"
#include "observe/indicator_catalog.h"
#include "run/memory_estimate.h"
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
};

std::string quote(const std::string& s) {
  return s.find_first_of(" \"'$") == std::string::npos ? s : "'" + s + "'";
}

void print_indices(const sweep::SweepPlan& plan, const sweep::SweepResult& r,
                   const sweep::SweepIndices& x) {
  const sweep::SweepDesign& d = plan.design;
  std::vector<std::string> names = d.report_indicators;
  if (names.empty()) names = {"rd_intensity", "hntes"};
  const int year = d.report_year ? d.report_year : r.years.back();
  const auto t_at = std::find(r.years.begin(), r.years.end(), year);
  if (t_at == r.years.end())
    throw ConfigError(d.file, 0, "sweep.report_year", "not a simulated year");
  const std::size_t T = r.years.size(), I = kIndicatorCount, K = d.factors.size(),
                    t = static_cast<std::size_t>(t_at - r.years.begin());
  for (std::size_t s = 0; s < r.scenario_names.size(); ++s)
    for (const auto& name : names) {
      const int i = find_indicator(name);
      if (i < 0) throw ConfigError(d.file, 0, "sweep.report_indicators", "unknown " + name);
      std::cout << fmt::format("\n{} in {}, scenario {}:\n", name, year, r.scenario_names[s]);
      const std::size_t at = ((s * T + t) * I + static_cast<std::size_t>(i)) * K;
      if (x.sobol) {
        std::cout << fmt::format("  {:<44} {:>26} {:>26}\n", "factor", "first order [95%]",
                                 "total [95%]");
        for (std::size_t f = 0; f < K; ++f)
          std::cout << fmt::format(
              "  {:<44} {:>7.3f} [{:>6.3f}, {:>6.3f}] {:>7.3f} [{:>6.3f}, "
              "{:>6.3f}]\n",
              d.factors[f].key, x.first[at + f], x.first_low[at + f], x.first_high[at + f],
              x.total[at + f], x.total_low[at + f], x.total_high[at + f]);
      } else {
        std::cout << fmt::format("  {:<44} {:>12} {:>12} {:>12}\n", "factor", "mu*", "mu", "sigma");
        for (std::size_t f = 0; f < K; ++f)
          std::cout << fmt::format("  {:<44} {:>12.4g} {:>12.4g} {:>12.4g}\n", d.factors[f].key,
                                   x.mu_star[at + f], x.mu[at + f], x.sigma[at + f]);
      }
    }
}

int sweep_command(const SweepOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  const sweep::SweepDesign design = sweep::load_design(o.design);
  const sweep::SweepPlan plan = sweep::plan_sweep(data_dir, design);
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
  const std::string out =
      o.out.empty() ? "innosim-sweep-" + std::filesystem::path(o.design).stem().string() + ".h5"
                    : o.out;
  check_writable(out);
  check_not_input(out, {o.design});

  sweep::SweepResult result = sweep::empty_result(plan);
  if (o.resume && std::filesystem::exists(out)) result = read_sweep_checkpoint(out, plan);

  // Memory and time: the tasks as one ensemble of the first point.
  EnsembleSpec probe;
  for (const auto& f : plan.scenario_files)
    probe.scenarios.push_back(
        load_config({data_dir, design.region, {f}, sweep::point_overrides(plan, 0)}));
  probe.replicates = static_cast<int>(plan.unit.size()) * design.replicates;
  probe.threads = o.threads;
  refuse_if_too_large(probe, 0);
  const bool terminal = !o.quiet && ::isatty(STDERR_FILENO);
  if (!o.quiet)
    std::cerr << fmt::format(
        "innosim sweep: {} points x {} scenarios x {} replicates = {} tasks"
        "{}; {}\n",
        plan.unit.size(), plan.scenario_files.size(), design.replicates, plan.tasks(),
        result.finished() ? fmt::format(", {} already done", result.finished()) : std::string(),
        describe(estimate_peak_memory(probe)));

  ProgressBar bar("innosim sweep", terminal);
  std::size_t logged = 0;
  const auto progress = [&](std::size_t done, std::size_t total) {
    bar.update(done, total);
    if (!terminal && !o.quiet && done * 20 / total > logged) {  // a line per 5% in a log
      logged = done * 20 / total;
      std::cerr << fmt::format("innosim sweep: {}/{} tasks\n", done, total);
    }
  };
  const auto checkpoint = [&](const sweep::SweepResult& r) {
    write_sweep_file(out, plan, r, nullptr, common.command_line);
  };
  sweep::run_sweep(plan, result, o.threads, o.checkpoint_seconds, checkpoint, progress);
  const sweep::SweepIndices indices = sweep::sweep_indices(plan, result);
  write_sweep_file(out, plan, result, &indices, common.command_line);
  if (!o.quiet) {
    if (indices.sobol || indices.morris) print_indices(plan, result, indices);
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
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->callback(
      [o, &common, &action] { action = [o, &common] { return sweep_command(*o, common); }; });
}

}  // namespace innosim
