// libFuzzer target for the configuration loader (issue 17 item 7): the input is a scenario
// file layered over the shipped model.toml and default preset, as `innosim run --scenario`
// loads it. Any exception of the program's own error types is a correct refusal; a crash, a
// sanitizer report, a hang or any other exception is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "config/config_loader.h"
#include "core/errors.h"

namespace {

// One scratch file per process, rewritten for each input (the loader reads files, as users do).
const std::string& scratch() {
  static const std::string path = [] {
    char name[] = "/tmp/innosim-config-fuzz-XXXXXX.toml";
    const int fd = ::mkstemps(name, 5);
    if (fd >= 0) ::close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(scratch(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)innosim::load_config({INNOSIM_SOURCE_DIR, "", {scratch()}, {}});
  } catch (const innosim::ConfigError&) {
  } catch (const innosim::IoError&) {
  } catch (const innosim::ModelError&) {
  }
  return 0;
}
