#include "config/config_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/errors.h"
#include "core/version.h"

namespace fs = std::filesystem;

namespace innosim {
namespace {

struct Schema {
  std::set<std::string> known;
  std::set<std::string> open_tables;
};

// fs::exists without its exceptions: a symlink loop or an unreadable folder is a
// configuration error naming the file, not an uncaught filesystem_error.
bool exists(const std::string& path) {
  std::error_code ec;
  const bool found = fs::exists(path, ec);
  if (ec) throw ConfigError(path, 0, "", "cannot read: " + ec.message());
  return found;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return exists(a.string()) && exists(b.string()) && fs::equivalent(a, b, ec);
}

Schema schema() {
  Binder b;
  ModelConfig dummy;
  describe(b, dummy);
  return {b.known_keys(), b.open_tables()};
}

void layer(ConfigTree& tree, const Schema& s, const std::string& path) {
  if (!exists(path)) throw ConfigError(path, 0, "", "no such file");
  tree.merge(ConfigTree::parse_file(path), path, s.known, s.open_tables);
}

// A scenario may extend another (`extends = "plan"`: plan.toml in the scenario's folder, or a
// path ending in .toml relative to it), layered first; the chain is followed to its root.
void layer_scenario(ConfigTree& tree, const Schema& s, const std::string& path,
                    std::vector<std::string>& chain) {
  if (!exists(path)) {
    if (chain.empty()) throw ConfigError(path, 0, "", "no such file");
    throw ConfigError(chain.back(), 0, "extends", "no such scenario: " + path);
  }
  const std::string me = fs::weakly_canonical(path).string();
  for (const auto& c : chain)
    if (fs::weakly_canonical(c).string() == me) {
      std::string names;
      for (const auto& x : chain) names += fs::path(x).filename().string() + " -> ";
      throw ConfigError(
          chain.front(), 0, "extends",
          "scenarios extend each other in a cycle: " + names + fs::path(path).filename().string());
    }
  constexpr std::size_t kMaxDepth = 16;
  if (chain.size() >= kMaxDepth)
    throw ConfigError(path, 0, "extends",
                      "expected at most " + std::to_string(kMaxDepth) + " scenarios in a chain");
  toml::table scenario = ConfigTree::parse_file(path);
  chain.push_back(path);
  if (const toml::node* n = scenario.get("extends")) {
    const auto name = n->value_exact<std::string>();
    if (!name || name->empty() || name->find('\0') != std::string::npos)
      throw ConfigError(path, static_cast<int>(n->source().begin.line), "extends",
                        "expected the name of a scenario in this folder (\"plan\") or a path to "
                        "a .toml file relative to it");
    const fs::path dir = fs::path(path).parent_path();
    const fs::path base = name->size() > 5 && name->substr(name->size() - 5) == ".toml"
                              ? dir / *name
                              : dir / (*name + ".toml");
    layer_scenario(tree, s, base.lexically_normal().string(), chain);
    scenario.erase("extends");
  }
  tree.merge(scenario, path, s.known, s.open_tables);
}

// A preset may name files to layer right after it, relative to itself: the fits that
// `innosim calibrate` writes (configs/calibration/). Scenarios and --set still override them.
void layer_preset(ConfigTree& tree, const Schema& s, const std::string& path, bool with_includes) {
  if (!exists(path)) throw ConfigError(path, 0, "", "no such file");
  toml::table preset = ConfigTree::parse_file(path);
  std::vector<std::pair<std::string, int>> includes;
  if (const toml::node* n = preset.get("include")) {
    const int line = static_cast<int>(n->source().begin.line);
    const toml::array* files = n->as_array();
    if (!files)
      throw ConfigError(path, line, "include",
                        "expected a list of file paths, relative to the preset");
    for (const auto& f : *files) {
      const auto name = f.value_exact<std::string>();
      if (!name)
        throw ConfigError(path, line, "include",
                          "expected a list of file paths, relative to the preset");
      includes.emplace_back(*name, line);
    }
    preset.erase("include");
  }
  tree.merge(preset, path, s.known, s.open_tables);
  if (!with_includes) return;
  for (const auto& [name, line] : includes) {
    const std::string file = (fs::path(path).parent_path() / name).lexically_normal().string();
    if (!exists(file))
      throw ConfigError(
          path, line, "include",
          "no such file: " + file + " (a fit file is written by `innosim calibrate`)");
    const toml::table included = ConfigTree::parse_file(file);
    if (included.contains("include"))
      throw ConfigError(file, 0, "include", "an included file cannot include others");
    tree.merge(included, file, s.known, s.open_tables);
  }
}

// A link names the hub or another preset of this data folder, each at most once: a typo
// would otherwise silently drop the link's migration.
void check_links(const ConfigTree& tree, const std::string& data_dir, const ModelConfig& m) {
  const std::vector<std::string> regions = list_regions(data_dir);
  std::set<std::string> seen;
  for (const RegionLink& l : m.region.ecosystem.links) {
    const Origin o = tree.origin("region.links");
    if (l.to == m.region.name)
      throw ConfigError(o.file, o.line, "region.links", "a region cannot link to itself");
    if (l.to != kEastHub && std::find(regions.begin(), regions.end(), l.to) == regions.end())
      throw ConfigError(o.file, o.line, "region.links",
                        "link to '" + l.to + "': expected \"" + kEastHub +
                            "\" or a preset of configs/regions/ (innosim list regions)");
    if (!seen.insert(l.to).second)
      throw ConfigError(o.file, o.line, "region.links", "two links to '" + l.to + "'");
  }
}

LoadedConfig bind(const ConfigTree& tree, const std::string& data_dir) {
  LoadedConfig out;
  Binder b(tree);
  describe(b, out.model);
  check_links(tree, data_dir, out.model);
  out.resolved_toml = tree.to_toml();
  for (const auto& p : b.specs()) out.origin_file[p.key] = tree.origin(p.key).file;
  return out;
}

}  // namespace

std::string resolve_data_dir(const std::string& cli_value) {
  if (!cli_value.empty()) return cli_value;
  if (const char* env = std::getenv("INNOSIM_DATA"); env && *env) return env;
  return kDefaultDataDir;
}

std::string region_file(const std::string& data_dir, const std::string& region) {
  return (fs::path(data_dir) / "configs" / "regions" / (region + ".toml")).string();
}

std::string scenario_file(const std::string& data_dir, const std::string& region,
                          const std::string& name) {
  return (fs::path(data_dir) / "scenarios" / region / (name + ".toml")).string();
}

LoadedConfig load_config(const LoadRequest& request) {
  const Schema s = schema();
  const std::string region = request.region.empty() ? kDefaultRegion : request.region;
  const std::string preset = region_file(request.data_dir, region);
  if (!exists(preset)) {
    std::string known;
    for (const auto& r : list_regions(request.data_dir)) known += (known.empty() ? "" : ", ") + r;
    throw ConfigError(preset, 0, "region",
                      "no preset named '" + region + "' (known: " + known + ")");
  }
  ConfigTree tree;
  layer(tree, s, (fs::path(request.data_dir) / "configs" / "model.toml").string());
  layer_preset(tree, s, preset, request.includes);
  for (const auto& f : request.scenario_files) {
    std::vector<std::string> chain;
    layer_scenario(tree, s, f, chain);
  }
  for (const auto& a : request.sets) tree.set(a, s.known, s.open_tables);
  return bind(tree, request.data_dir);
}

LoadedConfig load_for_check(const std::string& data_dir, const std::string& file) {
  const fs::path p = fs::absolute(file);
  const fs::path model = fs::absolute(fs::path(data_dir) / "configs" / "model.toml");
  LoadRequest request{data_dir, kDefaultRegion, {}, {}};
  if (same_file(p, model)) return load_config(request);
  if (p.parent_path().filename() == "regions") {
    request.region = p.stem().string();
    const Schema s = schema();
    ConfigTree tree;
    layer(tree, s, model.string());
    layer_preset(tree, s, file, true);
    return bind(tree, data_dir);
  }
  const std::string folder = p.parent_path().filename().string();
  if (exists(region_file(data_dir, folder))) request.region = folder;
  request.scenario_files.push_back(file);
  return load_config(request);
}

std::vector<ParamSpec> parameter_specs() {
  Binder b;
  ModelConfig dummy;
  describe(b, dummy);
  return b.specs();
}

std::vector<std::string> list_regions(const std::string& data_dir) {
  std::vector<std::string> out;
  const fs::path dir = fs::path(data_dir) / "configs" / "regions";
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".toml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> list_scenarios(const std::string& data_dir) {
  std::vector<std::string> out;
  const fs::path dir = fs::path(data_dir) / "scenarios";
  if (fs::is_directory(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir))
      // scenarios/<region>/<name>.toml; sweep designs (scenarios/<region>/sweeps/) are not.
      if (e.path().extension() == ".toml" && e.path().parent_path().filename() != "sweeps")
        out.push_back(fs::relative(e.path(), data_dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace innosim
