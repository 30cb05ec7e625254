#include "agents/firm_table.h"

#include <algorithm>

namespace innosim {
namespace {

// Applies `f` to every column, so adding a column cannot miss a structural operation.
template <class T, class F>
void for_each_column(T& t, F f) {
  f(t.id); f(t.flags); f(t.sector); f(t.birth_step); f(t.hnte_expiry); f(t.specialized_expiry);
  f(t.revenue); f(t.productivity); f(t.high_tech_revenue_share); f(t.latent_intensity);
  f(t.intensity); f(t.relabel); f(t.grant_rd); f(t.cash); f(t.knowledge); f(t.profit_last);
  f(t.revenue_year); f(t.rd_year); f(t.rd_real_year); f(t.support_year); f(t.applications_year);
  f(t.patents);
  for (auto& h : t.rd_hist) f(h);
  for (auto& h : t.revenue_hist) f(h);
}

}  // namespace

std::size_t FirmTable::add(std::uint64_t new_id) {
  for_each_column(*this, [](auto& col) { col.emplace_back(); });
  id.back() = new_id;
  return id.size() - 1;
}

void FirmTable::remove_dead() {
  std::vector<std::size_t> keep;
  keep.reserve(size());
  for (std::size_t i = 0; i < size(); ++i)
    if (!has(i, kDead)) keep.push_back(i);
  if (keep.size() == size()) return;
  for_each_column(*this, [&](auto& col) {
    for (std::size_t k = 0; k < keep.size(); ++k) col[k] = col[keep[k]];
    col.resize(keep.size());
  });
}

std::int64_t FirmTable::find(std::uint64_t firm_id) const {
  const auto it = std::lower_bound(id.begin(), id.end(), firm_id);
  return (it != id.end() && *it == firm_id) ? it - id.begin() : -1;
}

void FirmTable::reserve(std::size_t n) {
  for_each_column(*this, [n](auto& col) { col.reserve(n); });
}

}  // namespace innosim
