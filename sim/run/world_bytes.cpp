#include "run/world_bytes.h"

namespace innosim {
namespace {

template <class V>
std::size_t held(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

}  // namespace

WorldBytes world_bytes(const World& w) {
  WorldBytes b;
  for (const FirmTable* t : {&w.firms, &w.exited})
    for_each_column_pair(
        *t, *t, [&](const char*, const auto& column, const auto&) { b.firms += held(column); });
  for_each_column(w.eco.talent, [&](const char*, const auto& column) { b.talent += held(column); });
  b.network = w.eco.network.bytes();
  b.other = held(w.eco.carriers.rows) + held(w.eco.research.orgs) + held(w.eco.research.platforms) +
            held(w.eco.consortia) + held(w.handoffs.founders) + held(w.handoffs.spinoff_orgs) +
            held(w.handoffs.emigrants) + held(w.handoffs.arrivals);
  for (const auto& c : w.eco.consortia) b.other += held(c.members);
  for (const auto& claims : w.fiscal.claims) b.other += held(claims);
  return b;
}

}  // namespace innosim
