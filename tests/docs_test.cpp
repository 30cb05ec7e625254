// The documentation keeps up with the code: docs/ODD.md names every model parameter in full
// and docs/OUTPUT.md every indicator.
#include <catch2/catch.hpp>

#include "config/config_loader.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"
#include "test_support.h"

using namespace innosim;

TEST_CASE("docs/ODD.md names every model parameter in full", "[docs]") {
  const std::string odd = test::read_text(test::data_dir() + "/docs/ODD.md");
  for (const auto& p : parameter_specs()) {
    // Region numbers are documented in the presets, lever settings in the lever table of
    // ODD 7.8 by their short names under the lever's heading, scenario keys in the README.
    if (p.key.rfind("region.", 0) == 0 || p.key.rfind("levers.", 0) == 0 ||
        p.key.rfind("scenario.", 0) == 0)
      continue;
    INFO(p.key);
    CHECK(odd.find("`" + p.key + "`") != std::string::npos);
  }
  for (const char* lever : kLeverNames) {
    INFO(lever);
    CHECK(odd.find(std::string("`") + lever + "`") != std::string::npos);
  }
}

TEST_CASE("docs/OUTPUT.md defines every indicator", "[docs]") {
  const std::string out = test::read_text(test::data_dir() + "/docs/OUTPUT.md");
  for (const auto& i : kIndicators) {
    const std::string name(i.name);
    INFO(name);
    const bool cost = name.rfind("cost_", 0) == 0;  // one row covers every cost_<lever>
    CHECK(out.find("`" + (cost ? std::string("cost_<lever>") : name) + "`") != std::string::npos);
  }
}
