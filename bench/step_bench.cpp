// Throughput of one model step, of its per-step phases and of the initial population, in
// firms per second (items_per_second), and the machine's memory bandwidth (a STREAM triad,
// bytes_per_second) to compare them with. Whole runs across threads, bytes per firm and the
// year-end phases' split: `innosim bench` (docs/PERFORMANCE.md).
#include <benchmark/benchmark.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <vector>

#include "config/config_loader.h"
#include "config/scaled_region.h"
#include "init/initial_population.h"
#include "phases/exit.h"
#include "phases/growth.h"
#include "phases/incubation.h"
#include "phases/innovation.h"
#include "phases/phase_context.h"
#include "phases/talent_market.h"
#include "step.h"

namespace {

// The default preset scaled to `firms` firms.
innosim::ModelConfig model(long firms) {
  const innosim::LoadedConfig preset =
      innosim::load_config({INNOSIM_SOURCE_DIR, "yinchuan", {}, {}});
  return innosim::load_config(
             {INNOSIM_SOURCE_DIR,
              "yinchuan",
              {},
              innosim::scaled_region_sets(preset.model, static_cast<double>(firms))})
      .model;
}

void BM_Step(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(1)));
  const innosim::ModelConfig m = model(state.range(0));
  innosim::World w = innosim::initial_population(m, {1, 0});
  std::int64_t firms = 0;
  for (auto _ : state) {
    firms += static_cast<std::int64_t>(w.firms.size());
    innosim::step(w, m);
  }
  state.SetItemsProcessed(firms);
}
BENCHMARK(BM_Step)
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// One per-step phase on a world a year into the run, at one thread. The phase runs on the
// same state each iteration (the state drifts a little, as it would over a year's steps).
template <class Phase>
void phase_bench(benchmark::State& state, Phase phase) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const innosim::ModelConfig m = model(state.range(0));
  innosim::World w = innosim::initial_population(m, {1, 0});
  for (int s = 0; s < m.time.steps_per_year; ++s) innosim::step(w, m);
  const innosim::Now at = innosim::now(w);
  for (auto _ : state) phase(w, m, at);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.firms.size()));
}

void BM_Growth(benchmark::State& state) {
  phase_bench(state, [](innosim::World& w, const innosim::ModelConfig& m, innosim::Now at) {
    innosim::growth(w.firms, w.eco.carriers, w.macro, at, m);
  });
}
void BM_Innovation(benchmark::State& state) {
  phase_bench(state, [](innosim::World& w, const innosim::ModelConfig& m, innosim::Now at) {
    innosim::innovation(w.firms, w.eco, at, m);
  });
}
void BM_Exit(benchmark::State& state) {
  phase_bench(state, [](innosim::World& w, const innosim::ModelConfig& m, innosim::Now at) {
    innosim::exit_firms(w.firms, w.eco.carriers, w.totals, at, m);
  });
}
void BM_Incubation(benchmark::State& state) {
  phase_bench(state, [](innosim::World& w, const innosim::ModelConfig& m, innosim::Now at) {
    innosim::incubation(w.firms, w.eco.carriers, at, m);
  });
}
BENCHMARK(BM_Growth)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Innovation)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Exit)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Incubation)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The year end's network rebuild (drop ties to absent agents, then the compressed-sparse-row
// graph over the current rows) on a world a year into the run, at 1 and 2 threads.
void BM_NetworkRebuild(benchmark::State& state) {
  const innosim::ModelConfig m = model(state.range(0));
  innosim::World w = innosim::initial_population(m, {1, 0});
  for (int s = 0; s < m.time.steps_per_year; ++s) innosim::step(w, m);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) w.eco.network.rebuild(w.firms, w.eco.research);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(w.eco.network.ties.size()));
}
BENCHMARK(BM_NetworkRebuild)
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The year end's talent matching (keep, ration, hire, cap) on a world a year into the run, at
// 1 and 2 threads; each iteration starts again from the same talents and R&D plans.
void BM_TalentMatching(benchmark::State& state) {
  const innosim::ModelConfig m = model(state.range(0));
  innosim::World w = innosim::initial_population(m, {1, 0});
  for (int s = 0; s < m.time.steps_per_year; ++s) innosim::step(w, m);
  const innosim::TalentTable talent = w.eco.talent;
  const std::vector<float> intensity = w.firms.intensity;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    state.PauseTiming();
    w.eco.talent = talent;
    w.firms.intensity = intensity;
    state.ResumeTiming();
    benchmark::DoNotOptimize(
        innosim::match_talent(w.eco.talent, w.firms, w.eco.research, innosim::now(w), m));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.firms.size()));
}
BENCHMARK(BM_TalentMatching)
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
// At 10^7 firms its arrays leave the caches (a set-up of about a minute, so two iterations).
BENCHMARK(BM_TalentMatching)
    ->Args({10000000, 1})
    ->Args({10000000, 2})
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// STREAM's triad, a[i] = b[i] + s c[i], over arrays far larger than the caches: the memory
// bandwidth a per-firm sweep can use at best.
void BM_StreamTriad(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(0)));
  const std::size_t n = 1 << 25;  // 3 x 256 MiB
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  for (auto _ : state) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1 << 16),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i) a[i] = b[i] + 3.0 * c[i];
                      });
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(3 * n * sizeof(double)));
}
BENCHMARK(BM_StreamTriad)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_InitialPopulation(benchmark::State& state) {
  const innosim::ModelConfig m = model(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(innosim::initial_population(m, {1, 0}).firms.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_InitialPopulation)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
