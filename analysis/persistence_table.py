#!/usr/bin/python3
"""R&D persistence by firm size on the shipped presets: of the firms doing R&D in year t and
alive in t + 1, the share still doing R&D in t + 1, by revenue class in year t (below 20M,
20-200M, above 200M CNY of base-year prices), pooled over the years and panel replicates of
each preset's baseline. Peters (2009) and Mañez et al. (2009) find persistence above 90% for
large performers.

    analysis/persistence_table.py [--region yinchuan ...] [--replicates 2] [--seed 11]

Writes a markdown table to standard output (docs/VALIDATION.md, section 1).
"""
import argparse
import os
import sys

import h5py
import numpy as np

import preset_runs

CLASSES = [("< 20M", 0, 2e7), ("20-200M", 2e7, 2e8), ("> 200M", 2e8, np.inf)]


def persistence_by_size(cols):
    """(share, performer-years) per revenue class, from panel columns `replicate`, `firm_id`,
    `year`, `revenue`, `rd_active` and `exited`: performers alive at t and alive at t + 1."""
    alive = cols["exited"] == 0
    rep, firm, year = (np.asarray(cols[k])[alive].astype(np.int64)
                       for k in ("replicate", "firm_id", "year"))
    active = np.asarray(cols["rd_active"])[alive] == 1
    revenue = np.asarray(cols["revenue"])[alive]
    # One key per alive firm-year; a performer at t persists if its key at t + 1 performs.
    key = (rep << 48) ^ (firm << 12) ^ year
    order = np.argsort(key)
    sorted_key, sorted_active = key[order], active[order]
    next_key = (rep << 48) ^ (firm << 12) ^ (year + 1)
    pos = np.minimum(np.searchsorted(sorted_key, next_key), len(sorted_key) - 1)
    found = sorted_key[pos] == next_key
    still = found & sorted_active[pos]
    rows = []
    for _, lo, hi in CLASSES:
        base = active & found & (revenue >= lo) & (revenue < hi)
        n = int(base.sum())
        rows.append((still[base].sum() / n if n else float("nan"), n))
    return rows


def persistence(region, a, out):
    preset_runs.run(a, region, "baseline", [], out,
                    extra=["--panel", "--panel-replicates", str(a.replicates)])
    with h5py.File(out, "r") as f:
        g = f["panel/baseline"]
        cols = {k: g[k][:] for k in ("replicate", "firm_id", "year", "revenue", "rd_active",
                                     "exited")}
    os.remove(out)  # a panel is large
    return persistence_by_size(cols)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    preset_runs.add_arguments(p, replicates=2)
    p.set_defaults(seed=11)
    a = p.parse_args()
    print(f"Share of R&D performers in year t still performing in t + 1, by revenue in t "
          f"(base-year CNY), baseline, {a.replicates} panel replicates pooled (seed {a.seed}); "
          "performer-years in brackets.\n")
    print("| preset | " + " | ".join(name for name, _, _ in CLASSES) + " |")
    print("|---|" + "---|" * len(CLASSES))
    for region in preset_runs.presets(a, "baseline.toml"):
        rows = persistence(region, a, os.path.join(a.workdir, f"persistence-{region}.h5"))
        print(f"| {region} | " + " | ".join(f"{s:.2f} ({n})" for s, n in rows) + " |")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
