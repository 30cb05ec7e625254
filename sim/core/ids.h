// Agent keys shared by the tables, the network and the claims: firm ids as they are; research
// organisations and platforms in their own ranges above them.
#pragma once
#include <cstdint>

namespace innosim {

inline constexpr std::uint64_t kOrgKey = std::uint64_t{1} << 62;
inline constexpr std::uint64_t kPlatformKey = std::uint64_t{1} << 63;

}  // namespace innosim
