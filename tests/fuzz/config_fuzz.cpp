// libFuzzer target for the configuration loader (issue 17 item 7): the input is a scenario
// file layered over the shipped model.toml and default preset, as `innosim run --scenario`
// loads it. Any exception of the program's own error types is a correct refusal; a crash, a
// sanitizer report, a hang or any other exception is a finding.
#include <cstdint>
#include <string>

#include "config/config_loader.h"
#include "core/errors.h"
#include "scratch_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& scratch = innosim::fuzz::write_scratch(data, size, ".toml");
  try {
    (void)innosim::load_config({INNOSIM_SOURCE_DIR, "", {scratch}, {}});
  } catch (const innosim::ConfigError&) {
  } catch (const innosim::IoError&) {
  } catch (const innosim::ModelError&) {
  }
  return 0;
}
