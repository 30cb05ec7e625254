#include "agents/firm_table.h"

#include <catch2/catch.hpp>

#include "core/errors.h"

using namespace innosim;

TEST_CASE("rows_by_id gives the row find gives, and -1 for the ids that left", "[agents]") {
  FirmTable f;
  f.add_rows(0, 10);
  for (std::size_t i : {2, 3, 7}) f.set(i, kDead, true);
  FirmTable exited;
  f.move_dead_to(exited);
  const auto rows = f.rows_by_id();
  REQUIRE(rows.size() == 10);  // ids 0 .. the last one left (9)
  for (std::uint64_t id = 0; id < rows.size(); ++id) {
    INFO("id " << id);
    CHECK(rows[id] == f.find(id));
  }
  CHECK(rows[2] == -1);
  CHECK(rows[8] == 5);
  CHECK(FirmTable{}.rows_by_id().empty());
}

TEST_CASE("drop_dead keeps the rows move_dead_to keeps, in order, and stores no exit", "[agents]") {
  FirmTable moved, dropped;
  for (FirmTable* t : {&moved, &dropped}) {
    t->add_rows(0, 12);
    for (std::size_t i = 0; i < t->size(); ++i) t->revenue[i] = 1e6 * static_cast<double>(i);
    for (std::size_t i : {0, 4, 5, 11}) t->set(i, kDead, true);
  }
  FirmTable exited;
  moved.move_dead_to(exited);
  dropped.drop_dead();
  CHECK(exited.id == std::vector<std::uint32_t>{0, 4, 5, 11});
  CHECK(dropped.id == moved.id);
  CHECK(dropped.id == std::vector<std::uint32_t>{1, 2, 3, 6, 7, 8, 9, 10});
  CHECK(dropped.revenue == moved.revenue);
  CHECK(dropped.revenue[3] == 6e6);
}

TEST_CASE("a firm id beyond 2^32 is refused, not cut", "[agents]") {
  FirmTable f;
  f.add(kFirmIdLimit - 1);
  CHECK(f.id.back() == kFirmIdLimit - 1);
  CHECK_THROWS_AS(f.add(kFirmIdLimit), ModelError);
  CHECK_THROWS_AS(f.add_rows(kFirmIdLimit - 2, 3), ModelError);
  CHECK(f.size() == 1);
}
