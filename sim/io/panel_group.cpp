#include "io/panel_group.h"

namespace innosim {

void write_panel_group(h5::Group g, const PanelTable& t) {
  for (std::size_t c = 0; c < t.ints.size(); ++c) g.create_array(t.int_names[c], t.ints[c]);
  for (std::size_t c = 0; c < t.reals.size(); ++c) g.create_array(t.real_names[c], t.reals[c]);
}

bool read_panel_group(const h5::Group& g, PanelTable& t) {
  for (std::size_t c = 0; c < t.ints.size(); ++c)
    t.ints[c] = g.open_dataset(t.int_names[c]).read_array<std::int64_t>();
  for (std::size_t c = 0; c < t.reals.size(); ++c)
    t.reals[c] = g.open_dataset(t.real_names[c]).read_array<double>();
  for (const auto& column : t.ints)
    if (column.size() != t.rows()) return false;
  for (const auto& column : t.reals)
    if (column.size() != t.rows()) return false;
  return true;
}

}  // namespace innosim
