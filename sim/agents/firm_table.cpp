#include "agents/firm_table.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <string>

#include "core/capacity.h"
#include "core/errors.h"

namespace innosim {
namespace {

constexpr std::size_t kRowsPerTask = 4096;  // rows a task takes (scheduling grain only)

void check_ids_below_limit(std::uint64_t last_id) {
  if (last_id >= kFirmIdLimit)
    throw ModelError("firm id " + std::to_string(last_id) +
                     " is beyond what the firm table stores (2^32): more firms than the model "
                     "is built for");
}

template <class F>
void for_each_column(FirmTable& t, F f) {
  for_each_column_pair(t, t, [&](const char*, auto& col, auto&) { f(col); });
}

}  // namespace

std::size_t FirmTable::add(std::uint64_t new_id) {
  check_ids_below_limit(new_id);
  if (id.size() == id.capacity()) reserve(grown_capacity(id.size()));
  for_each_column(*this, [](auto& col) { col.emplace_back(); });
  id.back() = static_cast<std::uint32_t>(new_id);
  stream_key.back() = new_id;
  return id.size() - 1;
}

void FirmTable::add_rows(std::uint64_t first_id, std::size_t n) {
  if (n > 0) check_ids_below_limit(first_id + n - 1);
  const std::size_t start = size();
  // At least as add() grows: entries come every step.
  if (start + n > id.capacity()) reserve(std::max(start + n, grown_capacity(start)));
  for_each_column(*this, [&](auto& col) { col.resize(start + n); });
  for (std::size_t k = 0; k < n; ++k) {
    id[start + k] = static_cast<std::uint32_t>(first_id + k);
    stream_key[start + k] = first_id + k;
  }
}

namespace {

// Compacts the live rows of `t` in order; with `exited`, the dead rows are appended to it.
void compact(FirmTable& t, FirmTable* exited) {
  std::vector<std::uint8_t> dead(t.size());
  std::size_t n_dead = 0;
  for (std::size_t i = 0; i < t.size(); ++i) n_dead += dead[i] = t.has(i, kDead) ? 1 : 0;
  if (n_dead == 0) return;
  // Each column compacts on its own: the columns are independent, so they run in parallel
  // with the same result whatever the schedule.
  tbb::task_group columns;
  for_each_column_pair(t, exited ? *exited : t, [&](const char*, auto& from, auto& to) {
    columns.run([&from, &to, &dead, n_dead, keep = exited != nullptr] {
      if (keep) to.reserve(to.size() + n_dead);
      std::size_t k = 0;
      for (std::size_t i = 0; i < from.size(); ++i)
        if (!dead[i])
          from[k++] = from[i];
        else if (keep)
          to.push_back(from[i]);
      from.resize(k);
    });
  });
  columns.wait();
}

}  // namespace

void FirmTable::move_dead_to(FirmTable& exited) { compact(*this, &exited); }

void FirmTable::drop_dead() { compact(*this, nullptr); }

void FirmTable::clear() {
  for_each_column(*this, [](auto& col) { col.clear(); });
}

std::int64_t FirmTable::find(std::uint64_t firm_id) const {
  const auto it = std::lower_bound(id.begin(), id.end(), firm_id);
  return (it != id.end() && *it == firm_id) ? it - id.begin() : -1;
}

Scratch<std::int32_t> FirmTable::rows_by_id() const {
  Scratch<std::int32_t> row =
      filled_scratch<std::int32_t>(size() ? std::size_t{id.back()} + 1 : 0, -1);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, size(), kRowsPerTask),
                    [&](const tbb::blocked_range<std::size_t>& rows) {
                      for (std::size_t i = rows.begin(); i != rows.end(); ++i)
                        row[id[i]] = static_cast<std::int32_t>(i);
                    });
  return row;
}

void FirmTable::reserve(std::size_t n) {
  for_each_column(*this, [n](auto& col) { col.reserve(n); });
}

void FirmTable::open_year() {
  // Row by row, each row on its own: in parallel, the same result whatever the schedule.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, size(), kRowsPerTask),
                    [&](const tbb::blocked_range<std::size_t>& rows) {
                      for (std::size_t i = rows.begin(); i != rows.end(); ++i) {
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
                    });
}

}  // namespace innosim
