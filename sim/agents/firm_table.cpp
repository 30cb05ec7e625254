#include "agents/firm_table.h"

#include <algorithm>

namespace innosim {
namespace {

// Applies `f` to the same column of two tables, for every column: the one list of columns,
// so adding a column cannot miss a structural operation.
template <class F>
void for_each_column_pair(FirmTable& a, FirmTable& b, F f) {
  f(a.id, b.id);
  f(a.stream_key, b.stream_key);
  f(a.flags, b.flags);
  f(a.sector, b.sector);
  f(a.birth_step, b.birth_step);
  f(a.hnte_expiry, b.hnte_expiry);
  f(a.specialized_expiry, b.specialized_expiry);
  f(a.revenue, b.revenue);
  f(a.productivity, b.productivity);
  f(a.high_tech_revenue_share, b.high_tech_revenue_share);
  f(a.latent_intensity, b.latent_intensity);
  f(a.intensity, b.intensity);
  f(a.relabel, b.relabel);
  f(a.grant_rd, b.grant_rd);
  f(a.cash, b.cash);
  f(a.knowledge, b.knowledge);
  f(a.profit_last, b.profit_last);
  f(a.margin, b.margin);
  f(a.loss_carried, b.loss_carried);
  f(a.subsidy_year, b.subsidy_year);
  f(a.revenue_year, b.revenue_year);
  f(a.rd_year, b.rd_year);
  f(a.rd_real_year, b.rd_real_year);
  f(a.support_year, b.support_year);
  f(a.applications_year, b.applications_year);
  f(a.patents, b.patents);
  f(a.carrier, b.carrier);
  f(a.tenancy_end, b.tenancy_end);
  f(a.loan, b.loan);
  f(a.rd_staff, b.rd_staff);
  f(a.leading, b.leading);
  for (int h = 0; h < kHistoryYears; ++h)
    f(a.rd_hist[h], b.rd_hist[h]), f(a.revenue_hist[h], b.revenue_hist[h]);
}

template <class F>
void for_each_column(FirmTable& t, F f) {
  for_each_column_pair(t, t, [&](auto& col, auto&) { f(col); });
}

}  // namespace

std::size_t FirmTable::add(std::uint64_t new_id) {
  for_each_column(*this, [](auto& col) { col.emplace_back(); });
  id.back() = stream_key.back() = new_id;
  return id.size() - 1;
}

void FirmTable::move_dead_to(FirmTable& exited) {
  std::vector<std::size_t> keep, dead;
  keep.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) (has(i, kDead) ? dead : keep).push_back(i);
  if (dead.empty()) return;
  for_each_column_pair(*this, exited, [&](auto& from, auto& to) {
    for (std::size_t i : dead) to.push_back(from[i]);
    for (std::size_t k = 0; k < keep.size(); ++k) from[k] = from[keep[k]];
    from.resize(keep.size());
  });
}

void FirmTable::clear() {
  for_each_column(*this, [](auto& col) { col.clear(); });
}

std::int64_t FirmTable::find(std::uint64_t firm_id) const {
  const auto it = std::lower_bound(id.begin(), id.end(), firm_id);
  return (it != id.end() && *it == firm_id) ? it - id.begin() : -1;
}

void FirmTable::reserve(std::size_t n) {
  for_each_column(*this, [n](auto& col) { col.reserve(n); });
}

void FirmTable::open_year() {
  for (std::size_t i = 0; i < size(); ++i) {
    for (int h = kHistoryYears - 1; h > 0; --h) {
      rd_hist[h][i] = rd_hist[h - 1][i];
      revenue_hist[h][i] = revenue_hist[h - 1][i];
    }
    rd_hist[0][i] = static_cast<float>(rd_year[i]);
    revenue_hist[0][i] = static_cast<float>(revenue_year[i]);
    rd_year[i] = rd_real_year[i] = revenue_year[i] = 0;
    support_year[i] = subsidy_year[i] = 0;
    applications_year[i] = 0;
    set(i, kInnovated, false);
  }
}

}  // namespace innosim
