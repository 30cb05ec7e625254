#include "io/run_checkpoint.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/version.h"
#include "io/h5.h"
#include "io/panel_group.h"

namespace innosim {
namespace {

constexpr const char* kFiletype = "innosim-run-partial";

// The task of panel run k: panel runs are [scenario][panel replicate], tasks
// [scenario][replicate].
std::size_t panel_task(const EnsembleResult& r, std::size_t k) {
  const std::size_t panel_reps = r.panel_runs.size() / r.scenario_names.size();
  return k / panel_reps * static_cast<std::size_t>(r.replicates) + k % panel_reps;
}

void put_arrays(h5::Group g, const std::vector<double>& trajectories,
                const std::vector<double>& fiscal) {
  g.create_doubles("trajectories", {trajectories.size()}, trajectories);
  g.create_doubles("fiscal", {fiscal.size()}, fiscal);
}

void get_arrays(const std::string& path, const h5::Group& g, std::vector<double>& trajectories,
                std::vector<double>& fiscal) {
  const h5::Dataset t = g.open_dataset("trajectories"), f = g.open_dataset("fiscal");
  if (t.dims() != std::vector<std::uint64_t>{trajectories.size()} ||
      f.dims() != std::vector<std::uint64_t>{fiscal.size()})
    throw IoError(path,
                  "its arrays do not have this run's shape: the file is damaged; refused, "
                  "and left as it is");
  trajectories = t.read_doubles();
  fiscal = f.read_doubles();
}

}  // namespace

std::string partial_path(const std::string& out) { return out + ".partial"; }

void write_run_checkpoint(const std::string& path, const std::string& identity,
                          const EnsembleResult& r) {
  h5::File f = h5::File::create_in_memory(path);
  f.set_attribute("filetype", std::string(kFiletype));
  f.set_attribute("schema_version", std::int64_t{kRunCheckpointSchemaVersion});
  f.set_attribute("innosim_version", build_identity());
  f.create_text("identity", identity);
  f.set_attribute("tasks_done", static_cast<std::int64_t>(r.finished()));
  f.set_attribute("tasks_total", static_cast<std::int64_t>(r.done.size()));
  put_arrays(f.create_group("region"), r.trajectories, r.fiscal);
  for (std::size_t p = 0; p < r.partners.size(); ++p)
    put_arrays(f.create_group(fmt::format("partner{}", p)), r.partners[p].trajectories,
               r.partners[p].fiscal);
  f.create_ints("done", std::vector<std::int64_t>(r.done.begin(), r.done.end()));
  // Panels of finished tasks only: an unfinished one is recorded again when its task reruns.
  h5::Group panels = f.create_group("panel_runs");
  for (std::size_t k = 0; k < r.panel_runs.size(); ++k) {
    if (!r.done[panel_task(r, k)]) continue;
    write_panel_group(panels.create_group(std::to_string(k)), r.panel_runs[k]);
  }
  f.save(path);
}

EnsembleResult read_run_checkpoint(const std::string& path, const std::string& identity,
                                   const EnsembleResult& empty) {
  return read_run_checkpoint(h5::File::open_read(path), path, identity, empty);
}

EnsembleResult read_run_checkpoint(const h5::File& f, const std::string& path,
                                   const std::string& identity, const EnsembleResult& empty) {
  const std::string refused = ": refused, and left as it is";
  if (!f.has_attribute("filetype") || f.string_attribute("filetype") != kFiletype)
    throw IoError(path, "not the partial file of an innosim run" + refused);
  if (!f.has_attribute("schema_version") ||
      f.int_attribute("schema_version") != kRunCheckpointSchemaVersion)
    throw IoError(path, "written with another partial-run schema" + refused);
  if (f.string_attribute("innosim_version") != build_identity())
    throw IoError(path, "was written by another innosim (" + f.string_attribute("innosim_version") +
                            "), whose results would not match this one's" + refused);
  if (f.open_dataset("identity").read_text() != identity)
    throw IoError(path,
                  "holds another run (other scenarios, configuration, --set, seed, replicates or "
                  "panel)" +
                      refused + "; rerun without --resume to start over");
  EnsembleResult r = empty;
  get_arrays(path, f.open_group("region"), r.trajectories, r.fiscal);
  for (std::size_t p = 0; p < r.partners.size(); ++p)
    get_arrays(path, f.open_group(fmt::format("partner{}", p)), r.partners[p].trajectories,
               r.partners[p].fiscal);
  const h5::Dataset done = f.open_dataset("done");
  if (done.dims() != std::vector<std::uint64_t>{r.done.size()})
    throw IoError(path,
                  "its task list does not have this run's shape: the file is damaged" + refused);
  const std::vector<std::int64_t> mask = done.read_ints();
  for (std::size_t k = 0; k < mask.size(); ++k) r.done[k] = mask[k] == 1;
  const h5::Group panels = f.open_group("panel_runs");
  for (std::size_t k = 0; k < r.panel_runs.size(); ++k) {
    if (!r.done[panel_task(r, k)]) continue;
    if (!panels.exists(std::to_string(k)))
      throw IoError(path, "a finished task's firm panel is missing: the file is damaged" + refused);
    if (!read_panel_group(panels.open_group(std::to_string(k)), r.panel_runs[k]))
      throw IoError(path, "a firm panel's columns differ in length: the file is damaged" + refused);
  }
  return r;
}

}  // namespace innosim
