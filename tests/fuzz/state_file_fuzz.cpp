// libFuzzer target for the reader of state files (`innosim run --resume-from`, --from-state):
// the input is opened as an HDF5 file image and its first tasks read as the state of the seed
// corpus's run (the default preset shrunk, as in run_fuzzers.sh). A refusal (IoError) is
// correct; a crash, a sanitizer report, a hang or another exception is a finding.
#include <cstdint>

#include "config/config_loader.h"
#include "core/errors.h"
#include "io/h5.h"
#include "io/state_file.h"

namespace {

const innosim::LoadedConfig& corpus_config() {
  static const innosim::LoadedConfig c = innosim::load_config(
      {INNOSIM_SOURCE_DIR,
       "yinchuan",
       {},
       {"region.firms_total=4000", "region.firms_above_scale=20", "region.hntes=10",
        "region.tech_smes=30", "region.rd_expenditure=1.5e8", "region.rd_personnel=625",
        "region.leading_talents=6", "region.talent_total=13375", "time.end_year=2022"}});
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const innosim::ModelConfig& m = corpus_config().model;
  try {
    const innosim::StateFile state(innosim::h5::File::open_image(data, size, "fuzz input"),
                                   "fuzz input");
    const std::size_t tasks =
        state.header().scenarios.size() * static_cast<std::size_t>(state.header().replicates);
    for (std::size_t task = 0; task < std::min<std::size_t>(tasks, 2); ++task)
      (void)state.read(task, {&m}, innosim::year_count(m));
  } catch (const innosim::IoError&) {
  }
  return 0;
}
