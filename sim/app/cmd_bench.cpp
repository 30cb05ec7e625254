// `innosim bench`: throughput of the model in firm-steps per second. On a preset, across
// replicates (one and all threads); with --firms, one big run of a synthetic region of that
// many firms (the preset scaled), on one and all threads, with its bytes per firm, the
// process's peak memory and the time split between phases. Numbers, not assertions: the
// machines are shared and noisy (docs/PERFORMANCE.md).
#include <fmt/format.h>
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/commands.h"
#include "config/config_loader.h"
#include "config/scaled_region.h"
#include "init/initial_population.h"
#include "run/replicate.h"
#include "run/world_bytes.h"
#include "step.h"

namespace innosim {
namespace {

using json = nlohmann::ordered_json;

struct BenchOptions {
  std::string region;
  int replicates = 8;
  std::vector<std::string> sets;
  int threads = 0;  // 0: all cores
  std::vector<double> firms;
  int years = 1;
  bool json = false;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The process's peak resident memory so far, bytes.
double peak_rss() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) * 1024.0;
}

// Runs the replicates on `threads` threads; returns (firm-steps, seconds).
std::pair<double, double> measure_replicates(const ModelConfig& m, int replicates, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  std::vector<double> firm_steps(replicates);
  const auto t0 = std::chrono::steady_clock::now();
  tbb::parallel_for(0, replicates, [&](int r) {
    firm_steps[r] = run_replicate(m, {1, static_cast<std::uint64_t>(r)}).firm_steps;
  });
  const double seconds = seconds_since(t0);
  double total = 0;
  for (double f : firm_steps) total += f;
  return {total, seconds};
}

struct BigRun {
  double init_seconds = 0, step_seconds = 0, firm_steps = 0;
  PhaseTimes phases;
  WorldBytes bytes;
  double firms_at_end = 0;
};

// One replicate of `m`: the base year, then `years` years of steps on `threads` threads.
BigRun measure_big_run(const ModelConfig& m, int years, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  BigRun out;
  auto t0 = std::chrono::steady_clock::now();
  World w = initial_population(m, {1, 0});
  out.init_seconds = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  for (int s = 0; s < years * m.time.steps_per_year; ++s) {
    out.firm_steps += static_cast<double>(w.firms.size());
    step(w, m, &out.phases);
  }
  out.step_seconds = seconds_since(t0);
  out.bytes = world_bytes(w);
  out.firms_at_end = static_cast<double>(w.firms.size());
  return out;
}

int bench_replicates(const BenchOptions& o, const LoadedConfig& c, int many) {
  json report = {{"mode", "replicates"},
                 {"region", c.model.region.name},
                 {"firms", c.model.region.firms_total},
                 {"years", {c.model.region.base_year, c.model.time.end_year}},
                 {"steps_per_year", c.model.time.steps_per_year},
                 {"replicates", o.replicates},
                 {"measurements", json::array()}};
  if (!o.json)
    std::cout << fmt::format(
        "innosim bench: region {}, {} firms, {}-{}, {} steps/yr, {} replicates\n",
        c.model.region.name, c.model.region.firms_total, c.model.region.base_year,
        c.model.time.end_year, c.model.time.steps_per_year, o.replicates);
  double one = 0;
  for (int threads : {1, many}) {
    const auto [firm_steps, seconds] = measure_replicates(c.model, o.replicates, threads);
    const double rate = firm_steps / seconds;
    if (threads == 1) one = rate;
    report["measurements"].push_back({{"threads", threads},
                                      {"firm_steps", firm_steps},
                                      {"seconds", seconds},
                                      {"firm_steps_per_second", rate},
                                      {"speed_up", rate / one}});
    if (!o.json)
      std::cout << fmt::format(
          "  {} thread(s): {:.3g} firm-steps in {:.2f} s = {:.3g} firm-steps/s ({:.3g} per "
          "thread), {:.2f} replicates/s, speed-up {:.2f}\n",
          threads, firm_steps, seconds, rate, rate / threads, o.replicates / seconds, rate / one);
    if (many == 1) break;
  }
  report["peak_memory_bytes"] = peak_rss();
  if (o.json) std::cout << report.dump(2) << "\n";
  return 0;
}

int bench_firms(const BenchOptions& o, const LoadedConfig& c, int many,
                const std::string& data_dir) {
  json report = {{"mode", "one run"},
                 {"region", c.model.region.name + " scaled"},
                 {"years", o.years},
                 {"steps_per_year", c.model.time.steps_per_year},
                 {"sizes", json::array()}};
  for (const double firms : o.firms) {
    std::vector<std::string> sets = o.sets;
    for (auto& s : scaled_region_sets(c.model, firms)) sets.push_back(std::move(s));
    const LoadedConfig sc = load_config({data_dir, o.region, {}, sets});
    json size = {{"firms", firms}, {"measurements", json::array()}};
    if (!o.json)
      std::cout << fmt::format("innosim bench: {} scaled to {:.0f} firms, one run of {} year(s)\n",
                               c.model.region.name, firms, o.years);
    double one = 0;
    BigRun first;
    for (int threads : {1, many}) {
      const BigRun r = measure_big_run(sc.model, o.years, threads);
      const double rate = r.firm_steps / r.step_seconds;
      if (threads == 1) one = rate, first = r;
      size["measurements"].push_back({{"threads", threads},
                                      {"init_seconds", r.init_seconds},
                                      {"step_seconds", r.step_seconds},
                                      {"firm_steps", r.firm_steps},
                                      {"firm_steps_per_second", rate},
                                      {"speed_up", rate / one}});
      if (!o.json)
        std::cout << fmt::format(
            "  {} thread(s): base year {:.2f} s; {:.3g} firm-steps in {:.2f} s = {:.3g} "
            "firm-steps/s, speed-up {:.2f}\n",
            threads, r.init_seconds, r.firm_steps, r.step_seconds, rate, rate / one);
      if (many == 1) break;
    }
    const WorldBytes& b = first.bytes;
    const auto per_firm = [&](std::size_t bytes) {
      return static_cast<double>(bytes) / first.firms_at_end;
    };
    size["bytes_per_firm"] = per_firm(b.total());
    size["bytes"] = {
        {"firms", b.firms}, {"talent", b.talent}, {"network", b.network}, {"other", b.other}};
    size["peak_memory_bytes"] = peak_rss();
    json phases = json::object();
    for (int p = 0; p < kPhaseCount; ++p) phases[kPhaseNames[p]] = first.phases.seconds[p];
    size["phase_seconds_one_thread"] = phases;
    if (!o.json) {
      std::cout << fmt::format(
          "  memory: {:.0f} bytes per firm (firms {:.0f}, talent {:.0f}, network {:.0f}, other "
          "{:.0f}); peak of the process so far {:.2f} GB\n",
          per_firm(b.total()), per_firm(b.firms), per_firm(b.talent), per_firm(b.network),
          per_firm(b.other), peak_rss() / 1e9);
      std::cout << "  time by phase, one thread:";
      for (int p = 0; p < kPhaseCount; ++p)
        if (first.phases.seconds[p] >= 0.005 * first.step_seconds)
          std::cout << fmt::format(" {} {:.0f}%,", kPhaseNames[p],
                                   100 * first.phases.seconds[p] / first.step_seconds);
      std::cout << "\n";
    }
    report["sizes"].push_back(size);
  }
  if (o.json) std::cout << report.dump(2) << "\n";
  return 0;
}

int bench(const BenchOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  const LoadedConfig c = load_config({data_dir, o.region, {}, o.sets});
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int many = o.threads > 0 ? o.threads : cores;
  return o.firms.empty() ? bench_replicates(o, c, many) : bench_firms(o, c, many, data_dir);
}

}  // namespace

void add_bench_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "measure throughput (firm-steps per second), memory and the phases' time");
  cmd->add_option("--region", o->region, "region preset (default: the default preset)");
  cmd->add_option("--replicates", o->replicates, "replicates per measurement (default 8)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--set", o->sets, "override a configuration key: key=value (repeatable)");
  cmd->add_option("--threads", o->threads,
                  "threads of the second measurement, after one thread (0 = all cores)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--firms", o->firms,
                  "instead of replicates, one run of the preset scaled to this many firms "
                  "(repeatable: 1e4 1e5 1e6 1e7 shows how the cost grows)")
      ->check(CLI::Range(1000.0, 1e8));
  cmd->add_option("--years", o->years, "simulated years of each --firms run (default 1)")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--json", o->json, "print the measurements as JSON");
  cmd->callback([o, &common, &action] { action = [o, &common] { return bench(*o, common); }; });
}

}  // namespace innosim
