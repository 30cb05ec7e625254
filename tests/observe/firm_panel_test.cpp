// The firm panel is the micro data behind the indicators: summing its rows for a year gives
// the same business R&D, firm count and certified counts the run reports.
#include <catch2/catch.hpp>
#include <map>

#include "run/ensemble.h"
#include "test_support.h"

using namespace innosim;

TEST_CASE("the firm panel adds up to the indicators of its replicate", "[panel]") {
  EnsembleSpec spec;
  spec.scenarios = {test::load()};
  spec.replicates = 3;
  spec.panel_replicates = 2;
  const EnsembleResult r = run_ensemble(spec);
  REQUIRE(r.panels.size() == 1);
  const PanelTable& p = r.panels[0];
  auto column = [&](const std::vector<std::string>& names, const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    REQUIRE(it != names.end());
    return static_cast<std::size_t>(it - names.begin());
  };
  const auto& rep = p.ints[column(p.int_names, "replicate")];
  const auto& year = p.ints[column(p.int_names, "year")];
  const auto& exited = p.ints[column(p.int_names, "exited")];
  const auto& hnte = p.ints[column(p.int_names, "hnte")];
  const auto& rd = p.reals[column(p.real_names, "rd_reported")];
  std::map<std::pair<std::int64_t, std::int64_t>, std::array<double, 3>>
      sums;  // rd, live firms, hnte
  for (std::size_t k = 0; k < p.rows(); ++k) {
    auto& s = sums[{rep[k], year[k]}];
    s[0] += rd[k];
    s[1] += exited[k] ? 0 : 1;
    s[2] += exited[k] ? 0.0 : static_cast<double>(hnte[k]);
  }
  REQUIRE(sums.size() == 2 * r.years.size());  // replicates 0 and 1 only, every year
  for (const auto& [key, s] : sums) {
    const auto [replicate, y] = key;
    const std::size_t t = static_cast<std::size_t>(y - r.years.front());
    const double* x = &r.trajectories[(static_cast<std::size_t>(replicate) * r.years.size() + t) *
                                      kIndicatorCount];
    CHECK(s[0] == Approx(x[kBusinessRd]).epsilon(1e-9));
    CHECK(s[1] == x[kFirmsTotal]);
    CHECK(s[2] == x[kHntes]);
  }
}
