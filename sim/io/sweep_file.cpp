#include "io/sweep_file.h"

#include "core/errors.h"
#include "core/version.h"
#include "io/h5.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

std::vector<double> flat(const std::vector<std::vector<double>>& rows) {
  std::vector<double> out;
  for (const auto& r : rows) out.insert(out.end(), r.begin(), r.end());
  return out;
}

}  // namespace

void write_sweep_file(const std::string& path, const sweep::SweepPlan& plan,
                      const sweep::SweepResult& r, const sweep::SweepIndices* indices,
                      const std::string& command) {
  const sweep::SweepDesign& d = plan.design;
  h5::File f = h5::File::create_in_memory(path);
  f.set_attribute("filetype", std::string("innosim-sweep"));
  f.set_attribute("schema_version", std::int64_t{kSweepSchemaVersion});
  f.set_attribute("innosim_version", std::string(kVersion));
  f.set_attribute("git_sha", std::string(kGitSha));
  f.set_attribute("seed", static_cast<std::int64_t>(d.seed));
  f.set_attribute("replicates", std::int64_t{d.replicates});
  f.set_attribute("command", command);
  f.set_attribute("tasks_done", static_cast<std::int64_t>(r.finished()));
  f.set_attribute("tasks_total", static_cast<std::int64_t>(plan.tasks()));
  f.set_attribute("shard_index", static_cast<std::int64_t>(plan.shard_index));
  f.set_attribute("shard_count", static_cast<std::int64_t>(plan.shard_count));

  const std::uint64_t P = plan.unit.size(), S = r.scenario_names.size(),
                      R = static_cast<std::uint64_t>(d.replicates), T = r.years.size(),
                      I = kIndicatorCount, K = d.factors.size();
  std::vector<std::string> factors, indicators, units;
  for (const auto& x : d.factors) factors.push_back(x.key);
  for (const auto& info : kIndicators)
    indicators.emplace_back(info.name), units.emplace_back(info.unit);
  h5::Group index = f.create_group("index");
  index.create_strings("scenario", r.scenario_names);
  index.create_ints("time", std::vector<std::int64_t>(r.years.begin(), r.years.end()));
  index.create_strings("indicator", indicators).set_attribute("units", units);
  index.create_strings("factor", factors);
  index.create_strings("lever", {kLeverNames.begin(), kLeverNames.end()});
  index.create_strings("level", {kGovLevelNames.begin(), kGovLevelNames.end()});

  h5::Group design = f.create_group("design");
  design.set_attribute("text", d.text);
  design.set_attribute("sampler", d.sampler_name);
  design.set_attribute("region", d.region);
  design.create_doubles("unit_points", {P, K}, flat(plan.unit));
  design.create_doubles("values", {P, K}, flat(plan.values));

  f.create_doubles("trajectories", {P, S, R, T, I}, r.trajectories, {1, 1, R, T, I});
  f.create_doubles("fiscal", {P, S, R, T, kLeverCount, kGovLevels}, r.fiscal,
                   {1, 1, R, T, kLeverCount, kGovLevels});
  f.create_group("tasks").create_ints("done",
                                      std::vector<std::int64_t>(r.done.begin(), r.done.end()));

  if (indices && (indices->sobol || indices->morris)) {
    h5::Group s = f.create_group("sensitivity");
    s.set_attribute("method",
                    std::string(indices->sobol ? "sobol: first order (Saltelli 2010), total "
                                                 "(Jansen 1999), bootstrap percentile intervals"
                                               : "morris: mu, mu*, sigma per unit of the range"));
    if (indices->sobol) s.set_attribute("confidence", d.confidence);
    const std::vector<std::uint64_t> shape{S, T, I, K};
    const auto put = [&](const char* name, const std::vector<double>& v) {
      if (!v.empty()) s.create_doubles(name, shape, v);
    };
    put("first", indices->first);
    put("first_low", indices->first_low);
    put("first_high", indices->first_high);
    put("total", indices->total);
    put("total_low", indices->total_low);
    put("total_high", indices->total_high);
    put("mu", indices->mu);
    put("mu_star", indices->mu_star);
    put("sigma", indices->sigma);
  }
  f.save(path);
}

SweepFileHeader read_sweep_header(const std::string& path) {
  const h5::File f = h5::File::open_read(path);
  if (!f.has_attribute("filetype") || f.string_attribute("filetype") != "innosim-sweep")
    throw IoError(path, "not a file written by innosim sweep: refused, and left as it is");
  if (!f.has_attribute("schema_version") ||
      f.int_attribute("schema_version") != kSweepSchemaVersion)
    throw IoError(path, "written with another sweep schema: refused, and left as it is");
  SweepFileHeader h;
  h.design_text = f.open_group("design").string_attribute("text");
  h.seed = f.int_attribute("seed");
  h.version = f.string_attribute("innosim_version") + " " + f.string_attribute("git_sha");
  h.shard_index = f.int_attribute("shard_index");
  h.shard_count = f.int_attribute("shard_count");
  h.tasks_done = f.int_attribute("tasks_done");
  return h;
}

sweep::SweepResult read_sweep_checkpoint(const std::string& path, const sweep::SweepPlan& plan) {
  const SweepFileHeader h = read_sweep_header(path);
  const std::string refused = ": refused, and left as it is";
  if (h.design_text != plan.design.text)
    throw IoError(
        path, "holds another design than " + plan.design.file + refused + " (give another --out)");
  if (h.seed != static_cast<std::int64_t>(plan.design.seed))
    throw IoError(path, "was made with another seed" + refused);
  if (h.version != build_identity())
    throw IoError(path, "was written by another innosim (" + h.version +
                            "), whose results would not match this one's" + refused);
  if (h.shard_index != static_cast<std::int64_t>(plan.shard_index) ||
      h.shard_count != static_cast<std::int64_t>(plan.shard_count))
    throw IoError(path, "holds shard " + std::to_string(h.shard_index) + "/" +
                            std::to_string(h.shard_count) + ", not " +
                            std::to_string(plan.shard_index) + "/" +
                            std::to_string(plan.shard_count) + refused);
  const h5::File f = h5::File::open_read(path);
  sweep::SweepResult r = sweep::empty_result(plan);
  const h5::Dataset traj = f.open_dataset("trajectories"), fiscal = f.open_dataset("fiscal"),
                    done = f.open_group("tasks").open_dataset("done");
  const std::uint64_t P = plan.unit.size(), S = plan.scenario_files.size(),
                      R = static_cast<std::uint64_t>(plan.design.replicates), T = r.years.size();
  if (traj.dims() != std::vector<std::uint64_t>{P, S, R, T, kIndicatorCount} ||
      fiscal.dims() != std::vector<std::uint64_t>{P, S, R, T, kLeverCount, kGovLevels} ||
      done.dims() != std::vector<std::uint64_t>{plan.tasks()})
    throw IoError(path, "its arrays do not have the design's shape: the file is damaged");
  r.trajectories = traj.read_doubles();
  r.fiscal = fiscal.read_doubles();
  const std::vector<std::int64_t> mask = done.read_ints();
  for (std::size_t k = 0; k < mask.size(); ++k) r.done[k] = mask[k] == 1 && plan.in_shard(k);
  return r;
}

SweepFileSensitivity read_sweep_sensitivity(const h5::File& f, const std::string& label) {
  if (!f.has_attribute("filetype") || f.string_attribute("filetype") != "innosim-sweep")
    throw IoError(label, "not a file written by innosim sweep");
  if (!f.has_attribute("schema_version") ||
      f.int_attribute("schema_version") != kSweepSchemaVersion)
    throw IoError(label, "written with another sweep schema");
  if (!f.exists("sensitivity")) {
    const bool finished = f.has_attribute("tasks_done") && f.has_attribute("tasks_total") &&
                          f.int_attribute("tasks_done") == f.int_attribute("tasks_total") &&
                          f.has_attribute("shard_count") && f.int_attribute("shard_count") == 1;
    throw IoError(label, finished ? "holds no sensitivity indices: only saltelli and morris "
                                    "designs have them (read its points with h5py or xarray)"
                                  : "holds no sensitivity indices yet: a shard or an unfinished "
                                    "sweep (join the shards with innosim merge, or finish it "
                                    "with --resume)");
  }
  SweepFileSensitivity r;
  const h5::Group design = f.open_group("design"), index = f.open_group("index"),
                  sens = f.open_group("sensitivity");
  r.region = design.string_attribute("region");
  r.sampler = design.string_attribute("sampler");
  r.design_text = design.string_attribute("text");
  r.method = sens.string_attribute("method");
  r.confidence = sens.has_attribute("confidence") ? sens.double_attribute("confidence") : 0;
  r.command = f.string_attribute("command");
  r.version = f.string_attribute("innosim_version") + " (" + f.string_attribute("git_sha") + ")";
  r.seed = f.int_attribute("seed");
  r.replicates = f.int_attribute("replicates");
  r.scenarios = index.open_dataset("scenario").read_strings();
  r.indicators = index.open_dataset("indicator").read_strings();
  r.factors = index.open_dataset("factor").read_strings();
  r.years = index.open_dataset("time").read_ints();
  if (r.scenarios.empty() || r.indicators.empty() || r.factors.empty() || r.years.empty())
    throw IoError(label, "has an empty index: the file is damaged");
  const std::vector<std::uint64_t> points = design.open_dataset("values").dims();
  if (points.size() != 2) throw IoError(label, "/design/values is not [point, factor]");
  r.points = static_cast<std::int64_t>(points[0]);
  const std::vector<std::uint64_t> shape{r.scenarios.size(), r.years.size(), r.indicators.size(),
                                         r.factors.size()};
  for (const char* name : {"first", "first_low", "first_high", "total", "total_low", "total_high",
                           "mu", "mu_star", "sigma"}) {
    if (!sens.exists(name)) continue;
    const h5::Dataset d = sens.open_dataset(name);
    if (d.dims() != shape)
      throw IoError(label, d.path() + " does not have the index's shape: the file is damaged");
    r.indices[name] = d.read_doubles();
  }
  if (r.indices.empty()) throw IoError(label, "/sensitivity holds no index");
  return r;
}

}  // namespace innosim
