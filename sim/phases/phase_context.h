// Helpers shared by the phases: the step length and parallel loops over firms. Parallel
// loops only ever write the row they are given, and draw from that firm's own stream, so
// their result does not depend on how TBB splits the range.
#pragma once
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "config/model_config.h"
#include "core/random.h"
#include "world.h"

namespace innosim {

inline double step_years(const ModelConfig& m) { return 1.0 / m.time.steps_per_year; }
inline bool year_end(const World& w, const ModelConfig& m) {
  return w.clock.substep == m.time.steps_per_year - 1;
}

// Age of firm `row` in years at the current step.
inline double age_years(const Clock& clock, const FirmTable& f, const ModelConfig& m,
                        std::size_t row) {
  return (clock.step - f.birth_step[row]) * step_years(m);
}

// The knowledge stock a constant yearly flow sustains at the depreciation rate (kept finite
// when depreciation is near zero).
inline constexpr double kMinDepreciation = 0.01;
inline double steady_state_stock(double flow, const ModelConfig& m) {
  return flow / std::max(kMinDepreciation, m.innovation.knowledge_depreciation);
}

// Where a phase is: the replicate's stream key and the clock. Phases take this and the parts of
// the World they touch, never the whole World, so their signature says what they read and write.
struct Now {
  const RunKey& key;
  const Clock& clock;
};
inline Now now(const World& w) { return {w.key, w.clock}; }

// The stream of one agent (a firm's stream key, a carrier, talent or organisation id, or
// kRegionAgent) at the current step, for one purpose.
inline Stream agent_stream(Now at, std::uint64_t agent, Purpose p, std::uint16_t sub = 0) {
  return Stream(at.key.seed, at.key.stream(), agent, static_cast<std::uint32_t>(at.clock.step), p,
                sub);
}
inline Stream firm_stream(Now at, const FirmTable& f, std::size_t row, Purpose p) {
  return agent_stream(at, f.stream_key[row], p);
}

// Real R&D firm `i` spends in a step: its intensity times revenue, plus grant money it must
// spend on its project, spread over the year.
inline double rd_of_step(const FirmTable& f, std::size_t i, double dt) {
  if (!f.has(i, kRdActive)) return 0.0;
  return (f.intensity[i] * f.revenue[i] + f.grant_rd[i]) * dt;
}

// Firms per parallel task: large enough to amortise scheduling (performance only).
inline constexpr std::size_t kFirmsPerTask = 4096;

// f(i) for each i of [0, n) in parallel: for work where each i writes only its own.
template <class F>
void for_each_index(std::size_t n, F f) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kFirmsPerTask),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i) f(i);
                    });
}

template <class F>
void for_each_row(const FirmTable& firms, F f) {
  for_each_index(firms.size(), f);
}

// What emit(i, out) appends for each i of [0, n), in the order of i: blocks fill their own
// lists in parallel and are joined in block order, so the result is the sequential one.
template <class T, class F>
std::vector<T> collect_rows(std::size_t n, F emit) {
  const std::size_t blocks = (n + kFirmsPerTask - 1) / kFirmsPerTask;
  std::vector<std::vector<T>> parts(blocks);
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    for (std::size_t i = b * kFirmsPerTask, end = std::min(n, i + kFirmsPerTask); i < end; ++i)
      emit(i, parts[b]);
  });
  std::size_t size = 0;
  for (const auto& part : parts) size += part.size();
  std::vector<T> out;
  out.reserve(size);
  for (auto& part : parts) {  // each part freed once copied: the lists are not held twice
    out.insert(out.end(), part.begin(), part.end());
    std::vector<T>().swap(part);
  }
  return out;
}

// Sum of x[i] over [0, n) where every term is a whole number: exact below 2^53 in any order,
// so the parallel sum is the sequential one.
template <class F>
double whole_sum(std::size_t n, F x) {
  return tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, n, kFirmsPerTask), 0.0,
      [&](const tbb::blocked_range<std::size_t>& r, double sum) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) sum += x(i);
        return sum;
      },
      std::plus<>());
}

}  // namespace innosim
