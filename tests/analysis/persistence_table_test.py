#!/usr/bin/python3
"""analysis/persistence_table.py on a hand-built panel: which firm-years count as persisting."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "analysis"))
from persistence_table import persistence_by_size  # noqa: E402

# (replicate, firm, year, revenue, rd_active, exited)
rows = [
    (0, 1, 2021, 1e6, 1, 0), (0, 1, 2022, 1e6, 1, 0),    # small, persists
    (0, 2, 2021, 1e6, 1, 0), (0, 2, 2022, 1e6, 0, 0),    # small, stops
    (0, 3, 2021, 1e6, 1, 0), (0, 3, 2022, 1e6, 1, 1),    # small, exits: not counted
    (0, 4, 2021, 5e7, 1, 0), (0, 4, 2023, 5e7, 1, 0),    # medium, missing 2022: not counted
    (1, 4, 2021, 5e7, 1, 0), (1, 4, 2022, 5e7, 1, 0),    # the same id in another replicate
    (0, 5, 2021, 5e8, 0, 0), (0, 5, 2022, 5e8, 1, 0),    # large, not a performer at t
    (0, 6, 2021, 5e8, 1, 0), (0, 6, 2022, 1e6, 1, 0),    # large at t (class by t), persists
]
cols = {k: np.array([r[i] for r in rows])
        for i, k in enumerate(["replicate", "firm_id", "year", "revenue", "rd_active", "exited"])}
(small, n_small), (medium, n_medium), (large, n_large) = persistence_by_size(cols)
assert (n_small, n_medium, n_large) == (2, 1, 1), (n_small, n_medium, n_large)
assert small == 0.5, small  # firm 1 persists, firm 2 stops (firm 6's 2022 row has no 2023)
assert medium == 1.0 and large == 1.0, (medium, large)
print("persistence by size counts performers alive in both years, classed by size at t")
