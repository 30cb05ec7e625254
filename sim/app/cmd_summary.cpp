// `innosim summary FILE.h5`: the yearly median and 5-95% band of chosen indicators, per
// scenario, and paired effects against the first scenario, read back from a run's file.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/result_table.h"
#include "core/errors.h"
#include "io/h5.h"
#include "io/output_file.h"
#include "observe/indicator_catalog.h"

namespace innosim {
namespace {

struct SummaryOptions {
  std::string file;
  std::vector<std::string> indicators = {"rd_intensity", "hntes", "tech_smes", "firms_total"};
};

// Trusts nothing in the file: what it is, its version, and that every array has the shape its
// index says, before any element is read (a crafted file overflowed the buffers here).
void check_run_file(const h5::File& f, const std::string& path) {
  if (!f.has_attribute("filetype") || f.string_attribute("filetype") != "innosim-run")
    throw IoError(path, "not a file written by innosim run (no filetype 'innosim-run')");
  if (!f.has_attribute("schema_version") || f.int_attribute("schema_version") != kSchemaVersion)
    throw IoError(path, "written with another output schema than version " +
                            std::to_string(kSchemaVersion) + " (rerun it with this innosim)");
  for (const char* a : {"seed", "replicates"})
    if (!f.has_attribute(a)) throw IoError(path, std::string("has no '") + a + "' attribute");
}

void check_size(const std::string& path, const std::string& what, std::size_t got,
                std::size_t expected) {
  if (got != expected)
    throw IoError(path, what + " has " + std::to_string(got) + " values where its index implies " +
                            std::to_string(expected) + ": the file is damaged");
}

int summary(const SummaryOptions& o) {
  const h5::File f = h5::File::open_read(o.file);
  check_run_file(f, o.file);
  const h5::Group index = f.open_group("index");
  const auto scenarios = index.open_dataset("scenario").read_strings();
  const auto years = index.open_dataset("time").read_ints();
  const auto names = index.open_dataset("indicator").read_strings();
  const auto units = index.open_dataset("indicator").string_list_attribute("units");
  const h5::Group s = f.open_group("summary");
  const auto q = s.open_dataset("quantiles").read_doubles();
  const auto e = s.open_dataset("effects").read_doubles();
  const std::size_t T = years.size(), I = names.size(), Q = 5;
  if (T == 0 || I == 0 || scenarios.empty())
    throw IoError(o.file, "has an empty index: the file is damaged");
  check_size(o.file, "/index/indicator's units", units.size(), I);
  check_size(o.file, "/summary/quantiles", q.size(), scenarios.size() * T * I * Q);
  check_size(o.file, "/summary/effects", e.size(), scenarios.size() * T * I * Q);
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
