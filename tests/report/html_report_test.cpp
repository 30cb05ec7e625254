// The report page from a run's numbers: the template filled, every value where the page reads
// it, and strings from a damaged file (not UTF-8) shown, not fatal.
#include "report/html_report.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"
#include "run/summary.h"

using namespace innosim;
using Catch::Matchers::Contains;

namespace {

RunFileReport small_report(const std::string& source) {
  RunFileReport r;
  RunFileSummary& s = r.summary;
  s.seed = 7;
  s.replicates = 4;
  s.scenarios = {"baseline", "plan"};
  s.years = {2021, 2022};
  for (const auto& info : kIndicators) {
    s.indicators.emplace_back(info.name);
    s.units.emplace_back(info.unit);
  }
  const std::size_t S = 2, T = 2, I = s.indicators.size(), Q = RunFileSummary::kQuantiles;
  s.quantiles.assign(S * T * I * Q, 1.0);
  s.quantiles[0] = std::nan("");  // undefined values become null, not NaN, in the JSON
  s.effects.assign(S * T * I * Q, 0.0);
  r.configs = {"a = 1", "a = 2"};
  r.targets = {{"hntes", ">=", source, 2022, 250}};
  r.probability = {0.25, 0.5};
  r.probability_se = {0.2, 0.25};
  for (const auto& l : kLeverNames) r.cost_levers.emplace_back(l);
  r.cost_levers.emplace_back("all");
  for (const auto& g : kGovLevelNames) r.payers.emplace_back(g);
  r.payers.emplace_back("all");
  r.cumulative_cost.assign(S * r.cost_levers.size() * r.payers.size() * Q, 0.0);
  r.cost_effectiveness.assign(S * kCostMeasures.size() * Q,
                              std::numeric_limits<double>::infinity());
  return r;
}

}  // namespace

TEST_CASE("the report page carries the run's numbers in its template", "[report]") {
  const std::string page = html_report(small_report("T18: 高新技术企业250家"));
  CHECK_THAT(page, Contains("<!DOCTYPE html>") && Contains("new Chart(") &&
                       Contains("\"scenarios\":[\"baseline\",\"plan\"]") &&
                       Contains("T18: 高新技术企业250家") && Contains("\"inf\""));
  CHECK_THAT(
      page, !Contains("/*INNOSIM_DATA*/") && !Contains("/*INNOSIM_CHARTJS*/") && !Contains("NaN,"));
  // Panels: the target's indicator, then R&D intensity, tech SMEs and the fiscal cost.
  CHECK(report_indicators(small_report("x")).size() == 4);
}

TEST_CASE("a target source that is not UTF-8 shows a replacement character", "[report]") {
  const std::string page = html_report(small_report("bad \xbd byte"));
  CHECK_THAT(page, Contains("bad \xef\xbf\xbd byte"));
}

TEST_CASE("a closing script tag in a string cannot end the page's data", "[report]") {
  const std::string page = html_report(small_report("</script><script>alert(1)</script>"));
  CHECK_THAT(page, !Contains("</script><script>alert(1)"));
  CHECK_THAT(page, Contains("<\\/script>"));
}
