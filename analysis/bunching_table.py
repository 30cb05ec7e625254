#!/usr/bin/python3
"""Bunching at the hnte R&D thresholds (5%, 4%, 3% by revenue band; 6% in the small band
before 2016) on the shipped presets.

For each preset, runs its baseline with the firm panel, once as shipped and once with the
notch off (`tax.hnte_rate` = the standard 25%), on the same seed, and counts, at the last year,
the firms whose reported R&D over revenue lies just above each band's threshold, in
[t, t + w), and just below it, in [t - w, t), pooled over the panel replicates. Bunching (Chen,
Liu, Suarez Serrato & Xu, AER 2021) shows as excess mass above with the notch on and not off.
Revenue bands are applied to the panel's revenue, in base-year CNY (the rules use current CNY:
the bands shift by the price level, a few percent over a plan).

    analysis/bunching_table.py [--region yinchuan ...] [--replicates 10] [--width 0.002]

Writes a markdown table to standard output (docs/VALIDATION.md, section 1).
"""
import argparse
import os
import sys

import h5py
import numpy as np

import preset_runs

BANDS = [("≤ 50M", 0, 5e7), ("50-200M", 5e7, 2e8), ("> 200M", 2e8, np.inf)]
RULES = preset_runs.hnte_rules()


def line(band, year):
    """The band's threshold in `year`'s round (the small band's was 6% before 2016)."""
    return float(preset_runs.hnte_line(band[2], year, RULES))


def counts(region, sets, a, out):
    preset_runs.run(a, region, "baseline", sets, out,
                    extra=["--panel", "--panel-replicates", str(a.replicates)])
    with h5py.File(out, "r") as f:
        g = f["panel/baseline"]
        year = g["year"][:]
        last = (year == year.max()) & (g["exited"][:] == 0)
        revenue, rd = g["revenue"][:][last], g["rd_reported"][:][last]
        hnte = g["hnte"][:][last]
    os.remove(out)  # a panel is large
    x = np.divide(rd, revenue, out=np.zeros_like(rd), where=revenue > 0)
    result = []
    for band in BANDS:
        _, lo, hi = band
        t = line(band, int(year.max()))
        in_band = (revenue > lo) & (revenue <= hi) & (rd > 0)
        result.append((int(np.sum(in_band & (x >= t) & (x < t + a.width))),
                       int(np.sum(in_band & (x >= t - a.width) & (x < t))),
                       int(np.sum(in_band & (hnte == 1)))))
    return result, int(year.max())


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    preset_runs.add_arguments(p, replicates=10)
    p.add_argument("--width", type=float, default=0.002, help="bin width, share of revenue")
    a = p.parse_args()
    regions = preset_runs.presets(a, "baseline.toml")
    print(f"Firms just above / just below each threshold (bins of {a.width * 100:g} pp), last year, "
          f"{a.replicates} replicates pooled (seed {a.seed}); notch on (as shipped) | notch off "
          "(hnte rate 25%); hnte in the band, notch on.\n")
    print("| preset | year | " + " | ".join(f"{line(b, RULES['rules_year']) * 100:g}% ({b[0]})"
                                          for b in BANDS) + " |")
    print("|---|---|" + "---|" * len(BANDS))
    for region in regions:
        on, year = counts(region, [], a, os.path.join(a.workdir, f"bunch-{region}-on.h5"))
        off, _ = counts(region, ["tax.hnte_rate=0.25"], a,
                        os.path.join(a.workdir, f"bunch-{region}-off.h5"))
        small = line(BANDS[0], year)
        cells = [f"{ua}/{ub} \\| {fa}/{fb}; hnte {h}" for (ua, ub, h), (fa, fb, _) in zip(on, off)]
        if small != RULES["rd_share_small"]:
            cells[0] = f"at {small * 100:g}%: " + cells[0]
        print(f"| {region} | {year} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
