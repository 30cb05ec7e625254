#include "phases/rd_decision.h"

#include <algorithm>
#include <cmath>

#include "phases/phase_context.h"
#include "policy/user_cost.h"

namespace innosim {

// A user cost near or below zero would make the power law explode; below 5% of a yuan
// the model treats R&D as capped by max_intensity anyway.
constexpr double kMinUserCost = 0.05;

double user_cost_factor(const World& w, const ModelConfig& m, std::size_t i, int year) {
  const double u = std::max(kMinUserCost, user_cost(m, w.firms, i, year));
  return std::pow(u / reference_user_cost(m), m.rd.price_elasticity);
}

double desired_intensity(const World& w, const ModelConfig& m, std::size_t i, int year) {
  return std::min(w.firms.latent_intensity[i] * user_cost_factor(w, m, i, year), m.rd.max_intensity);
}

void rd_decision(World& w, const ModelConfig& m) {
  FirmTable& f = w.firms;
  const int next_year = w.year + 1;
  for_each_firm(w, [&](std::size_t i) {
    if (f.has(i, kDead)) return;
    Stream s = firm_stream(w, i, Purpose::kRdDecision);
    const double u = s.uniform();
    const bool certified = f.has(i, kHnte) || f.has(i, kTechSme);
    const bool active = f.has(i, kRdActive) ? (certified || u >= m.rd.stop_rate) : u < m.rd.start_rate;
    f.set(i, kRdActive, active);
    if (!active) {
      f.intensity[i] = 0;
      return;
    }
    const double target = desired_intensity(w, m, i, next_year);
    f.intensity[i] = static_cast<float>(f.intensity[i] + m.rd.adjustment_speed * (target - f.intensity[i]));
  });
}

}  // namespace innosim
