#include "run/memory_estimate.h"

#include <tbb/info.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "core/errors.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

constexpr double kProgramBytes = 25e6;  // measured, see the header
// Measured at the peak: 450 bytes per base-year firm on the default preset (90,000 firms,
// where fixed buffers weigh most) and 356 on the national run (48.4 million firms to 2031,
// 16.1 GiB on 2026-12-08, docs/PERFORMANCE.md; 411 before that day's memory changes); the
// program's 25 MB covers the small runs' excess.
constexpr double kBytesPerFirm = 360;
constexpr double kBytesPerTalent = 64;  // id, type, skill, employer, flags and sort buffers
constexpr double kMachineShare = 0.9;   // leave the rest to the system
// Throughput, measured by `innosim bench` on the default preset (90,000 firms, 8 replicates):
// 4.58 million firm-steps a second on one thread, 9.19 million on two. The firm count grows
// about 20% over a plan's horizon, so a replicate's firm-steps are taken at 1.1 x base firms.
constexpr double kFirmStepsPerSecondPerThread = 4.5e6;
constexpr double kMeanFirmsOverBase = 1.1;
// The result arrays are held, summarised (sorted copies for the quantiles) and written: the
// peak holds about three copies (a 2-million-run default job reached 11.6 GB while running).
constexpr double kResultCopies = 3;

}  // namespace

double physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0.0;
}

MemoryEstimate estimate_peak_memory(const EnsembleSpec& spec) {
  double per_replicate = 0, years = 0, firm_steps = 0;
  auto add_region = [&](const ModelConfig& m) {
    const RegionEcosystem& e = m.region.ecosystem;
    const double span = static_cast<double>(m.time.end_year - m.region.base_year + 1);
    // The graduates who take R&D jobs in the region join the talent table every year (an
    // upper bound: none leave or retire); the others join the aggregate pool.
    const double graduate_talents =
        e.graduates * m.talent.graduate_rd_share * m.talent.graduate_retention * span;
    per_replicate += kBytesPerFirm * m.region.firms_total +
                     kBytesPerTalent * (e.rd_personnel + e.leading_talents + graduate_talents);
    years = std::max(years, span);
    firm_steps += kMeanFirmsOverBase * m.region.firms_total * (span - 1) * m.time.steps_per_year;
  };
  double largest = 0;
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    per_replicate = 0;
    add_region(spec.scenarios[k].model);
    if (k < spec.partners.size())
      for (const auto& p : spec.partners[k]) add_region(p.model);
    largest = std::max(largest, per_replicate);
  }
  const double runs = static_cast<double>(spec.scenarios.size()) * spec.replicates;
  const double threads = spec.threads > 0 ? spec.threads : tbb::info::default_concurrency();
  // A run that saves or starts from a state holds every task at once (run/ensemble.h).
  const double in_flight = spec.advances_together() ? runs
                           : spec.max_in_flight > 0
                               ? std::min({threads, runs, static_cast<double>(spec.max_in_flight)})
                               : std::min(threads, runs);
  const double results =
      kResultCopies * runs * years * (kIndicatorCount + kLeverCount * kGovLevels) * 8.0;
  MemoryEstimate est;
  est.bytes = kProgramBytes + in_flight * largest + results;
  est.seconds =
      firm_steps * spec.replicates / (kFirmStepsPerSecondPerThread * std::min(threads, runs));
  std::ostringstream d;
  d.precision(3);
  d << in_flight << " replicate(s) in flight x " << largest / 1e6 << " MB + " << results / 1e6
    << " MB of results";
  est.detail = d.str();
  return est;
}

std::string describe(const MemoryEstimate& e) {
  std::ostringstream d;
  d.precision(2);
  d << "about ";
  if (e.bytes >= 1e9)
    d << std::fixed << e.bytes / 1e9 << " GB";
  else
    d << std::lround(e.bytes / 1e6) << " MB";
  d << " of memory and ";
  if (e.seconds < 90)
    d << std::max(1L, std::lround(e.seconds)) << " s";
  else if (e.seconds < 5400)
    d << std::lround(e.seconds / 60) << " min";
  else
    d << std::fixed << std::setprecision(1) << e.seconds / 3600 << " h";
  d << " (estimated)";
  return d.str();
}

namespace {

double memory_cap(double limit_bytes) {
  return limit_bytes > 0 ? limit_bytes : kMachineShare * physical_memory();
}

[[noreturn]] void refuse(const MemoryEstimate& est, double limit_bytes) {
  std::ostringstream msg;
  msg.precision(3);
  msg << "the run would need about " << est.bytes / 1e9 << " GB (" << est.detail << ") but "
      << (limit_bytes > 0 ? "--max-memory allows " : "this machine has ")
      << memory_cap(limit_bytes) / 1e9
      << " GB; lower region.firms_total, region.graduates, --replicates or --threads";
  throw ModelError(msg.str());
}

}  // namespace

void refuse_if_too_large(const EnsembleSpec& spec, double limit_bytes) {
  const MemoryEstimate est = estimate_peak_memory(spec);
  const double cap = memory_cap(limit_bytes);
  if (cap > 0 && est.bytes > cap) refuse(est, limit_bytes);
}

int fit_in_memory(EnsembleSpec& spec, double limit_bytes) {
  const double cap = memory_cap(limit_bytes);
  MemoryEstimate est = estimate_peak_memory(spec);
  // Fewer tasks at once until the run fits (a run that holds every task cannot).
  const int threads =
      spec.threads > 0 ? spec.threads : static_cast<int>(tbb::info::default_concurrency());
  const int runs = static_cast<int>(spec.scenarios.size()) * spec.replicates;
  while (cap > 0 && est.bytes > cap && !spec.advances_together()) {
    const int now = spec.max_in_flight > 0 ? spec.max_in_flight : std::min(threads, runs);
    if (now <= 1) break;
    spec.max_in_flight = now - 1;
    est = estimate_peak_memory(spec);
  }
  if (cap > 0 && est.bytes > cap) refuse(est, limit_bytes);
  return spec.max_in_flight;
}

}  // namespace innosim
