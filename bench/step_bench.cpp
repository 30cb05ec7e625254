// Throughput of one model step and of the initial population, in firms per second
// (items_per_second). Whole-run throughput across threads: `innosim bench`.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include "config/config_loader.h"
#include "init/initial_population.h"
#include "step.h"

namespace {

innosim::ModelConfig model(long firms) {
  const double n = static_cast<double>(firms);
  return innosim::load_config({INNOSIM_SOURCE_DIR,
                               "yinchuan",
                               {},
                               {"region.firms_total=" + std::to_string(firms),
                                "region.firms_above_scale=" + std::to_string(n * 420 / 90000),
                                "region.hntes=" + std::to_string(n * 170 / 90000),
                                "region.tech_smes=" + std::to_string(n * 700 / 90000),
                                "region.rd_expenditure=" + std::to_string(3.52e9 * n / 90000)}})
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

void BM_InitialPopulation(benchmark::State& state) {
  const innosim::ModelConfig m = model(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(innosim::initial_population(m, {1, 0}).firms.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_InitialPopulation)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
