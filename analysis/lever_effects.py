#!/usr/bin/python3
"""Effect of each lever family against the baseline, with paired replicates.

For every scenarios/<region>/baseline_family_*.toml, runs `innosim run` with the baseline and the
family, then prints, at the last year, the paired effect (median and 5-95% band over
replicates) on a few indicators, and the fiscal cost of the family per extra hnte (total
outlays over the run, median, over the median extra hnte).

    analysis/lever_effects.py [--region yinchuan] [--replicates 100] [--end-year 2026]
"""
import argparse
import glob
import os
import subprocess
import sys

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDICATORS = ["rd_intensity", "hntes", "tech_smes", "carriers"]


def run(innosim, region, family, replicates, end_year, seed, out):
    subprocess.run([innosim, "run", "--region", region, "--scenario", "baseline", "--scenario", family,
                    "--replicates", str(replicates), "--end-year", str(end_year), "--seed", str(seed),
                    "--quiet", "--out", out], check=True)
    with h5py.File(out, "r") as f:
        names = [n.decode() if isinstance(n, bytes) else n for n in f["indicator"][:]]
        return f["trajectories"][:], names


def band(x):
    return np.percentile(x, 50), np.percentile(x, 5), np.percentile(x, 95)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--region", default="yinchuan")
    p.add_argument("--replicates", type=int, default=100)
    p.add_argument("--end-year", type=int, default=2026)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--innosim", default=os.path.join(ROOT, "build", "sim", "innosim"))
    p.add_argument("--workdir", default="/tmp")
    p.add_argument("--pattern", default="baseline_family_*", help="scenario files to compare with the baseline (glob, without .toml)")
    a = p.parse_args()
    families = sorted(glob.glob(os.path.join(ROOT, "scenarios", a.region, a.pattern + ".toml")))
    if not families:
        sys.exit(f"no scenarios/{a.region}/{a.pattern}.toml")
    print(f"| family | " + " | ".join(f"{i} (effect, {a.end_year})" for i in INDICATORS) +
          " | fiscal cost over the run | cost per extra hnte |")
    print("|---" * (len(INDICATORS) + 3) + "|")
    for family in families:
        name = os.path.basename(family)[:-len(".toml")].removeprefix("baseline_family_")
        out = os.path.join(a.workdir, f"effects-{a.region}-{name}.h5")
        traj, names = run(a.innosim, a.region, family, a.replicates, a.end_year, a.seed, out)
        last = traj.shape[2] - 1
        cells = []
        for ind in INDICATORS:
            k = names.index(ind)
            m, lo, hi = band(traj[1, :, last, k] - traj[0, :, last, k])
            fmt = "{:.3f}" if ind == "rd_intensity" else "{:.1f}"
            cells.append(f"{fmt.format(m)} [{fmt.format(lo)}, {fmt.format(hi)}]" + (" pp" if ind == "rd_intensity" else ""))
        cost = np.nansum(traj[1, :, 1:, names.index("fiscal_cost_total")], axis=1)
        extra = np.median(traj[1, :, last, names.index("hntes")] - traj[0, :, last, names.index("hntes")])
        per = ("no outlay" if np.median(cost) == 0 else f"{np.median(cost) / extra / 1e6:.1f}M") if extra > 0 else "no extra hnte"
        print(f"| {name} | " + " | ".join(cells) + f" | {np.median(cost) / 1e9:.3f} bn | {per} |", flush=True)


if __name__ == "__main__":
    main()
