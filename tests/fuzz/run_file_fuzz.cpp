// libFuzzer target for the run-file reader behind `innosim summary` (issue 17 item 7): the
// input is opened as an HDF5 file image and read as a run's summary. A refusal (IoError) is
// correct; a crash, a sanitizer report, a hang or another exception is a finding. libhdf5
// itself is Debian's uninstrumented build, so what is checked is our reader and that no
// input reaches a crash inside the library.
#include <cstdint>

#include "core/errors.h"
#include "io/h5.h"
#include "io/run_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const innosim::h5::File f = innosim::h5::File::open_image(data, size, "fuzz input");
    (void)innosim::read_run_summary(f, "fuzz input");
  } catch (const innosim::IoError&) {
  }
  return 0;
}
