// Row of the agent with `id` in a table of structs kept in ascending id order (carriers,
// research organisations, platforms), or -1.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace innosim {

template <class Row>
std::int64_t find_by_id(const std::vector<Row>& rows, std::uint32_t id) {
  const auto it = std::lower_bound(rows.begin(), rows.end(), id,
                                   [](const Row& r, std::uint32_t v) { return r.id < v; });
  return it != rows.end() && it->id == id ? it - rows.begin() : -1;
}

}  // namespace innosim
