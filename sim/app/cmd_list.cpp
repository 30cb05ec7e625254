// `innosim list regions|scenarios|levers|indicators|parameters`.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "config/config_loader.h"
#include "observe/indicator_catalog.h"
#include "policy/fiscal_ledger.h"

namespace innosim {
namespace {

std::string range_of(const ParamSpec& p) {
  if (std::isinf(p.min) && std::isinf(p.max)) return "";
  return fmt::format("[{}, {}]", p.min, p.max);
}

// A value as a user would write it: numbers in their shortest round-trip form (0.15, not
// toml++'s 0.14999999999999999), strings quoted, arrays element by element.
std::string show(const toml::node& n) {
  if (const auto d = n.value_exact<double>()) return fmt::format("{}", *d);
  if (const auto i = n.value_exact<int64_t>()) return fmt::format("{}", *i);
  if (const auto b = n.value_exact<bool>()) return *b ? "true" : "false";
  if (const auto s = n.value_exact<std::string>()) return "'" + *s + "'";
  if (const auto* a = n.as_array()) {
    std::string out;
    for (const auto& e : *a) out += (out.empty() ? "" : ", ") + show(e);
    return "[" + out + "]";
  }
  return "(table)";
}

// The value a key resolves to for the default preset.
std::string default_of(const toml::table& resolved, const std::string& key) {
  const toml::node* n = resolved.at_path(key).node();
  if (!n) return "-";
  if (n->is_table() || n->is_array_of_tables()) return "(table)";
  return show(*n);
}

// Each key with the value it really has for `region` (the default preset if empty) and, when
// that value is not configs/model.toml's, the file it comes from and model.toml's value.
void print_specs(const std::string& prefix, const std::string& data_dir,
                 const std::string& region) {
  const LoadedConfig loaded = load_config({data_dir, region, {}, {}});
  const toml::table resolved = toml::parse(loaded.resolved_toml);
  const toml::table model = toml::parse_file(data_dir + "/configs/model.toml");
  std::cout << fmt::format("{:<44} {:<14} {:<18} {:<16} {:<14} {}\n", "key", "value", "type",
                           "unit", "range", "meaning");
  for (const auto& p : parameter_specs()) {
    if (p.key.rfind(prefix, 0) != 0) continue;
    std::string from;
    const auto o = loaded.origin_file.find(p.key);
    if (o != loaded.origin_file.end() && !o->second.empty() && p.key.rfind("region.", 0) != 0 &&
        std::filesystem::path(o->second).filename() != "model.toml")
      from = fmt::format(
          " [{} {}; model.toml: {}]",
          o->second.find("/calibration/") != std::string::npos ? "fitted in" : "set by",
          std::filesystem::relative(o->second, data_dir).string(), default_of(model, p.key));
    std::cout << fmt::format("{:<44} {:<14} {:<18} {:<16} {:<14} {}{}\n", p.key,
                             default_of(resolved, p.key), p.type, p.unit, range_of(p),
                             p.description, from);
  }
}

// Each lever with the seed source of its defaults, then its parameters.
void print_levers(const std::string& data_dir) {
  const toml::table resolved = toml::parse(load_config({data_dir, "", {}, {}}).resolved_toml);
  for (const char* lever : kLeverNames) {
    const std::string prefix = std::string("levers.") + lever + ".";
    std::cout << lever
              << "\n  source: " << resolved.at_path(prefix + "source").value_or<std::string>("-")
              << "\n";
    for (const auto& p : parameter_specs()) {
      if (p.key.rfind(prefix, 0) != 0 || p.key == prefix + "source") continue;
      std::cout << fmt::format("  {:<34} {:<22} {:<14} {}\n", p.key.substr(prefix.size()),
                               default_of(resolved, p.key), p.unit, p.description);
    }
    std::cout << "\n";
  }
  std::cout
      << "tax (corporate rate, hnte rate, super-deduction schedule; its cost is tax_expenditure)\n";
  for (const auto& p : parameter_specs())
    if (p.key.rfind("tax.", 0) == 0)
      std::cout << fmt::format("  {:<34} {:<22} {:<14} {}\n", p.key.substr(4),
                               default_of(resolved, p.key), p.unit, p.description);
}

int list(const std::string& what, const std::string& data_dir, const std::string& region) {
  if (what == "regions") {
    for (const auto& r : list_regions(data_dir)) {
      const auto c = load_config({data_dir, r, {}, {}});
      std::cout << fmt::format("{:<12} {} (base year {}, {} targets)\n", r, c.model.region.label,
                               c.model.region.base_year, c.model.region.targets.size());
    }
  } else if (what == "scenarios") {
    for (const auto& s : list_scenarios(data_dir)) std::cout << s << "\n";
  } else if (what == "indicators") {
    for (const auto& i : kIndicators)
      std::cout << fmt::format("{:<24} {:<8} {}\n", i.name, i.unit, i.description);
  } else if (what == "levers") {
    print_levers(data_dir);
  } else {
    print_specs("", data_dir, region);
  }
  return 0;
}

}  // namespace

void add_list_command(CLI::App& app, CommonOptions& common, Action& action) {
  auto what = std::make_shared<std::string>();
  auto region = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("list", "list regions, scenarios, levers, indicators or parameters");
  cmd->add_option("what", *what, "regions|scenarios|levers|indicators|parameters")
      ->required()
      ->check(CLI::IsMember({"regions", "scenarios", "levers", "indicators", "parameters"}));
  cmd->add_option("--region", *region,
                  "parameters: the values this preset runs with (default: the default preset)");
  cmd->callback([what, region, &common, &action] {
    action = [what, region, &common] {
      return list(*what, resolve_data_dir(common.data_dir), *region);
    };
  });
}

}  // namespace innosim
