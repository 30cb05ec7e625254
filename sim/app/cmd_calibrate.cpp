// `innosim calibrate`: fits a preset's [calibration] parameters to its moments and writes
// the fit file (configs/calibration/<region>.toml) that the preset includes.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "calibrate/region_calibration.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"

namespace innosim {
namespace {

struct CalibrateOptions {
  std::string region;
  std::vector<std::string> sets;
  std::string out;
  int threads = 0;
  bool quiet = false;
};

int calibrate(const CalibrateOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  if (o.region.empty()) {
    // The presets that declare something to fit.
    std::string fittable;
    for (const auto& r : list_regions(data_dir))
      if (!load_config({data_dir, r, {}, {}}).model.calibration.parameters.empty())
        fittable += (fittable.empty() ? "" : ", ") + r;
    throw ConfigError("command line", 0, "--region",
                      "name the preset to fit; these declare parameters and moments: " + fittable);
  }
  const std::string& region = o.region;
  // The working folder, not the source tree: a fit replaces the shipped one only on purpose.
  const std::string out = o.out.empty() ? "innosim-fit-" + region + ".toml" : o.out;
  std::filesystem::create_directories(std::filesystem::absolute(out).parent_path());
  check_writable(out);
  {
    // The fit file may replace an earlier fit, never the preset or model.toml it is fitted on.
    std::vector<std::string> inputs;
    for (const auto& [key, file] : load_config({data_dir, region, {}, o.sets}).origin_file)
      inputs.push_back(file);
    check_not_input(out, inputs);
  }
  std::string command = "innosim calibrate --region " +
                        region;  // not argv: the file must not depend on the install path
  for (const auto& s : o.sets) command += " --set " + s;
  auto log = [&](const std::string& line) {
    if (!o.quiet) std::cerr << line << "\n";
  };
  const RegionCalibration c = calibrate_region({data_dir, region, {}, o.sets}, o.threads, log);
  const std::string text = fit_file_text(c, command);
  {
    AtomicFile file(out);
    file.write(text.data(), text.size());
    file.commit();
  }
  if (!o.quiet) {
    std::cout << text << "\nWrote " << out << "\n";
    std::cout << "A preset uses it once it is in configs/calibration/ (now "
              << fit_file_path(data_dir, region) << ") and configs/regions/" << region
              << ".toml says: include = [\"../calibration/" << region << ".toml\"]\n";
  }
  return 0;
}

}  // namespace

void add_calibrate_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "calibrate",
      "fit a preset's behavioural parameters to its moments (method of simulated moments)");
  cmd->add_option("--region", o->region,
                  "region preset with a [calibration] table (without it: the list of them)");
  cmd->add_option("--set", o->sets,
                  "override a configuration key before fitting: key=value (repeatable)");
  cmd->add_option("--out", o->out,
                  "fit file to write (default innosim-fit-<region>.toml in the working folder)");
  cmd->add_option("--threads", o->threads,
                  "worker threads (0 = all cores); the fit does not depend on it")
      ->check(CLI::Range(0, 4096));
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->callback([o, &common, &action] { action = [o, &common] { return calibrate(*o, common); }; });
}

}  // namespace innosim
