// `innosim run`: the main job. Loads the region preset and its scenarios, runs the
// replicates, writes the HDF5 file and prints the result table.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/parallel_for.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "app/commands.h"
#include "app/progress_bar.h"
#include "app/result_table.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/output_file.h"
#include "io/run_checkpoint.h"
#include "io/state_file.h"
#include "run/ensemble.h"
#include "run/memory_estimate.h"
#include "run/parameter_draws.h"
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
  std::string checkpoint;      // state file to save
  int checkpoint_every = 1;    // years
  std::string resume_from;     // state file of this run to continue
  std::string from_state;      // state file to branch this run's scenarios from
  std::string state_scenario;  // the saved scenario to branch from
  bool parameter_uncertainty = false;
  bool seed_given = false;  // --seed on the command line
  bool replicates_given = false;
};

// Opens the state a run continues or branches from and checks the options against it.
std::optional<StateFile> open_state(const RunOptions& o) {
  if ((o.resume ? 1 : 0) + !o.resume_from.empty() + !o.from_state.empty() > 1)
    throw ConfigError("command line", 0, "--resume",
                      "--resume, --resume-from and --from-state are different ways to start a "
                      "run; give one");
  if (o.from_state.empty()) {
    if (!o.state_scenario.empty())
      throw ConfigError("command line", 0, "--state-scenario", "only with --from-state");
    return o.resume_from.empty() ? std::nullopt : std::optional<StateFile>(o.resume_from);
  }
  std::optional<StateFile> state(o.from_state);
  const StateHeader& h = state->header();
  if (o.seed_given && o.seed != h.seed)
    throw ConfigError("command line", 0, "--seed",
                      fmt::format("{} was saved with seed {}; a branch continues its streams, so "
                                  "it keeps that seed (leave --seed out)",
                                  o.from_state, h.seed));
  if (o.replicates_given && o.replicates > h.replicates)
    throw ConfigError("command line", 0, "--replicates",
                      fmt::format("{} holds {} replicates per scenario; a branch can run at most "
                                  "those, got {}",
                                  o.from_state, h.replicates, o.replicates));
  if (o.panel)
    throw ConfigError("command line", 0, "--panel",
                      "a branch from a state has the panel of the run that saved it, or none; "
                      "--panel is for runs from the base year");
  return state;
}

// The saved scenario a branch starts from: --state-scenario, or the state's only one.
std::size_t source_scenario(const RunOptions& o, const StateHeader& h) {
  if (o.state_scenario.empty()) {
    if (h.scenarios.size() == 1) return 0;
    throw ConfigError("command line", 0, "--state-scenario",
                      fmt::format("{} holds scenarios {}; name the one to branch from",
                                  o.from_state, fmt::join(h.scenarios, ", ")));
  }
  for (std::size_t k = 0; k < h.scenarios.size(); ++k)
    if (h.scenarios[k] == o.state_scenario) return k;
  throw ConfigError("command line", 0, "--state-scenario",
                    fmt::format("{} holds no scenario '{}' (it holds {})", o.from_state,
                                o.state_scenario, fmt::join(h.scenarios, ", ")));
}

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

// Every task's configs under --parameter-uncertainty: each request loaded again with the
// replicate's draw, which every scenario and partner region shares. A scenario that moves a
// fitted key would move the draws' centre, so it is refused.
std::vector<std::vector<std::vector<ModelConfig>>> replicate_configs(
    const EnsembleSpec& spec, const std::vector<LoadRequest>& requests,
    const std::vector<std::vector<LoadRequest>>& partner_requests, const ParameterDraws& draws) {
  for (std::size_t k = 1; k < spec.scenarios.size(); ++k) {
    const ParameterDraws other =
        draw_parameters(spec.scenarios[k], requests[k].data_dir, spec.seed, 1);
    for (std::size_t i = 0; i < draws.keys.size(); ++i)
      if (other.keys != draws.keys || other.centre[i] != draws.centre[i])
        throw ConfigError(
            "--scenario", 0, draws.keys[i],
            fmt::format("scenario '{}' sets {} apart from the first scenario's, so the two "
                        "would draw around different estimates; with --parameter-uncertainty "
                        "the fitted parameters are the fit's in every scenario",
                        spec.scenarios[k].model.scenario.name, draws.keys[i]));
  }
  const std::size_t S = requests.size(), R = static_cast<std::size_t>(spec.replicates);
  std::vector<std::vector<std::vector<ModelConfig>>> out(S,
                                                         std::vector<std::vector<ModelConfig>>(R));
  tbb::parallel_for(std::size_t{0}, S * R, [&](std::size_t task) {
    const std::size_t sc = task / R, r = task % R;
    const std::vector<std::string> own = draws.sets(static_cast<int>(r));
    const auto with_draw = [&](LoadRequest q) {
      q.sets.insert(q.sets.end(), own.begin(), own.end());
      return load_config(q).model;
    };
    out[sc][r].push_back(with_draw(requests[sc]));
    if (!spec.partners.empty())
      for (const auto& q : partner_requests[sc]) out[sc][r].push_back(with_draw(q));
  });
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
  std::optional<StateFile> state = open_state(o);
  EnsembleSpec spec;
  spec.replicates = o.replicates;
  spec.seed = o.seed;
  if (!o.from_state.empty()) {
    spec.seed = state->header().seed;
    if (!o.replicates_given) spec.replicates = state->header().replicates;
  }
  spec.threads = o.threads;
  spec.panel_replicates = o.panel ? o.panel_replicates : 0;
  // Each config's request, kept to load it again with a replicate's parameters.
  std::vector<LoadRequest> requests;
  std::vector<std::vector<LoadRequest>> partner_requests;
  if (names.empty()) requests.push_back({data_dir, region, {}, sets});
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
    requests.push_back({data_dir, region, {scenario_path(data_dir, region, n)}, own});
  }
  for (const auto& q : requests) spec.scenarios.push_back(load_config(q));
  if (!o.quiet && spec.scenarios.size() > 1)
    for (const auto& s : split.every)
      std::cerr << "innosim run: note: --set " << s << " applies to every scenario of the run"
                << " (write --set " << std::filesystem::path(names.back()).stem().string() << ":"
                << s << " for one)\n";
  // Partner regions run their own scenario of the same name if they have one, else their
  // preset alone (no new policy); --set applies to every region.
  for (std::size_t k = 0; k < spec.scenarios.size(); ++k) {
    spec.partners.emplace_back();
    partner_requests.emplace_back();
    for (std::size_t p = 1; p < o.regions.size(); ++p) {
      const std::string file =
          k < names.size() ? scenario_file(data_dir, o.regions[p], names[k]) : "";
      std::vector<std::string> files;
      if (!file.empty() && std::filesystem::exists(file)) files.push_back(file);
      partner_requests.back().push_back({data_dir, o.regions[p], files, sets});
      spec.partners.back().push_back(load_config(partner_requests.back().back()));
    }
  }
  if (o.regions.size() <= 1) spec.partners.clear();
  std::optional<ParameterDraws> draws;
  if (o.parameter_uncertainty) {
    draws = draw_parameters(spec.scenarios.front(), data_dir, spec.seed, spec.replicates);
    spec.replicate_configs = replicate_configs(spec, requests, partner_requests, *draws);
    if (!o.quiet)
      std::cerr << "innosim run: " << uncertainty_statement(&*draws) << "; " << draws->rejected
                << " draw(s) outside the bounds drawn again\n";
  }

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
  // The state file to save: --checkpoint's, or the one a resumed run came from.
  const std::string state_out = o.checkpoint.empty() ? o.resume_from : o.checkpoint;
  if (!state_out.empty()) {
    check_writable(state_out);
    check_not_input(state_out, {inputs.begin(), inputs.end()});
    if (std::filesystem::weakly_canonical(state_out) == std::filesystem::weakly_canonical(out))
      throw ConfigError("command line", 0, "--checkpoint",
                        "the state file and --out are both " + out + "; give them two names");
  }
  const bool terminal = !o.quiet && ::isatty(STDERR_FILENO);
  auto bar = std::make_shared<ProgressBar>("innosim run " + region, terminal);
  spec.progress = [bar](std::size_t done, std::size_t total) { bar->update(done, total); };

  // Finished tasks go to <out>.partial as they complete; --resume runs only the others.
  std::string identity = run_identity(spec);
  if (draws)
    for (int r = 0; r < spec.replicates; ++r)
      identity += fmt::format("[replicate {}] {}\n", r, fmt::join(draws->sets(r), " "));
  EnsembleResult result = empty_ensemble(spec);
  if (o.resume && !state_out.empty())
    throw ConfigError("command line", 0, "--resume",
                      "a run that saves its state resumes with --resume-from " + state_out);
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
  if (!o.resume_from.empty() && state->header().identity != identity)
    throw IoError(o.resume_from,
                  "is the state of another run (other configs, seed, replicates or panel); "
                  "--resume-from continues the command that saved it, --from-state branches "
                  "new scenarios from it; refused, and left as it is");
  const int years = static_cast<int>(result.years.size());
  if (state) {
    const std::size_t from = o.from_state.empty() ? 0 : source_scenario(o, state->header());
    const std::size_t saved_replicates = static_cast<std::size_t>(state->header().replicates);
    spec.start_from = [&, from, saved_replicates](std::size_t task, const auto& configs) {
      // A resumed task is itself; a branch's replicate r starts from the saved replicate r.
      const std::size_t saved =
          o.from_state.empty() ? task : from * saved_replicates + task % spec.replicates;
      return state->read(saved, configs, years);
    };
    if (!o.quiet)
      std::cerr << "innosim run: " << (o.from_state.empty() ? "resuming" : "branching")
                << " from the state of " << state->header().year << " in "
                << (o.from_state.empty() ? o.resume_from : o.from_state) << "\n";
  }
  if (!state_out.empty()) {
    spec.state_every = o.checkpoint_every;
    StateHeader header{identity,
                       spec.seed,
                       spec.replicates,
                       result.scenario_names,
                       {},
                       result.years.front(),
                       result.years.back(),
                       spec.scenarios.front().model.time.steps_per_year,
                       0};
    header.regions.push_back(spec.scenarios.front().model.region.name);
    if (!spec.partners.empty())
      for (const auto& p : spec.partners.front()) header.regions.push_back(p.model.region.name);
    spec.save_state = [&, header](const std::vector<ReplicateRun>& tasks) mutable {
      header.year = result.years.front() + tasks.front().next_year - 1;
      write_state_file(state_out, header, tasks);
    };
  }
  // Memory last, once the spec says whether every task is held at once (a state saved).
  if (const int at_once = fit_in_memory(spec, o.max_memory_mb * 1e6); at_once > 0 && !o.quiet)
    std::cerr << "innosim run: " << at_once
              << " task(s) at a time, each on every thread, to stay within memory\n";
  if (terminal) std::cerr << "innosim run: " << describe(estimate_peak_memory(spec)) << "\n";
  run_ensemble(spec, result);
  const Summary summary = summarise(result, run_targets(spec.scenarios));
  Provenance provenance{
      o.seed, common.command_line, {}, {}, uncertainty_statement(draws ? &*draws : nullptr), {},
      {}};
  if (draws) provenance.parameter_keys = draws->keys, provenance.parameter_draws = draws->values;
  for (const auto& s : spec.scenarios) provenance.configs.push_back(s.resolved_toml);
  provenance.region_label = spec.scenarios.front().model.region.label;
  write_output(out, result, summary, provenance);
  std::filesystem::remove(partial);  // the run is in `out` now
  if (!o.quiet) {
    std::cout << "Region '" << region << "' (" << spec.scenarios.front().model.region.label << "), "
              << result.years.front() << "-" << result.years.back() << ", seed " << o.seed << "\n";
    print_result_table(std::cout, result, summary, provenance.uncertainty);
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
  cmd->add_option("--checkpoint", o->checkpoint,
                  "save every replicate's whole state to this file at every --checkpoint-every "
                  "years and at the end (replicates then advance together, all in memory)");
  cmd->add_option("--checkpoint-every", o->checkpoint_every,
                  "years between state saves (default 1)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--resume-from", o->resume_from,
                  "continue the run that saved this state file (the same command otherwise), "
                  "saving to it again unless --checkpoint names another file");
  cmd->add_option("--from-state", o->from_state,
                  "start this run's scenarios from a saved state instead of the base year "
                  "(same region, seed and replicates; the years up to the state are the saved "
                  "run's)");
  cmd->add_option("--state-scenario", o->state_scenario,
                  "the saved scenario to branch from (default: the state's only one)");
  cmd->add_flag("--parameter-uncertainty", o->parameter_uncertainty,
                "draw each replicate's fitted parameters from the fit's sampling distribution "
                "(the preset's fit file), so that the spread and the target odds include "
                "parameter uncertainty as well as Monte Carlo noise");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  const CLI::Option* seed = cmd->get_option("--seed");
  const CLI::Option* replicates = cmd->get_option("--replicates");
  action = [o, &common, seed, replicates] {
    o->seed_given = seed->count() > 0;
    o->replicates_given = replicates->count() > 0;
    return run(*o, common);
  };
}

}  // namespace innosim
