// Loads the layered configuration of BRIEF 7: configs/model.toml <- region preset <-
// its included fit files <- scenario files <- --set overrides, validates it once and returns typed
// structs.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "config/binder.h"
#include "config/model_config.h"

namespace innosim {

// The preset used when no --region is given.
inline constexpr const char* kDefaultRegion = "yinchuan";

struct LoadRequest {
  std::string data_dir;                     // holds configs/ and scenarios/
  std::string region;                       // preset name; empty = kDefaultRegion
  std::vector<std::string> scenario_files;  // layered in order
  std::vector<std::string> sets;            // key=value overrides, applied last
  bool includes = true;                     // layer the files the preset's `include` names
};

struct LoadedConfig {
  ModelConfig model;
  std::string resolved_toml;  // the merged tree, enough to rerun
  // The file each key's value came from (model.toml, the preset, a fit it includes, a
  // scenario, or "--set").
  std::map<std::string, std::string> origin_file;
};

LoadedConfig load_config(const LoadRequest& request);

// What `innosim check FILE` validates: a preset is layered over model.toml, a scenario over
// model.toml and the preset of its folder (scenarios/<region>/...), model.toml alone over
// the default preset.
LoadedConfig load_for_check(const std::string& data_dir, const std::string& file);

// Every declared key with its type, unit, range and meaning.
std::vector<ParamSpec> parameter_specs();

// --data-dir, else $INNOSIM_DATA, else the source tree the program was built from.
std::string resolve_data_dir(const std::string& cli_value);
std::string region_file(const std::string& data_dir, const std::string& region);
std::string scenario_file(const std::string& data_dir, const std::string& region,
                          const std::string& name);
std::vector<std::string> list_regions(const std::string& data_dir);
// Scenario files, relative to data_dir, sorted (not the sweep designs of scenarios/*/sweeps/).
std::vector<std::string> list_scenarios(const std::string& data_dir);

}  // namespace innosim
