// The `innosim` program: parses the command line, runs one subcommand, and maps errors to
// exit codes (1 usage or unexpected, 2 configuration, 3 model, 4 input/output).
#include <cstdio>
#include <iostream>
#include <new>

#include "app/commands.h"
#include "app/mpi_world.h"
#include "core/errors.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace innosim;
  CLI::App app{"innosim: agent-based simulator of a regional innovation ecosystem"};
  app.set_version_flag("--version", std::string(kVersion) + " (" + kGitSha + ")");
  app.require_subcommand(0, 1);
  app.fallthrough();                                // --data-dir before or after the subcommand
  app.option_defaults()->always_capture_default();  // --help shows each option's default
  CommonOptions common;
  for (int i = 0; i < argc; ++i) common.command_line += (i ? " " : "") + std::string(argv[i]);
  app.add_option(
      "--data-dir", common.data_dir,
      "folder holding configs/ and scenarios/ (default: $INNOSIM_DATA or the source tree)");
  Action action;  // `run` installs itself as the default: no subcommand runs the main job
  add_run_command(app, common, action);
  add_check_command(app, common, action);
  add_list_command(app, common, action);
  add_bench_command(app, common, action);
  add_summary_command(app, common, action);
  add_calibrate_command(app, common, action);
  add_sweep_command(app, common, action);
  add_merge_command(app, common, action);
  add_report_command(app, common, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 1, as the README says.
    return app.exit(e) == 0 ? 0 : 1;
  }
  const MpiWorld world;
  common.world = &world;
  const int code = [&] {
    try {
      if (world.launched_without_mpi())
        throw ConfigError("command line", 0, "mpirun",
                          "this innosim was built without MPI, so every rank would run the whole "
                          "job: rebuild with libopenmpi-dev (scripts/setup.sh), or use --shard");
      if (world.size() > 1 && app.got_subcommand("sweep") == false)
        throw ConfigError("command line", 0, "mpirun",
                          "only innosim sweep runs across MPI ranks; start the others alone");
      return action();
    } catch (const ConfigError& e) {
      std::cerr << "innosim: configuration error: " << e.what() << "\n";
      return 2;
    } catch (const ModelError& e) {
      std::cerr << "innosim: model error: " << e.what() << "\n";
      return 3;
    } catch (const IoError& e) {
      std::cerr << "innosim: i/o error: " << e.what() << "\n";
      return 4;
    } catch (const std::bad_alloc&) {
      std::cerr << "innosim: error: out of memory; lower region.firms_total, --replicates or "
                   "--threads (run refuses what it can estimate in advance: see --max-memory)\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "innosim: error: " << e.what() << "\n";
      return 1;
    }
  }();
  // An error on one rank ends them all, rather than leaving the others waiting for it.
  if (code != 0 && world.size() > 1) world.abort(code);
  return code;
}
