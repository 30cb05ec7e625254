// `innosim summary FILE.h5`: the yearly median and 5-95% band of chosen indicators, per
// scenario, and paired effects against the first scenario, read back from a run's file.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/result_table.h"
#include "core/errors.h"
#include "io/h5.h"
#include "observe/indicator_catalog.h"

namespace innosim {
namespace {

struct SummaryOptions {
  std::string file;
  std::vector<std::string> indicators = {"rd_intensity", "hntes", "tech_smes", "firms_total"};
};

int summary(const SummaryOptions& o) {
  const h5::File f = h5::File::open_read(o.file);
  const h5::Group index = f.open_group("index");
  const auto scenarios = index.open_dataset("scenario").read_strings();
  const auto years = index.open_dataset("time").read_ints();
  const auto names = index.open_dataset("indicator").read_strings();
  const auto units = index.open_dataset("indicator").string_list_attribute("units");
  const h5::Group s = f.open_group("summary");
  const auto q = s.open_dataset("quantiles").read_doubles();
  const auto e = s.open_dataset("effects").read_doubles();
  const std::size_t T = years.size(), I = names.size(), Q = 5;
  std::cout << fmt::format("{}: seed {}, {} replicates, {}-{}\n", o.file, f.int_attribute("seed"),
                           f.int_attribute("replicates"), years.front(), years.back());
  for (const auto& name : o.indicators) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
      throw ConfigError("--indicator", 0, name,
                        "not an indicator of this file (innosim list indicators)");
    const std::size_t i = static_cast<std::size_t>(it - names.begin());
    std::cout << fmt::format("\n{} ({}): median [5% - 95%]\n  {:<6}", name, units[i], "year");
    for (std::size_t sc = 0; sc < scenarios.size(); ++sc)
      std::cout << fmt::format(" {:>30}", scenarios[sc]);
    for (std::size_t sc = 1; sc < scenarios.size(); ++sc)
      std::cout << fmt::format(" {:>30}", "effect " + scenarios[sc]);
    std::cout << "\n";
    for (std::size_t t = 0; t < T; ++t) {
      std::cout << fmt::format("  {:<6}", years[t]);
      auto cell = [&](const std::vector<double>& v, std::size_t sc) {
        const double* x = &v[((sc * T + t) * I + i) * Q];
        return fmt::format("{} [{} - {}]", format_value(x[2], units[i]),
                           format_value(x[0], units[i]), format_value(x[4], units[i]));
      };
      for (std::size_t sc = 0; sc < scenarios.size(); ++sc)
        std::cout << fmt::format(" {:>30}", cell(q, sc));
      for (std::size_t sc = 1; sc < scenarios.size(); ++sc)
        std::cout << fmt::format(" {:>30}", cell(e, sc));
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
