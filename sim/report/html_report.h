// The planner's report (`innosim report`): one self-contained HTML page from a run's file, with
// fan charts against the targets, the odds of each target, the effects against the reference
// scenario, the cumulative costs by level of government and lever, the cost-effectiveness and
// the provenance. The page is analysis/report/report.html with Chart.js (Debian's
// libjs-chart.js), both embedded at build time, and the run's numbers as JSON.
#pragma once
#include <string>

#include "io/run_file.h"
#include "io/sweep_file.h"

namespace innosim {

// The indicators drawn: those with targets, then R&D intensity, hntes, tech SMEs and the
// fiscal cost (each once).
std::vector<int> report_indicators(const RunFileReport& r);

std::string html_report(const RunFileReport& r);

// A finished sweep's page: bar charts of its sensitivity indices (Sobol' first-order and total
// with their intervals, or Morris mu* and sigma) for R&D intensity, hntes, tech SMEs and the
// fiscal cost in the last year, per scenario, and the design.
std::string html_report(const SweepFileSensitivity& s);

}  // namespace innosim
