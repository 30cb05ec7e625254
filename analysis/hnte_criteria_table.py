#!/usr/bin/python3
"""Which hnte criterion holds uncertified firms back: for each year of a preset's baseline, the
live firms without a certificate at the year end, how many meet each criterion of the rules
(docs/ODD.md 7: R&D share by revenue band, S&T staff share, high-tech revenue share, an
invention patent, age), how many meet all of them (eligible, not certified this round), and how
many miss one criterion only, by criterion. Pooled over the panel replicates.

Revenue bands are applied to the panel's revenue, in base-year CNY (the rules use current CNY);
the small band's line is the round's (6% before hnte.rules_year). Thresholds come from
configs/model.toml; a preset that overrides them is not read.

    analysis/hnte_criteria_table.py [--region ningxia_2017 ...] [--replicates 2] [--seed 5]

Writes a markdown table to standard output (docs/CALIBRATION.md).
"""
import argparse
import os
import sys

import h5py
import numpy as np

import preset_runs

CRITERIA = ("R&D", "staff", "high-tech", "patent", "age")
MIN_AGE = 1  # years (sim/phases/certification.h, kHnteMinAgeYears)


def criteria(cols, h):
    """Per firm-year of panel columns `cols`, a boolean per criterion (dict of arrays)."""
    line = preset_runs.hnte_line(cols["revenue"], cols["year"], h)
    return {"R&D": np.asarray(cols["rd_share_3y"]) >= line,
            "staff": np.asarray(cols["st_staff_share"]) >= h["rd_staff_share_min"],
            "high-tech": np.asarray(cols["high_tech_revenue_share"]) >= h["high_tech_revenue_min"],
            "patent": np.asarray(cols["invention_patents"]) >= 1,
            "age": np.asarray(cols["age"]) >= MIN_AGE}


def counts_by_year(cols, h):
    """{year: (uncertified, {criterion: meeting}, all met, {criterion: missing it alone})}."""
    met = criteria(cols, h)
    live = (np.asarray(cols["exited"]) == 0) & (np.asarray(cols["hnte"]) == 0)
    n_met = sum(met[c].astype(int) for c in CRITERIA)
    out = {}
    year = np.asarray(cols["year"])
    for y in np.unique(year[live]):
        m = live & (year == y)
        only = {c: int(np.sum(m & ~met[c] & (n_met == len(CRITERIA) - 1))) for c in CRITERIA}
        out[int(y)] = (int(m.sum()), {c: int(np.sum(m & met[c])) for c in CRITERIA},
                       int(np.sum(m & (n_met == len(CRITERIA)))), only)
    return out


def table(region, a, out):
    preset_runs.run(a, region, "baseline", [], out,
                    extra=["--panel", "--panel-replicates", str(a.replicates)])
    keys = ("year", "exited", "hnte", "revenue", "rd_share_3y", "st_staff_share",
            "high_tech_revenue_share", "invention_patents", "age")
    with h5py.File(out, "r") as f:
        g = f["panel/baseline"]
        cols = {k: g[k][:] for k in keys}
    os.remove(out)  # a panel is large
    return counts_by_year(cols, preset_runs.hnte_rules())


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    preset_runs.add_arguments(p, replicates=2)
    a = p.parse_args()
    regions = a.region or ["ningxia_2017"]
    print(f"Uncertified live firms at the year end, {a.replicates} replicates pooled (seed "
          f"{a.seed}): meeting each criterion; meeting all; missing one criterion only.\n")
    print("| preset | year | uncertified | " + " | ".join(f"meet {c}" for c in CRITERIA) +
          " | meet all | " + " | ".join(f"miss only {c}" for c in CRITERIA) + " |")
    print("|---|---|---|" + "---|" * (2 * len(CRITERIA) + 1))
    for region in regions:
        for y, (n, meet, all_met, only) in table(
                region, a, os.path.join(a.workdir, f"criteria-{region}.h5")).items():
            print(f"| {region} | {y} | {n} | " + " | ".join(str(meet[c]) for c in CRITERIA) +
                  f" | {all_met} | " + " | ".join(str(only[c]) for c in CRITERIA) + " |",
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
