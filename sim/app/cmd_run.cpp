// `innosim run`: the main job. Loads the region preset and its scenarios, runs the
// replicates, writes the HDF5 file and prints the result table.
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "app/commands.h"
#include "app/progress_bar.h"
#include "app/result_table.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/output_file.h"
#include "io/run_checkpoint.h"
#include "run/ensemble.h"
#include "run/memory_estimate.h"
#include "run/summary.h"

namespace innosim {
namespace {

struct RunOptions {
  std::vector<std::string> regions;
  std::vector<std::string> scenarios;
  int replicates = 100;
  std::uint64_t seed = 1;
  double max_memory_mb = 0;  // 0: the machine's memory
  int threads = 0;
  int end_year = 0;
  std::vector<std::string> sets;
  std::string out;
  bool quiet = false;
  bool panel = false;
  int panel_replicates = 1;
  bool resume = false;
  double checkpoint_seconds = 30;
};

// Everything that changes a run's results, so that --resume joins only the same run.
std::string run_identity(const EnsembleSpec& spec) {
  std::string id = "seed " + std::to_string(spec.seed) + ", replicates " +
                   std::to_string(spec.replicates) + ", panel replicates " +
                   std::to_string(spec.panel_replicates) + "\n";
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    id += "[scenario " + std::to_string(k) + "]\n" + spec.scenarios[k].resolved_toml;
    if (k < spec.partners.size())
      for (const auto& p : spec.partners[k]) id += "[partner]\n" + p.resolved_toml;
  }
  return id;
}

// A scenario is a path to a TOML file, or the name of a file in scenarios/<region>/.
std::string scenario_path(const std::string& data_dir, const std::string& region,
                          const std::string& arg) {
  if (std::filesystem::exists(arg)) return arg;
  const std::string file = scenario_file(data_dir, region, arg);
  if (std::filesystem::exists(file)) return file;
  std::string known;
  const std::string folder = "scenarios/" + region + "/";
  for (const auto& f : list_scenarios(data_dir))
    if (f.rfind(folder, 0) == 0)
      known += (known.empty() ? "" : ", ") + std::filesystem::path(f).stem().string();
  throw ConfigError("command line", 0, "--scenario",
                    "no scenario '" + arg + "': not a file, nor a scenario of region '" + region +
                        "' (known: " + known + ")");
}

// --set KEY=VALUE applies to every scenario; --set NAME:KEY=VALUE to the scenario given as
// NAME on the command line (its name or file stem) only.
struct SplitSets {
  std::vector<std::string> every;
  std::vector<std::pair<std::string, std::string>> one;  // (scenario, KEY=VALUE)
};

SplitSets split_sets(const std::vector<std::string>& sets) {
  SplitSets out;
  for (const auto& s : sets) {
    const auto colon = s.find(':'), equals = s.find('=');
    if (colon != std::string::npos && colon < equals)
      out.one.emplace_back(s.substr(0, colon), s.substr(colon + 1));
    else
      out.every.push_back(s);
  }
  return out;
}

int run(const RunOptions& o, const CommonOptions& common) {
  const std::string data_dir = resolve_data_dir(common.data_dir);
  const std::string region = o.regions.empty() ? kDefaultRegion : o.regions.front();
  for (std::size_t k = 0; k < o.regions.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (o.regions[j] == o.regions[k])
        throw ConfigError(
            "command line", 0, "--region",
            "region '" + o.regions[k] + "' is named twice; each region of a run is simulated once");
  const SplitSets split = split_sets(o.sets);
  std::vector<std::string> sets = split.every;
  if (o.end_year) sets.push_back("time.end_year=" + std::to_string(o.end_year));

  std::vector<std::string> names = o.scenarios;
  if (names.empty())
    names = load_config({data_dir, region, {}, sets}).model.region.default_scenarios;
  EnsembleSpec spec;
  spec.replicates = o.replicates;
  spec.seed = o.seed;
  spec.threads = o.threads;
  spec.panel_replicates = o.panel ? o.panel_replicates : 0;
  if (names.empty()) spec.scenarios.push_back(load_config({data_dir, region, {}, sets}));
  const auto names_scenario = [](const std::string& arg, const std::string& name) {
    return arg == name || std::filesystem::path(arg).stem().string() == name;
  };
  for (const auto& [target, kv] : split.one) {
    bool found = false;
    for (const auto& n : names) found |= names_scenario(n, target);
    if (!found) {
      std::string known;
      for (const auto& n : names)
        known += (known.empty() ? "" : ", ") + std::filesystem::path(n).stem().string();
      throw ConfigError("command line", 0, "--set",
                        "'" + target + ":" + kv + "' names scenario '" + target +
                            "', which is not in this run (" + known + ")");
    }
  }
  for (const auto& n : names) {
    std::vector<std::string> own = sets;
    for (const auto& [target, kv] : split.one)
      if (names_scenario(n, target)) own.push_back(kv);
    spec.scenarios.push_back(
        load_config({data_dir, region, {scenario_path(data_dir, region, n)}, own}));
  }
  if (!o.quiet && spec.scenarios.size() > 1)
    for (const auto& s : split.every)
      std::cerr << "innosim run: note: --set " << s << " applies to every scenario of the run"
                << " (write --set " << std::filesystem::path(names.back()).stem().string() << ":"
                << s << " for one)\n";
  // Partner regions run their own scenario of the same name if they have one, else their
  // preset alone (no new policy); --set applies to every region.
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    spec.partners.emplace_back();
    for (std::size_t p = 1; p < o.regions.size(); ++p) {
      const std::string file =
          k < names.size() ? scenario_file(data_dir, o.regions[p], names[k]) : "";
      std::vector<std::string> files;
      if (!file.empty() && std::filesystem::exists(file)) files.push_back(file);
      spec.partners.back().push_back(load_config({data_dir, o.regions[p], files, sets}));
    }
  }
  if (o.regions.size() <= 1) spec.partners.clear();

  const std::string out = o.out.empty() ? "innosim-" + region + ".h5" : o.out;
  const std::string partial = partial_path(out);
  check_writable(out);  // before the run, not after it
  check_writable(partial);
  std::set<std::string> inputs;  // every config file the run read
  for (const auto& s : spec.scenarios)
    for (const auto& [key, file] : s.origin_file) inputs.insert(file);
  for (const auto& region_configs : spec.partners)
    for (const auto& c : region_configs)
      for (const auto& [key, file] : c.origin_file) inputs.insert(file);
  check_not_input(out, {inputs.begin(), inputs.end()});
  check_not_input(partial, {inputs.begin(), inputs.end()});
  refuse_if_too_large(spec, o.max_memory_mb * 1e6);
  const bool terminal = !o.quiet && ::isatty(STDERR_FILENO);
  if (terminal) std::cerr << "innosim run: " << describe(estimate_peak_memory(spec)) << "\n";
  auto bar = std::make_shared<ProgressBar>("innosim run " + region, terminal);
  spec.progress = [bar](std::size_t done, std::size_t total) { bar->update(done, total); };

  // Finished tasks go to <out>.partial as they complete; --resume runs only the others.
  const std::string identity = run_identity(spec);
  EnsembleResult result = empty_ensemble(spec);
  if (o.resume && std::filesystem::exists(partial)) {
    result = read_run_checkpoint(partial, identity, result);
    if (!o.quiet)
      std::cerr << "innosim run: resuming " << partial << ", " << result.finished() << " of "
                << result.done.size() << " tasks already done\n";
  } else if (o.resume && !o.quiet) {
    std::cerr << "innosim run: no " << partial << " to resume; running every task\n";
  }
  spec.checkpoint_seconds = o.checkpoint_seconds;
  spec.checkpoint = [&](const EnsembleResult& r) { write_run_checkpoint(partial, identity, r); };
  run_ensemble(spec, result);
  const Summary summary = summarise(result, run_targets(spec.scenarios));
  Provenance provenance{o.seed, common.command_line, {}, {}};
  for (const auto& s : spec.scenarios) provenance.configs.push_back(s.resolved_toml);
  provenance.region_label = spec.scenarios.front().model.region.label;
  write_output(out, result, summary, provenance);
  std::filesystem::remove(partial);  // the run is in `out` now
  if (!o.quiet) {
    std::cout << "Region '" << region << "' (" << spec.scenarios.front().model.region.label << "), "
              << result.years.front() << "-" << result.years.back() << ", seed " << o.seed << "\n";
    print_result_table(std::cout, result, summary);
    for (const auto& p : result.partners)
      std::cout << "Also simulated: region '" << p.region << "' (written to /regions/" << p.region
                << ")\n";
    std::cout << "\nWrote " << out << "\n";
  }
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "simulate a region's scenarios (the default command)");
  cmd->add_option("--region", o->regions,
                  std::string("region preset (default ") + kDefaultRegion +
                      "); repeat to simulate regions together on the region graph");
  cmd->add_option(
      "--scenario", o->scenarios,
      "scenario file or name in scenarios/<region>/ (repeatable; default: the preset's)");
  cmd->add_option("--replicates", o->replicates, "Monte Carlo replicates per scenario")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--max-memory", o->max_memory_mb,
                  "refuse a run estimated to need more than this many MB (default: 90% of the "
                  "machine's memory)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", o->seed, "random seed, an integer in [0, 2^64)")
      ->check(CLI::Validator(
          [](std::string& s) {
            // Digits only and no wrap-around: -1, 2^64 and 1e23 are refused, not clamped.
            errno = 0;
            char* end = nullptr;
            const bool digits =
                !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
            if (digits) std::strtoull(s.c_str(), &end, 10);
            return digits && errno != ERANGE ? std::string()
                                             : "expected an integer in [0, 2^64), got " + s;
          },
          "UINT64"));
  cmd->add_option("--threads", o->threads, "worker threads (0 = all cores)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--end-year", o->end_year, "last simulated year (default: the preset's)");
  cmd->add_option(
      "--set", o->sets,
      "override a configuration key: key=value for every scenario, or scenario:key=value for "
      "one (repeatable)");
  cmd->add_option("--out", o->out, "output HDF5 file (default innosim-<region>.h5)");
  cmd->add_flag("--panel", o->panel,
                "also write the firm-level panel (one row per firm and year) to /panel");
  cmd->add_option("--panel-replicates", o->panel_replicates,
                  "replicates of each scenario in the panel (default 1)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--resume", o->resume,
                "continue the interrupted run of the same command from <out>.partial, running "
                "only its unfinished tasks");
  cmd->add_option("--checkpoint-seconds", o->checkpoint_seconds,
                  "write the finished tasks to <out>.partial at most this often (default 30)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  action = [o, &common] { return run(*o, common); };
}

}  // namespace innosim
