#include "agents/firm_table.h"

#include <catch2/catch.hpp>

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
