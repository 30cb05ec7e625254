// `innosim check FILE...`: validates configuration files and prints the resolved configuration.
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "config/config_loader.h"
#include "core/errors.h"
#include "sweep/sweep_run.h"

namespace innosim {

void add_check_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "check", "validate configuration files and print the resolved configuration");
  cmd->add_option("files", *files, "model, preset, scenario or sweep design TOML files")
      ->required();
  cmd->add_flag("--quiet", *quiet, "print only errors and a one-line verdict per file");
  cmd->callback([files, quiet, &common, &action] {
    action = [files, quiet, &common] {
      const std::string data_dir = resolve_data_dir(common.data_dir);
      int failures = 0;
      for (const auto& f : *files) {
        try {
          // A sweep design (scenarios/<region>/sweeps/) is checked as one, points included.
          if (std::filesystem::path(f).parent_path().filename() == "sweeps") {
            const sweep::SweepPlan plan = sweep::plan_sweep(data_dir, sweep::load_design(f));
            std::cout << "# " << f << ": ok (" << plan.unit.size() << " points, " << plan.tasks()
                      << " tasks)\n";
            continue;
          }
          const LoadedConfig c = load_for_check(data_dir, f);
          std::cout << "# " << f << ": ok\n";
          if (!*quiet) std::cout << c.resolved_toml << "\n\n";
        } catch (const ConfigError& e) {
          std::cerr << "innosim: configuration error: " << e.what() << "\n";
          ++failures;
        }
      }
      return failures ? 2 : 0;
    };
  });
}

}  // namespace innosim
