// Incubation carriers (maker spaces, incubators, accelerators). A region has hundreds at
// most, so a plain vector of structs in id order; tenants are firms whose `carrier` column
// holds the carrier's id.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/find_by_id.h"
#include "config/ecosystem_config.h"

namespace innosim {

struct Carrier {
  std::uint32_t id = 0;  // 1, 2, ...; 0 means "no carrier" in the firm table
  CarrierKind kind = kIncubator;
  CarrierLevel level = kMunicipal;
  double capacity = 0;  // tenants
  double quality = 0;   // (0, 1]: acceptance probability and benefit scale
  int tenants = 0;
  int opened_year = 0;
  int rejected = 0;     // applicants turned away this year for want of space
  double received = 0;  // lever money received this year, CNY
  bool closed = false;  // closes at year end once its tenants have left
  bool flying = false;  // a flying incubator (飞地孵化器) in the east hub: no local tenants
};

struct CarrierTable {
  std::vector<Carrier> rows;
  std::uint32_t next_id = 1;

  Carrier& add(CarrierKind kind, CarrierLevel level, double capacity, double quality, int year) {
    rows.push_back({next_id++, kind, level, capacity, quality, 0, year, 0, 0.0, false, false});
    return rows.back();
  }
  // The carrier with this id, or nullptr (rows stay sorted by id).
  Carrier* find(std::uint32_t id);
  const Carrier* find(std::uint32_t id) const { return const_cast<CarrierTable*>(this)->find(id); }
};

inline Carrier* CarrierTable::find(std::uint32_t id) {
  const std::int64_t k = find_by_id(rows, id);
  return k < 0 ? nullptr : &rows[static_cast<std::size_t>(k)];
}

}  // namespace innosim
