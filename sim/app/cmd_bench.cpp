// `innosim bench`: throughput of the model on a preset, in firm-steps per second, with one
// thread and with all of them. Numbers, not assertions: the machines are shared and noisy.
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "app/commands.h"
#include "config/config_loader.h"
#include "run/replicate.h"

namespace innosim {
namespace {

struct BenchOptions {
  std::string region;
  int replicates = 8;
  std::vector<std::string> sets;
  int threads = 0;  // 0: all cores
};

// Runs the replicates on `threads` threads; returns (firm-steps, seconds).
std::pair<double, double> measure(const ModelConfig& m, int replicates, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  std::vector<double> firm_steps(replicates);
  const auto t0 = std::chrono::steady_clock::now();
  tbb::parallel_for(0, replicates, [&](int r) {
    firm_steps[r] = run_replicate(m, {1, static_cast<std::uint64_t>(r)}).firm_steps;
  });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double total = 0;
  for (double f : firm_steps) total += f;
  return {total, seconds};
}

int bench(const BenchOptions& o, const CommonOptions& common) {
  const LoadedConfig c = load_config({resolve_data_dir(common.data_dir), o.region, {}, o.sets});
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::cout << fmt::format(
      "innosim bench: region {}, {} firms, {}-{}, {} steps/yr, {} replicates\n",
      c.model.region.name, c.model.region.firms_total, c.model.region.base_year,
      c.model.time.end_year, c.model.time.steps_per_year, o.replicates);
  const int many = o.threads > 0 ? o.threads : cores;
  double one = 0;
  for (int threads : {1, many}) {
    const auto [firm_steps, seconds] = measure(c.model, o.replicates, threads);
    const double rate = firm_steps / seconds;
    if (threads == 1) one = rate;
    std::cout << fmt::format(
        "  {} thread(s): {:.3g} firm-steps in {:.2f} s = {:.3g} firm-steps/s ({:.3g} per thread), "
        "{:.2f} replicates/s, speed-up {:.2f}\n",
        threads, firm_steps, seconds, rate, rate / threads, o.replicates / seconds, rate / one);
    if (many == 1) break;
  }
  return 0;
}

}  // namespace

void add_bench_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd =
      app.add_subcommand("bench", "measure throughput (firm-steps per second) on a preset");
  cmd->add_option("--region", o->region, "region preset (default: the default preset)");
  cmd->add_option("--replicates", o->replicates, "replicates per measurement")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--set", o->sets, "override a configuration key: key=value (repeatable)");
  cmd->add_option("--threads", o->threads,
                  "threads of the second measurement, after one thread (0 = all cores)")
      ->check(CLI::Range(0, 4096));
  cmd->callback([o, &common, &action] { action = [o, &common] { return bench(*o, common); }; });
}

}  // namespace innosim
