// R&D personnel and leading talents as individual agents (BRIEF 3.2), as a structure of
// arrays in id order. The wider talent stock is an aggregate pool in World. Employers are
// firm ids, research organisations (kOrgEmployer + organisation id), or nobody.
#pragma once
#include <cstdint>
#include <vector>

#include "core/ids.h"

namespace innosim {

enum TalentType : std::uint8_t { kRdTalent = 0, kLeadingTalent = 1 };
inline constexpr std::uint64_t kNoEmployer = ~std::uint64_t{0};
inline constexpr std::uint64_t kOrgEmployer = kOrgKey;  // employer ids of organisations
// allowance_years of a talent who had the allowance: never again.
inline constexpr std::uint8_t kAllowanceDone = 0xFF;

struct TalentTable {
  std::vector<std::uint64_t> id;
  std::vector<std::uint8_t> type;
  std::vector<float> skill;  // (0, 1), ranks talents for allowances and hiring
  std::vector<std::uint64_t> employer;
  std::vector<std::uint8_t> allowance_years;  // years of talent_allowance still to be paid
  std::vector<std::uint8_t> leaving;  // 1 = retires this year, 2 = leaves the region this year

  std::size_t size() const { return id.size(); }
  std::size_t add(std::uint64_t new_id, TalentType t, float skill_value,
                  std::uint64_t employer_id) {
    id.push_back(new_id);
    type.push_back(t);
    skill.push_back(skill_value);
    employer.push_back(employer_id);
    allowance_years.push_back(0);
    leaving.push_back(0);
    return id.size() - 1;
  }
  // Removes the rows with `leaving` set, keeping the order of the rest.
  void remove_leavers();
};

// Applies f(name, column) to every column of `t` (which may be const): the one list of
// columns, for compaction and the saved state (io/state_file.cpp).
template <class Table, class F>
void for_each_column(Table& t, F f) {
  f("id", t.id);
  f("type", t.type);
  f("skill", t.skill);
  f("employer", t.employer);
  f("allowance_years", t.allowance_years);
  f("leaving", t.leaving);
}

inline void TalentTable::remove_leavers() {
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < size(); ++i)
    if (!leaving[i]) keep.push_back(i);
  for_each_column(*this, [&](const char*, auto& col) {
    for (std::size_t k = 0; k < keep.size(); ++k) col[k] = col[keep[k]];
    col.resize(keep.size());
  });
}

}  // namespace innosim
