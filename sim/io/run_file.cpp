#include "io/run_file.h"

#include "core/errors.h"
#include "io/h5.h"
#include "io/output_file.h"

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
  const h5::Group index = f.open_group("index");
  // Shapes first: a damaged index must not size the reads that follow.
  const h5::Dataset scenario = index.open_dataset("scenario"), time = index.open_dataset("time"),
                    indicator = index.open_dataset("indicator");
  for (const h5::Dataset* d : {&scenario, &time, &indicator})
    if (d->dims().size() != 1) throw IoError(label, d->path() + " is not one-dimensional");
  const std::uint64_t S = scenario.dims()[0], T = time.dims()[0], I = indicator.dims()[0];
  if (S == 0 || T == 0 || I == 0) throw IoError(label, "has an empty index: the file is damaged");
  const h5::Group s = f.open_group("summary");
  const h5::Dataset quantiles = s.open_dataset("quantiles"), effects = s.open_dataset("effects");
  const std::vector<std::uint64_t> shape{S, T, I, RunFileSummary::kQuantiles};
  for (const h5::Dataset* d : {&quantiles, &effects})
    if (d->dims() != shape)
      throw IoError(label, d->path() + " does not have the shape [scenario, time, indicator, " +
                               "quantile] of the index: the file is damaged");
  r.scenarios = scenario.read_strings();
  r.years = time.read_ints();
  r.indicators = indicator.read_strings();
  r.units = indicator.string_list_attribute("units");
  check_size(label, "/index/indicator's units", r.units.size(), I);
  r.quantiles = quantiles.read_doubles();
  r.effects = effects.read_doubles();
  check_size(label, "/summary/quantiles", r.quantiles.size(),
             S * T * I * RunFileSummary::kQuantiles);
  check_size(label, "/summary/effects", r.effects.size(), S * T * I * RunFileSummary::kQuantiles);
  return r;
}

}  // namespace innosim
