// libFuzzer target for the sweep-file reader behind `innosim sweep --resume` (issue 17 item 7):
// the input is opened as an HDF5 image and read as a checkpoint of tests/fuzz/sweep_design.toml.
// A refusal (IoError) is correct; anything else is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>

#include "core/errors.h"
#include "io/h5.h"
#include "io/sweep_file.h"

namespace {

const innosim::sweep::SweepPlan& plan() {
  static const innosim::sweep::SweepPlan p = innosim::sweep::plan_sweep(
      INNOSIM_SOURCE_DIR,
      innosim::sweep::load_design(INNOSIM_SOURCE_DIR "/tests/fuzz/sweep_design.toml"));
  return p;
}

const std::string& scratch() {
  static const std::string path = [] {
    char name[] = "/tmp/innosim-sweep-fuzz-XXXXXX.h5";
    const int fd = ::mkstemps(name, 3);
    if (fd >= 0) ::close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The reader opens a path, as --resume does.
  {
    std::ofstream out(scratch(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)innosim::read_sweep_checkpoint(scratch(), plan());
  } catch (const innosim::IoError&) {
  }
  return 0;
}
