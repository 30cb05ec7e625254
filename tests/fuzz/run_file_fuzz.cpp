// libFuzzer target for the readers of run files (issue 17 item 7): the input is opened as an
// HDF5 file image and read as a finished run's summary (`innosim summary`) and report
// (`innosim report`, down to the HTML page), and as the partial
// file of an interrupted run (`innosim run --resume`), shaped as the seed corpus's partial file
// (2 scenarios x 3 replicates, 2021-2022, one panel replicate, no partner). A refusal (IoError)
// is correct; a crash, a sanitizer report, a hang or another exception is a finding. libhdf5
// itself is Debian's uninstrumented build, so what is checked is our reader and that no input
// reaches a crash inside the library.
#include <cstdint>

#include "core/errors.h"
#include "io/h5.h"
#include "io/run_checkpoint.h"
#include "io/run_file.h"
#include "report/html_report.h"

namespace {

innosim::EnsembleResult partial_shape() {
  innosim::EnsembleResult r;
  r.scenario_names = {"baseline", "plan"};
  r.years = {2021, 2022};
  r.replicates = 3;
  const std::size_t tasks = 6, T = r.years.size();
  r.trajectories.assign(tasks * T * innosim::kIndicatorCount, 0);
  r.fiscal.assign(tasks * T * innosim::kLeverCount * innosim::kGovLevels, 0);
  r.done.assign(tasks, 0);
  r.panel_runs.resize(2);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const innosim::h5::File f = innosim::h5::File::open_image(data, size, "fuzz input");
    (void)innosim::read_run_summary(f, "fuzz input");
    // What passes the report's reader must make a page (innosim report).
    (void)innosim::html_report(innosim::read_run_report(f, "fuzz input"));
  } catch (const innosim::IoError&) {
  }
  try {
    const innosim::h5::File f = innosim::h5::File::open_image(data, size, "fuzz input");
    // The file's own identity, so that inputs reach the arrays behind that check.
    const std::string identity =
        f.exists("identity") ? f.open_dataset("identity").read_text() : std::string();
    static const innosim::EnsembleResult empty = partial_shape();
    (void)innosim::read_run_checkpoint(f, "fuzz input", identity, empty);
  } catch (const innosim::IoError&) {
  }
  return 0;
}
