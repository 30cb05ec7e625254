// R&D participation by size (docs/ODD.md 7.4): a two-state process whose stationary share is
// the participation the size implies. A performer stops with a rate that falls with revenue,
// and a non-performer starts at the rate that keeps the stationary share where it is:
//   share(r) = clamp(participation_at_line (r / 20M)^participation_size_elasticity),
//   stop(r)  = max(stop_rate_min, min(1, stop_rate (r / 20M)^-stop_size_elasticity)),
//   start(r) = stop(r) share(r) / (1 - share(r)).
// The base year draws participation at share(r), so participation is stationary from the start.
#pragma once
#include <algorithm>
#include <cmath>

#include "config/model_config.h"

namespace innosim {

inline double rd_participation(const RdParams& p, double revenue) {
  return std::clamp(
      p.participation_at_line * std::pow(size_ratio(revenue), p.participation_size_elasticity),
      p.participation_min, p.participation_max);
}

inline double rd_stop_rate(const RdParams& p, double revenue) {
  return std::max(p.stop_rate_min, std::min(1.0, p.stop_rate * std::pow(size_ratio(revenue),
                                                                        -p.stop_size_elasticity)));
}

inline double rd_start_rate(const RdParams& p, double revenue) {
  const double share = rd_participation(p, revenue);
  return std::min(1.0, rd_stop_rate(p, revenue) * share / (1.0 - share));
}

}  // namespace innosim
