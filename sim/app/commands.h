// The subcommands of `innosim`. Each registers its options on the CLI11 app and returns the
// action to run once the command line is parsed.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace innosim {

using Action = std::function<int()>;

class MpiWorld;

struct CommonOptions {
  std::string data_dir;  // --data-dir
  std::string command_line;
  const MpiWorld* world = nullptr;  // the ranks of an mpirun; one rank otherwise
};

void add_run_command(CLI::App& app, CommonOptions& common, Action& action);
void add_check_command(CLI::App& app, CommonOptions& common, Action& action);
void add_list_command(CLI::App& app, CommonOptions& common, Action& action);
void add_bench_command(CLI::App& app, CommonOptions& common, Action& action);
void add_summary_command(CLI::App& app, CommonOptions& common, Action& action);
void add_calibrate_command(CLI::App& app, CommonOptions& common, Action& action);
void add_sweep_command(CLI::App& app, CommonOptions& common, Action& action);
void add_merge_command(CLI::App& app, CommonOptions& common, Action& action);
void add_report_command(CLI::App& app, CommonOptions& common, Action& action);

}  // namespace innosim
