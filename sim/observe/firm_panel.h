// The firm-level panel (`innosim run --panel`): one row per firm and year, for the chosen
// replicates, so that bunching, additionality or survival studies can be redone on
// simulated firms. Columns are documented in docs/OUTPUT.md.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "config/model_config.h"
#include "world.h"

namespace innosim {

struct PanelTable {
  // Integer columns (firm identity, counts and 0/1 status flags) and float columns, by name,
  // in output order.
  std::vector<std::string> int_names;
  std::vector<std::vector<std::int64_t>> ints;
  std::vector<std::string> real_names;
  std::vector<std::vector<double>> reals;

  PanelTable();
  std::size_t rows() const { return ints.empty() ? 0 : ints.front().size(); }
  // Appends one row per firm of `w` at year end: live firms, then those that exited during
  // the year (flagged `exited`, with their flows up to exit).
  void record(const World& w, const ModelConfig& m, std::uint64_t replicate);
  void append(const PanelTable& other);

 private:
  void record_table(const World& w, const FirmTable& f, const ModelConfig& m,
                    std::uint64_t replicate);
};

}  // namespace innosim
