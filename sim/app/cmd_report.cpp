// `innosim report FILE.h5 [--out report.html]`: the planner's page of a run's file, or the
// sensitivity page of a finished sweep's (report/html_report.h), written atomically; it opens
// in any browser without a network.
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "io/atomic_file.h"
#include "io/h5.h"
#include "io/run_file.h"
#include "report/html_report.h"

namespace innosim {
namespace {

struct ReportOptions {
  std::string file;
  std::string out;
  bool quiet = false;
};

int report(const ReportOptions& o) {
  const h5::File f = h5::File::open_read(o.file);
  const bool sweep =
      f.has_attribute("filetype") && f.string_attribute("filetype") == "innosim-sweep";
  const std::string out =
      o.out.empty() ? std::filesystem::path(o.file).stem().string() + ".html" : o.out;
  check_writable(out);
  check_not_input(out, {o.file});
  const std::string page = sweep ? html_report(read_sweep_sensitivity(f, o.file))
                                 : html_report(read_run_report(f, o.file));
  AtomicFile file(out);
  file.write(page.data(), page.size());
  file.commit();
  if (!o.quiet) std::cout << "Wrote " << out << " (" << page.size() / 1024 << " KiB)\n";
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommonOptions&, Action& action) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "write the planner's HTML report (charts, target odds, costs) of a run's file");
  cmd->add_option("file", o->file,
                  "an HDF5 file written by innosim run (or a finished innosim sweep)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "the HTML file to write (default: FILE's name with .html)");
  cmd->add_flag("--quiet", o->quiet, "print nothing but errors");
  cmd->callback([o, &action] { action = [o] { return report(*o); }; });
}

}  // namespace innosim
