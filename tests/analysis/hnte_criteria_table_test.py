#!/usr/bin/python3
"""analysis/hnte_criteria_table.py on hand-built firm-years: the band lines by year and the
"miss only" count."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "analysis"))
from hnte_criteria_table import counts_by_year  # noqa: E402
from preset_runs import hnte_rules  # noqa: E402

# (year, exited, hnte, revenue, rd_share_3y, st_staff_share, high_tech, patents, age)
ok = (0.12, 0.7, 1, 3.0)
rows = [
    (2015, 0, 0, 1e7, 0.055, *ok),   # small band at 5.5%: misses R&D only under the 2008 line
    (2016, 0, 0, 1e7, 0.055, *ok),   # meets all under the 2016 line
    (2016, 0, 0, 1e8, 0.041, 0.12, 0.5, 1, 3.0),  # medium band: misses high-tech only
    (2016, 0, 0, 1e8, 0.041, 0.05, 0.5, 1, 3.0),  # misses two: in no "only" column
    (2016, 0, 1, 1e7, 0.055, *ok),   # certified: not counted
    (2016, 1, 0, 1e7, 0.055, *ok),   # exited: not counted
    (2016, 0, 0, 3e8, 0.035, 0.12, 0.7, 0, 0.5),  # large band: misses patent and age
]
keys = ["year", "exited", "hnte", "revenue", "rd_share_3y", "st_staff_share",
        "high_tech_revenue_share", "invention_patents", "age"]
cols = {k: np.array([r[i] for r in rows]) for i, k in enumerate(keys)}
h = hnte_rules()
assert h["rules_year"] == 2016 and h["rd_share_small_before"] == 0.06, h
c = counts_by_year(cols, h)
n, meet, all_met, only = c[2015]
assert (n, all_met, only["R&D"]) == (1, 0, 1), c[2015]
n, meet, all_met, only = c[2016]
assert (n, all_met) == (4, 1), c[2016]
assert meet == {"R&D": 4, "staff": 3, "high-tech": 2, "patent": 3, "age": 3}, meet
assert only == {"R&D": 0, "staff": 0, "high-tech": 1, "patent": 0, "age": 0}, only
print("the hnte criteria table counts each criterion by the round's lines")
