// R&D staff matching (sim/phases/talent_market.cpp) on hand-built firms: employers get the
// persons their R&D needs and no more, and a short market rations every employer alike.
#include "phases/talent_market.h"

#include <catch2/catch.hpp>
#include <numeric>

#include "test_support_sim.h"

using namespace innosim;

namespace {

// Firms doing R&D that need exactly `persons[i]` R&D persons each, and `free` free talents.
struct Market {
  FirmTable f;
  TalentTable t;
  ResearchTable research;
  ModelConfig m = test::shipped_model();
  RunKey key{3, 0, 0};
  Clock clock{4, 2024, 0};

  Market(const std::vector<int>& persons, int free) {
    const double per_person = m.rd.cost_per_rd_worker * m.talent.rd_fte_per_person;
    for (std::size_t i = 0; i < persons.size(); ++i) {
      const std::size_t row = f.add(i + 1);
      f.revenue[row] = 1e8;
      f.intensity[row] = static_cast<float>(persons[i] * per_person / 1e8);
      f.set(row, kRdActive, true);
    }
    for (int k = 0; k < free; ++k)
      t.add(static_cast<std::uint64_t>(k + 1), kRdTalent, 0.5f, kNoEmployer);
  }
  double match() { return match_talent(t, f, research, {key, clock}, m); }
  std::uint32_t staff_total() const {
    return std::accumulate(f.rd_staff.begin(), f.rd_staff.end(), std::uint32_t{0});
  }
  std::size_t employed() const {
    std::size_t n = 0;
    for (auto e : t.employer) n += e != kNoEmployer;
    return n;
  }
};

}  // namespace

TEST_CASE("talent: a slack market gives each firm the persons it needs, no more", "[talent]") {
  Market x({2, 3, 5}, 40);
  REQUIRE(rd_staff_demand(x.f, 0, x.m) == Approx(2.0));
  x.match();
  CHECK(x.f.rd_staff[0] == 2);
  CHECK(x.f.rd_staff[1] == 3);
  CHECK(x.f.rd_staff[2] == 5);
  CHECK(x.employed() == 10);  // the other 30 stay free
  // A second year on the same plans keeps the same staff.
  x.clock = {8, 2025, 0};
  x.match();
  CHECK(x.staff_total() == 10);
  CHECK(x.employed() == 10);
}

TEST_CASE("talent: a short market rations every firm in proportion", "[talent]") {
  Market x({2, 4, 10}, 8);  // half of the 16 persons wanted
  x.match();
  CHECK(x.staff_total() == 8);
  CHECK(x.employed() == 8);
  CHECK(x.f.rd_staff[0] == 1);
  CHECK(x.f.rd_staff[1] == 2);
  CHECK(x.f.rd_staff[2] == 5);
  // Short of staff, R&D is capped at what the staff (and the slack) can do.
  const double per_person = x.m.rd.cost_per_rd_worker * x.m.talent.rd_fte_per_person;
  CHECK(x.f.intensity[2] * 1e8 == Approx((5 + x.m.talent.staff_slack) * per_person).epsilon(1e-6));
}

TEST_CASE("talent: the persons rounding leaves over go to the largest remainders", "[talent]") {
  Market x({1, 1, 1, 3}, 4);  // 4 of 6 wanted: shares 2/3, 2/3, 2/3 and 2
  x.match();
  CHECK(x.staff_total() == 4);
  CHECK(x.f.rd_staff[3] == 2);
  // The three equal remainders of 2/3: the two persons left go to the first two firms.
  CHECK(x.f.rd_staff[0] == 1);
  CHECK(x.f.rd_staff[1] == 1);
  CHECK(x.f.rd_staff[2] == 0);
}
