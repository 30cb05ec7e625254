// `innosim bench`: throughput of the model in firm-steps per second. On a preset, across
// replicates (one and all threads); with --firms, one big run of a synthetic region of that
// many firms (the preset scaled), on one and all threads, with its bytes per firm, the
// process's peak memory and the time split between phases. Numbers, not assertions: the
// machines are shared and noisy (docs/PERFORMANCE.md). Each measurement is repeated, one and
// all threads alternating, and the median reported with the range: a single pair measured in
// a fixed order gave two threads ×1.46-×2.31 on one core pair, the first run of a process
// being the slowest.
#include <fmt/format.h>
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
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
  int repeat = 3;
  bool json = false;
};

// The median of a measurement's repeats (the mean of the middle two for an even count).
double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

// Seconds of each repeat of a measurement on one thread count.
struct Repeats {
  int threads = 1;
  std::vector<double> seconds;
  double median_seconds() const { return median(seconds); }
  double fastest() const { return *std::min_element(seconds.begin(), seconds.end()); }
  double slowest() const { return *std::max_element(seconds.begin(), seconds.end()); }
};

// Repeats `measure(threads)` (which returns seconds) `repeat` times on one thread and on
// `many`, alternating, so that neither thread count always runs on a cold process.
template <class Measure>
std::vector<Repeats> alternate(int repeat, int many, Measure measure) {
  std::vector<Repeats> out{{1, {}}};
  if (many != 1) out.push_back({many, {}});
  for (int r = 0; r < repeat; ++r)
    for (Repeats& x : out) x.seconds.push_back(measure(x.threads));
  return out;
}

json repeats_json(const Repeats& x, double work, double one_rate) {
  const double rate = work / x.median_seconds();
  return {{"threads", x.threads},
          {"seconds", x.median_seconds()},
          {"seconds_each", x.seconds},
          {"firm_steps", work},
          {"firm_steps_per_second", rate},
          {"firm_steps_per_second_range", {work / x.slowest(), work / x.fastest()}},
          {"speed_up", rate / one_rate}};
}

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
  w.keep_exits = false;  // as in a run without a panel
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
  double firm_steps = 0;  // the same in every repeat: the runs are deterministic
  const auto runs = alternate(o.repeat, many, [&](int threads) {
    const auto [work, seconds] = measure_replicates(c.model, o.replicates, threads);
    firm_steps = work;
    return seconds;
  });
  const double one = firm_steps / runs[0].median_seconds();
  for (const Repeats& x : runs) {
    report["measurements"].push_back(repeats_json(x, firm_steps, one));
    const double seconds = x.median_seconds(), rate = firm_steps / seconds;
    if (!o.json)
      std::cout << fmt::format(
          "  {} thread(s): {:.3g} firm-steps in {:.2f} s = {:.3g} firm-steps/s ({:.3g} per "
          "thread; {:.3g}-{:.3g} over {} repeats), {:.2f} replicates/s, speed-up {:.2f}\n",
          x.threads, firm_steps, seconds, rate, rate / x.threads, firm_steps / x.slowest(),
          firm_steps / x.fastest(), x.seconds.size(), o.replicates / seconds, rate / one);
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
    BigRun first;  // the first one-thread run: its sizes are every repeat's
    // Summed over the repeats: [0] one thread, [1] all; a phase's own speed-up shows what
    // stays sequential.
    PhaseTimes phases[2];
    double phase_total[2] = {0, 0};
    std::vector<double> init_one, init_many;
    const auto runs = alternate(o.repeat, many, [&](int threads) {
      const BigRun r = measure_big_run(sc.model, o.years, threads);
      (threads == 1 ? init_one : init_many).push_back(r.init_seconds);
      if (threads == 1 && init_one.size() == 1) first = r;
      const int k = threads == 1 ? 0 : 1;
      for (int p = 0; p < kPhaseCount; ++p) phases[k].seconds[p] += r.phases.seconds[p];
      phase_total[k] += r.step_seconds;
      return r.step_seconds;
    });
    const double one = first.firm_steps / runs[0].median_seconds();
    for (const Repeats& x : runs) {
      const double init = median(x.threads == 1 ? init_one : init_many);
      json m = repeats_json(x, first.firm_steps, one);
      m["init_seconds"] = init;
      size["measurements"].push_back(m);
      const double rate = first.firm_steps / x.median_seconds();
      if (!o.json)
        std::cout << fmt::format(
            "  {} thread(s): base year {:.2f} s; {:.3g} firm-steps in {:.2f} s = {:.3g} "
            "firm-steps/s ({:.3g}-{:.3g} over {} repeats), speed-up {:.2f}\n",
            x.threads, init, first.firm_steps, x.median_seconds(), rate,
            first.firm_steps / x.slowest(), first.firm_steps / x.fastest(), x.seconds.size(),
            rate / one);
    }
    const WorldBytes& b = first.bytes;
    const auto per_firm = [&](std::size_t bytes) {
      return static_cast<double>(bytes) / first.firms_at_end;
    };
    size["bytes_per_firm"] = per_firm(b.total());
    size["bytes"] = {
        {"firms", b.firms}, {"talent", b.talent}, {"network", b.network}, {"other", b.other}};
    size["peak_memory_bytes"] = peak_rss();
    json split = json::object(), split_many = json::object();  // mean seconds a run
    for (int p = 0; p < kPhaseCount; ++p) {
      split[kPhaseNames[p]] = phases[0].seconds[p] / static_cast<double>(init_one.size());
      if (!init_many.empty())
        split_many[kPhaseNames[p]] = phases[1].seconds[p] / static_cast<double>(init_many.size());
    }
    size["phase_seconds_one_thread"] = split;
    if (!init_many.empty()) size["phase_seconds_all_threads"] = split_many;
    if (!o.json) {
      std::cout << fmt::format(
          "  memory: {:.0f} bytes per firm (firms {:.0f}, talent {:.0f}, network {:.0f}, other "
          "{:.0f}); peak of the process so far {:.2f} GB\n",
          per_firm(b.total()), per_firm(b.firms), per_firm(b.talent), per_firm(b.network),
          per_firm(b.other), peak_rss() / 1e9);
      // One thread's share of each phase, and (with more threads) the phase's own speed-up.
      const double reps = static_cast<double>(init_one.size()),
                   reps_many = static_cast<double>(init_many.size());
      std::cout << (init_many.empty() ? "  time by phase, one thread:"
                                      : "  time by phase, one thread (its speed-up on all):");
      for (int p = 0; p < kPhaseCount; ++p) {
        if (phases[0].seconds[p] < 0.005 * phase_total[0]) continue;
        std::cout << fmt::format(" {} {:.0f}%", kPhaseNames[p],
                                 100 * phases[0].seconds[p] / phase_total[0]);
        if (!init_many.empty() && phases[1].seconds[p] > 0)
          std::cout << fmt::format(
              " (×{:.2f})", phases[0].seconds[p] / reps / (phases[1].seconds[p] / reps_many));
        std::cout << ",";
      }
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
  cmd->add_option("--repeat", o->repeat,
                  "repeats of each measurement, one and all threads alternating; the median is "
                  "reported with the range (default 3)")
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--json", o->json, "print the measurements as JSON");
  cmd->callback([o, &common, &action] { action = [o, &common] { return bench(*o, common); }; });
}

}  // namespace innosim
