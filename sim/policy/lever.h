// The lever identities generated from the registry (policy/lever_registry.h): the `Lever`
// enum, names, families and booking, and the settings every lever shares.
#pragma once
#include <array>
#include <string_view>

#include "config/lever_config.h"
#include "policy/lever_registry.h"

namespace innosim {

enum Lever : int {
#define INNOSIM_LEVER_ID(Id, ...) kLever##Id,
  INNOSIM_LEVERS(INNOSIM_LEVER_ID)
#undef INNOSIM_LEVER_ID
      kLeverCount
};

// How a lever's outlay reaches the fiscal ledger (see the registry).
enum class Booking { kClaims, kInPlace };

struct LeverInfo {
  std::string_view name;    // the config key under levers.
  std::string_view family;  // the file of its mechanics: policy/levers/<family>.cpp
  Booking booking;
};

inline constexpr std::array<LeverInfo, kLeverCount> kLeverInfo = {{
#define INNOSIM_LEVER_INFO(Id, key, Settings, family, booking, doc) \
  {#key, #family, Booking::booking},
    INNOSIM_LEVERS(INNOSIM_LEVER_INFO)
#undef INNOSIM_LEVER_INFO
}};

inline constexpr std::array<const char*, kLeverCount> kLeverNames = {
#define INNOSIM_LEVER_NAME(Id, key, ...) #key,
    INNOSIM_LEVERS(INNOSIM_LEVER_NAME)
#undef INNOSIM_LEVER_NAME
};

// The settings every lever shares, by lever id.
inline const LeverCommon& lever_settings(const Levers& l, Lever lever) {
  const std::array<const LeverCommon*, kLeverCount> all = {
#define INNOSIM_LEVER_COMMON(Id, key, ...) &l.key.common,
      INNOSIM_LEVERS(INNOSIM_LEVER_COMMON)
#undef INNOSIM_LEVER_COMMON
  };
  return *all[lever];
}

}  // namespace innosim
