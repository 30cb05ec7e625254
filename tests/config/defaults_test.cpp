// Every model parameter has one default, in configs/model.toml: the config structs carry no
// competing values, every declared key has its default there, and the model step reads no
// behavioural number the schema does not know.
#include <toml++/toml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "config/config_loader.h"
#include "test_support.h"

using namespace innosim;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::istringstream in(test::read_text(path));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Code without comments and string literals, one entry per line.
std::string code_of(std::string line) {
  line = std::regex_replace(line, std::regex(R"("(?:[^"\\]|\\.)*")"), "\"\"");
  if (const auto c = line.find("//"); c != std::string::npos) line.erase(c);
  return line;
}

// The sources of the model step: phases, lever rules and the base-year synthesis.
std::vector<std::string> model_sources() {
  std::vector<std::string> files;
  for (const char* dir : {"sim/phases", "sim/policy/levers", "sim/init"})
    for (const auto& e : fs::directory_iterator(test::data_dir() + "/" + dir))
      if (e.path().extension() == ".cpp" || e.path().extension() == ".h")
        files.push_back(e.path().string());
  files.push_back(test::data_dir() + "/sim/step.cpp");
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("config structs carry no default values of their own", "[config][defaults]") {
  // A member initialiser other than {} would be a second default beside configs/model.toml.
  const std::regex member(R"(^  [A-Za-z][\w:<>, ]*\s+\w+\s*(=[^=].*|\{[^}\s][^}]*\})\s*;)");
  for (const char* header :
       {"model_config.h", "ecosystem_config.h", "lever_config.h", "calibration_config.h"}) {
    const auto lines = lines_of(test::data_dir() + "/sim/config/" + header);
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const std::string code = code_of(lines[n]);
      if (code.find("constexpr") != std::string::npos || code.find("return") != std::string::npos)
        continue;
      INFO(header << ":" << n + 1 << ": " << lines[n]);
      CHECK_FALSE(std::regex_search(code, member));
    }
  }
}

TEST_CASE("configs/model.toml holds the default of every model parameter", "[config][defaults]") {
  const toml::table model = toml::parse_file(test::data_dir() + "/configs/model.toml");
  std::set<std::string> declared;
  for (const auto& p : parameter_specs()) {
    declared.insert(p.key);
    // Region numbers come from the presets; arrays of tables are entries, not defaults.
    if (p.key.rfind("region.", 0) == 0 || p.type == "array of tables") continue;
    INFO(p.key);
    CHECK(model.at_path(p.key).node() != nullptr);
  }
  // ...and nothing else: each of its leaves is a declared key.
  std::function<void(const toml::table&, const std::string&)> walk = [&](const toml::table& t,
                                                                         const std::string& at) {
    for (const auto& [k, v] : t) {
      const std::string key = at.empty() ? std::string(k.str()) : at + "." + std::string(k.str());
      if (const auto* sub = v.as_table(); sub && !declared.count(key)) {
        walk(*sub, key);
        continue;
      }
      INFO(key);
      CHECK(declared.count(key) == 1);
    }
  };
  walk(model, "");
}

TEST_CASE("the model step reads no number the schema does not know", "[config][defaults]") {
  // Allowed: 0 and 1, 2 (halves and squares), unit conversions (per 100, 10k, million, 100M),
  // array indices, and named constants (a constexpr declaration says what the number is).
  // Every behavioural number is a parameter of configs/model.toml instead.
  const std::set<double> units = {0, 1, 2, 100, 1e4, 1e6, 1e8};
  const std::regex literal(
      R"((^|[^\w.])(\d+\.\d*(?:e[+-]?\d+)?|\d*\.\d+(?:e[+-]?\d+)?|\d+e[+-]?\d+|\d+)(?![\w.]))");
  std::size_t scanned = 0;
  for (const auto& file : model_sources()) {
    const auto lines = lines_of(file);
    bool in_constexpr = false;
    for (std::size_t n = 0; n < lines.size(); ++n) {
      std::string code = code_of(lines[n]);
      if (code.find("#include") != std::string::npos) continue;
      if (code.find("constexpr") != std::string::npos) in_constexpr = true;
      const bool named = in_constexpr;
      if (in_constexpr && code.find(';') != std::string::npos) in_constexpr = false;
      if (named) continue;
      code = std::regex_replace(code, std::regex(R"(\[\s*\d+\s*\])"), "[]");  // indices
      for (auto it = std::sregex_iterator(code.begin(), code.end(), literal);
           it != std::sregex_iterator(); ++it) {
        const double value = std::stod((*it)[2].str());
        ++scanned;
        INFO(fs::path(file).lexically_relative(test::data_dir()).string()
             << ":" << n + 1 << ": " << lines[n]);
        CHECK(units.count(value) == 1);
      }
    }
  }
  CHECK(scanned > 20);  // the scan saw the sources' numbers
}
