// The documentation keeps up with the code: docs/ODD.md names every model parameter in full
// and docs/OUTPUT.md every indicator.
#include <toml++/toml.h>

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

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

// The parameter tables of docs/ODD.md restate defaults for the reader; configs/model.toml is
// the one source, and a table value that drifts from it fails here.
TEST_CASE("docs/ODD.md parameter tables show the defaults of configs/model.toml", "[docs]") {
  const toml::table model = toml::parse_file(test::data_dir() + "/configs/model.toml");
  std::istringstream odd(test::read_text(test::data_dir() + "/docs/ODD.md"));
  const std::regex row(R"(^\| `([a-z_]+\.[a-z_.]+)` \| ([^|]+?) \|)");
  int rows = 0;
  for (std::string line; std::getline(odd, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    const toml::node* shipped = model.at_path(m[1].str()).node();
    if (!shipped) continue;  // a state variable or a key of another kind, not a default
    INFO(line);
    const toml::table shown = toml::parse("v = " + m[2].str());
    const toml::node& v = *shown.get("v");
    if (shipped->is_array() && v.is_array()) {
      const auto& a = *shipped->as_array();
      const auto& b = *v.as_array();
      REQUIRE(a.size() == b.size());
      for (std::size_t k = 0; k < a.size(); ++k)
        CHECK(a[k].value<double>() == b[k].value<double>());
    } else {
      CHECK(shipped->value<double>() == v.value<double>());
    }
    ++rows;
  }
  CHECK(rows > 50);
}
