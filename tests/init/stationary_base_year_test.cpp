// The base year is an equilibrium of the model's own dynamics (docs/ODD.md 5): with every lever
// off and nothing growing from outside (no sector drift, no GDP or public R&D growth, the base
// year's tax schedule kept), R&D intensity stays where the base year put it: in each of the
// first five years, the replicates' 5-95% band contains the base-year value. R&D participation
// and the hnte and tech SME shares are printed with -s; they are not yet stationary within
// their (narrow) bands: participation moves by up to 5% with the firm demography, and tech
// SMEs lapse faster than the pool refills (docs/VALIDATION.md, "Stationarity").
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "observe/indicator_catalog.h"
#include "test_support_sim.h"

using namespace innosim;

namespace {

enum Measure { kIntensity, kParticipation, kHnteShare, kSmeShare, kMeasures };
constexpr std::array<const char*, kMeasures> kNames = {"R&D intensity", "R&D participation",
                                                       "hnte share", "tech SME share"};

std::array<double, kMeasures> measure(const World& w) {
  const FirmTable& f = w.firms;
  double alive = 0, active = 0, hnte = 0, sme = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f.has(i, kDead)) continue;
    alive += 1;
    active += f.has(i, kRdActive);
    hnte += f.has(i, kHnte);
    sme += f.has(i, kTechSme);
  }
  return {w.indicators[kRdIntensity], active / alive, hnte / alive, sme / alive};
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

TEST_CASE("with nothing growing from outside the base year is stationary", "[init][slow]") {
  constexpr int kYears = 5, kReplicates = 24;
  for (const char* region : {"yinchuan", "tangshan"}) {
    LoadedConfig c = load_config({test::data_dir(), region, {}, {}});
    ModelConfig& m = c.model;
    m.time.end_year = m.region.base_year + kYears;
    for (auto& s : m.region.sectors) s.growth_drift = 0;
    m.region.gdp_growth = 0;
    m.region.public_rd_growth = 0;
    const int base = m.region.base_year;
    const double sd = m.tax.super_deduction(base, false),
                 sd_sme = m.tax.super_deduction(base, true);
    m.tax.super_deduction_years = {base};
    m.tax.super_deduction_rate = {sd};
    m.tax.super_deduction_rate_tech_sme = {sd_sme};
    std::array<std::vector<std::vector<double>>, kMeasures> by_year;  // [measure][year][replicate]
    for (auto& v : by_year) v.assign(kYears + 1, {});
    for (std::uint64_t rep = 0; rep < kReplicates; ++rep) {
      int year = 0;
      auto record = [&](const World& w) {
        const auto x = measure(w);
        for (int k = 0; k < kMeasures; ++k) by_year[k][year].push_back(x[k]);
        ++year;
      };
      record(initial_population(m, {17, rep}));
      test::simulate(m, {17, rep}, kYears, record);
    }
    for (int k = 0; k < kMeasures; ++k) {
      const double at_base = by_year[k][0][0];
      double drift = 0;  // largest relative move of the median
      for (int t = 1; t <= kYears; ++t) {
        const double lo = quantile(by_year[k][t], 0.05), hi = quantile(by_year[k][t], 0.95);
        drift = std::max(drift, std::abs(quantile(by_year[k][t], 0.5) / at_base - 1.0));
        if (k != kIntensity) continue;  // reported below, not asserted (see the header)
        INFO(region << " " << kNames[k] << ", year " << t << ": base " << at_base << ", band ["
                    << lo << ", " << hi << "]");
        CHECK(lo <= at_base);
        CHECK(at_base <= hi);
      }
      if (k != kIntensity && at_base > 0)
        WARN(region << " " << kNames[k] << ": median moves up to " << 100 * drift
                    << "% from the base year over " << kYears << " years");
    }
  }
}
