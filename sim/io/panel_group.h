// A firm panel kept in a working file (a run's partial file, a state file): one 1-D dataset
// per column, by the column's name, in its own type.
#pragma once
#include "io/h5.h"
#include "observe/firm_panel.h"

namespace innosim {

void write_panel_group(h5::Group g, const PanelTable& t);
// Fills `t`'s columns from `g`; false if they differ in length (the caller names the file).
// IoError for a missing column or one of another type.
bool read_panel_group(const h5::Group& g, PanelTable& t);

}  // namespace innosim
