// `innosim summary FILE.h5`: the yearly median and 5-95% band of chosen indicators, per
// scenario, and paired effects against the reference scenario (the baseline, if the run has one),
// read back from a run's file.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/result_table.h"
#include "core/errors.h"
#include "io/h5.h"
#include "io/run_file.h"
#include "observe/indicator_catalog.h"

namespace innosim {
namespace {

struct SummaryOptions {
  std::string file;
  std::vector<std::string> indicators = {"rd_intensity", "hntes", "tech_smes", "firms_total"};
};

int summary(const SummaryOptions& o) {
  const RunFileSummary r = read_run_summary(h5::File::open_read(o.file), o.file);
  const std::size_t T = r.years.size();
  std::cout << fmt::format("{}: seed {}, {} replicates, {}-{}\nSpread between replicates: {}\n",
                           o.file, r.seed, r.replicates, r.years.front(), r.years.back(),
                           r.uncertainty);
  for (const auto& name : o.indicators) {
    const auto& names = r.indicators;
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw ConfigError("--indicator", 0, name,
                        "not an indicator of this file (innosim list indicators)");
    const std::size_t i = static_cast<std::size_t>(it - names.begin());
    const std::string& unit = r.units[i];
    std::cout << fmt::format("\n{} ({}): median [5% - 95%]\n  {:<6}", name, unit, "year");
    for (const auto& sc : r.scenarios) std::cout << fmt::format(" {:>30}", sc);
    for (std::size_t sc = 0; sc < r.scenarios.size(); ++sc)
      if (sc != r.reference) std::cout << fmt::format(" {:>30}", "effect " + r.scenarios[sc]);
    std::cout << "\n";
    for (std::size_t t = 0; t < T; ++t) {
      std::cout << fmt::format("  {:<6}", r.years[t]);
      auto cell = [&](const std::vector<double>& v, std::size_t sc, auto format) {
        return fmt::format("{} [{} - {}]", format(r.at(v, sc, t, i, 2), unit),
                           format(r.at(v, sc, t, i, 0), unit), format(r.at(v, sc, t, i, 4), unit));
      };
      for (std::size_t sc = 0; sc < r.scenarios.size(); ++sc)
        std::cout << fmt::format(" {:>30}", cell(r.quantiles, sc, format_value));
      for (std::size_t sc = 0; sc < r.scenarios.size(); ++sc)
        if (sc != r.reference)
          std::cout << fmt::format(" {:>30}", cell(r.effects, sc, format_effect));
      std::cout << "\n";
    }
  }
  return 0;
}

}  // namespace

void add_summary_command(CLI::App& app, CommonOptions&, Action& action) {
  auto o = std::make_shared<SummaryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "summary", "print yearly medians and bands of indicators from a run's HDF5 file");
  cmd->add_option("file", o->file, "an HDF5 file written by innosim run")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "--indicator", o->indicators,
      "indicators to show (repeatable; default rd_intensity hntes tech_smes firms_total)");
  cmd->callback([o, &action] { action = [o] { return summary(*o); }; });
}

}  // namespace innosim
