#include "io/run_file.h"

#include <algorithm>

#include "core/errors.h"
#include "io/h5.h"
#include "io/output_file.h"
#include "run/summary.h"

namespace innosim {
namespace {

void check_size(const std::string& label, const std::string& what, std::size_t got,
                std::size_t expected) {
  if (got != expected)
    throw IoError(label, what + " has " + std::to_string(got) + " values where its index implies " +
                             std::to_string(expected) + ": the file is damaged");
}

}  // namespace

RunFileSummary read_run_summary(const h5::File& f, const std::string& label) {
  if (!f.has_attribute("filetype") || f.string_attribute("filetype") != "innosim-run")
    throw IoError(label, "not a file written by innosim run (no filetype 'innosim-run')");
  if (!f.has_attribute("schema_version") || f.int_attribute("schema_version") != kSchemaVersion)
    throw IoError(label, "written with another output schema than version " +
                             std::to_string(kSchemaVersion) + " (rerun it with this innosim)");
  for (const char* a : {"seed", "replicates"})
    if (!f.has_attribute(a)) throw IoError(label, std::string("has no '") + a + "' attribute");
  RunFileSummary r;
  r.seed = f.int_attribute("seed");
  r.replicates = f.int_attribute("replicates");
  r.uncertainty = f.has_attribute("uncertainty") ? f.string_attribute("uncertainty")
                                                 : "not recorded in this file";
  // Shapes first: a damaged index must not size the reads that follow. The labels are read
  // from fixed-length attributes, never from the axes' variable-length strings (h5.h).
  for (const char* a : {"scenario_names", "indicator_names", "indicator_units"})
    if (!f.has_attribute(a)) throw IoError(label, std::string("has no '") + a + "' attribute");
  const h5::Dataset time = f.open_dataset("time");
  if (time.dims().size() != 1) throw IoError(label, time.path() + " is not one-dimensional");
  r.scenarios = f.string_list_attribute("scenario_names");
  r.indicators = f.string_list_attribute("indicator_names");
  r.units = f.string_list_attribute("indicator_units");
  const std::uint64_t S = r.scenarios.size(), T = time.dims()[0], I = r.indicators.size();
  if (S == 0 || T == 0 || I == 0) throw IoError(label, "has an empty index: the file is damaged");
  check_size(label, "the 'indicator_units' attribute", r.units.size(), I);
  const h5::Group s = f.open_group("summary");
  const h5::Dataset quantiles = s.open_dataset("quantiles"), effects = s.open_dataset("effects");
  const std::vector<std::uint64_t> shape{S, T, I, RunFileSummary::kQuantiles};
  for (const h5::Dataset* d : {&quantiles, &effects})
    if (d->dims() != shape)
      throw IoError(label, d->path() + " does not have the shape [scenario, time, indicator, " +
                               "quantile] of the index: the file is damaged");
  r.years = time.read_ints();
  if (!s.has_attribute("reference")) throw IoError(label, "/summary has no 'reference' attribute");
  const std::string reference = s.string_attribute("reference");
  const auto ref = std::find(r.scenarios.begin(), r.scenarios.end(), reference);
  if (ref == r.scenarios.end())
    throw IoError(label, "/summary's reference '" + reference + "' is not one of its scenarios");
  r.reference = static_cast<std::size_t>(ref - r.scenarios.begin());
  r.quantiles = quantiles.read_doubles();
  r.effects = effects.read_doubles();
  check_size(label, "/summary/quantiles", r.quantiles.size(),
             S * T * I * RunFileSummary::kQuantiles);
  check_size(label, "/summary/effects", r.effects.size(), S * T * I * RunFileSummary::kQuantiles);
  return r;
}

RunFileReport read_run_report(const h5::File& f, const std::string& label) {
  RunFileReport r;
  r.summary = read_run_summary(f, label);
  const RunFileSummary& s = r.summary;
  for (const char* a : {"innosim_version", "git_sha", "date_created", "command", "config"})
    if (!f.has_attribute(a)) throw IoError(label, std::string("has no '") + a + "' attribute");
  r.innosim_version =
      f.string_attribute("innosim_version") + " (" + f.string_attribute("git_sha") + ")";
  r.date_created = f.string_attribute("date_created");
  r.command = f.string_attribute("command");
  r.configs = f.string_list_attribute("config");
  check_size(label, "the 'config' attribute", r.configs.size(), s.scenarios.size());
  const std::size_t S = s.scenarios.size(), Q = RunFileSummary::kQuantiles;

  const h5::Group targets = f.open_group("summary").open_group("targets");
  const h5::Dataset indicator = targets.open_dataset("indicator");
  if (indicator.dims().size() != 1) throw IoError(label, indicator.path() + " is not 1-D");
  const std::size_t K = indicator.dims()[0];
  const std::vector<std::string> ind = indicator.read_strings(),
                                 cmp = targets.open_dataset("comparison").read_strings(),
                                 src = targets.open_dataset("source").read_strings();
  const std::vector<std::int64_t> year = targets.open_dataset("year").read_ints();
  const std::vector<double> value = targets.open_dataset("value").read_doubles();
  for (const auto n : {cmp.size(), src.size(), year.size(), value.size()})
    check_size(label, "a field of /summary/targets", n, K);
  for (std::size_t k = 0; k < K; ++k)
    r.targets.push_back({ind[k], cmp[k], src[k], year[k], value[k]});
  r.probability = targets.open_dataset("probability").read_doubles();
  r.probability_se = targets.open_dataset("probability_se").read_doubles();
  check_size(label, "/summary/targets/probability", r.probability.size(), S * K);
  check_size(label, "/summary/targets/probability_se", r.probability_se.size(), S * K);

  // The cost axes are innosim's own lists; a file from a build with other levers is refused.
  for (const char* a : {"cost_levers", "payers"})
    if (!f.has_attribute(a)) throw IoError(label, std::string("has no '") + a + "' attribute");
  r.cost_levers = f.string_list_attribute("cost_levers");
  r.payers = f.string_list_attribute("payers");
  if (r.cost_levers.empty() || r.payers.empty())
    throw IoError(label, "has no cost axes (the 'cost_levers' and 'payers' attributes are empty)");
  const h5::Group summary = f.open_group("summary");
  r.cumulative_cost = summary.open_dataset("cumulative_cost").read_doubles();
  check_size(label, "/summary/cumulative_cost", r.cumulative_cost.size(),
             S * r.cost_levers.size() * r.payers.size() * Q);
  r.cost_effectiveness = summary.open_dataset("cost_effectiveness").read_doubles();
  check_size(label, "/summary/cost_effectiveness", r.cost_effectiveness.size(),
             S * kCostMeasures.size() * Q);
  r.region_label = f.has_attribute("region_label") ? f.string_attribute("region_label") : "";
  return r;
}

}  // namespace innosim
