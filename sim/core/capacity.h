// How the large agent lists grow when full: by an eighth, not the vectors' doubling, so that a
// national table of tens of millions of rows does not jump to twice its size in memory the
// year entries pass its reserve.
#pragma once
#include <cstddef>

namespace innosim {

inline constexpr std::size_t grown_capacity(std::size_t size) { return size + size / 8 + 64; }

}  // namespace innosim
