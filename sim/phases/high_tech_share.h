// A firm's share of revenue from high-tech products (the hnte criterion, and the high-tech
// value added the statistics report): its product mix b (FirmTable::high_tech_revenue_share,
// drawn at birth) raised by its own R&D capital K,
//   h = b + (1 - b) u,   u = uplift * phi / (phi + half),   phi = K / revenue,
// so that a firm that keeps up its R&D moves its sales toward the high-tech fields and one
// that stops drifts back as its knowledge depreciates. R&D levers then move the high-tech
// value added and hnte eligibility; with R&D at its steady state the base year's shares stay
// where they are (ODD 7.5.1). With uplift = 0, h is b bit for bit.
#pragma once
#include <cstddef>

#include "agents/firm_table.h"
#include "config/model_config.h"

namespace innosim {

// u above: the share of a firm's other revenue its R&D capital turns high-tech.
inline double rd_uplift(const FirmTable& f, std::size_t i, const FirmParams& p) {
  if (p.high_tech_rd_uplift == 0 || f.revenue[i] <= 0) return 0.0;
  const double phi = static_cast<double>(f.knowledge[i]) / f.revenue[i];
  return p.high_tech_rd_uplift * phi / (phi + p.high_tech_rd_half);
}

// h above for a product mix b and an uplift u.
inline double raised_share(double b, double u) { return b + (1.0 - b) * u; }

inline double high_tech_share(const FirmTable& f, std::size_t i, const FirmParams& p) {
  return raised_share(f.high_tech_revenue_share[i], rd_uplift(f, i, p));
}

// The product mix that gives firm i the share `h` at its current R&D capital (0 if its R&D
// alone gives more).
inline float mix_for_share(const FirmTable& f, std::size_t i, const FirmParams& p, double h) {
  const double u = rd_uplift(f, i, p);
  return static_cast<float>(h > u ? (h - u) / (1.0 - u) : 0.0);
}

}  // namespace innosim
