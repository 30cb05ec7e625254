// libFuzzer target for the sweep-file reader behind `innosim sweep --resume` and `merge`
// (issue 17 item 7): the input is read as a checkpoint of tests/fuzz/sweep_design.toml, from a
// path as --resume reads it, and as a finished sweep's report (`innosim report`). A refusal
// (IoError) is correct; anything else is a finding.
#include <cstdint>
#include <string>

#include "core/errors.h"
#include "io/h5.h"
#include "io/sweep_file.h"
#include "report/html_report.h"
#include "scratch_file.h"

namespace {

const innosim::sweep::SweepPlan& plan() {
  static const innosim::sweep::SweepPlan p = innosim::sweep::plan_sweep(
      INNOSIM_SOURCE_DIR,
      innosim::sweep::load_design(INNOSIM_SOURCE_DIR "/tests/fuzz/sweep_design.toml"));
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& scratch = innosim::fuzz::write_scratch(data, size, ".h5");
  try {
    (void)innosim::read_sweep_checkpoint(scratch, plan());
  } catch (const innosim::IoError&) {
  }
  try {  // innosim report on a finished sweep, down to the HTML page
    (void)innosim::html_report(
        innosim::read_sweep_sensitivity(innosim::h5::File::open_read(scratch), "fuzz input"));
  } catch (const innosim::IoError&) {
  }
  return 0;
}
