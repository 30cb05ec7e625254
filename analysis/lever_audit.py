#!/usr/bin/python3
"""The sign of every plan lever's paired effect on business R&D, preset by preset.

For each preset with a plan (scenarios/<region>/plan.toml), and for each lever the resolved plan
enables, runs the plan and the plan with that lever switched off (`--set
levers.<lever>.enabled=false`) on the same seed, and reports the paired effect of the lever
(plan minus plan without it, replicate by replicate: common random numbers) on business R&D at
the last year. Each plan_*.toml variant is compared with the plan the same way, and the plan
with the baseline. A lever is flagged NEGATIVE when the mean effect is below zero by more than
two standard errors.

    analysis/lever_audit.py [--region yinchuan ...] [--replicates 40] [--seed 5]

Writes a markdown table to standard output (docs/VALIDATION.md, section 4).
"""
import argparse
import glob
import os
import subprocess
import sys
import tomllib

import h5py
import numpy as np

import preset_runs
from preset_runs import ROOT

INDICATOR = "business_rd"


def enabled_levers(innosim, scenario_file):
    out = subprocess.run([innosim, "--data-dir", ROOT, "check", scenario_file], check=True,
                         capture_output=True, text=True).stdout
    resolved = tomllib.loads(out[out.index("\n") + 1:])  # after the "# file: ok" line
    return sorted(k for k, v in resolved.get("levers", {}).items()
                  if isinstance(v, dict) and v.get("enabled"))


def final_values(region, scenario, sets, a, out):
    preset_runs.run(a, region, scenario, sets, out)
    with h5py.File(out, "r") as f:
        names = [n.decode() for n in f["indicator"][:]]
        years = f["time"][:]
        return f["trajectories"][0, :, -1, names.index(INDICATOR)], int(years[-1])


def row(region, what, with_it, without, year):
    d = (with_it - without) / 1e8  # 亿 CNY
    mean, se = d.mean(), d.std(ddof=1) / np.sqrt(len(d))
    lo, hi = np.percentile(d, 5), np.percentile(d, 95)
    verdict = "NEGATIVE" if mean + 2 * se < 0 else ("positive" if mean - 2 * se > 0 else "≈ 0")
    print(f"| {region} | {what} | {year} | {mean:+.3f} ± {se:.3f} | [{lo:+.3f}, {hi:+.3f}] | {verdict} |",
          flush=True)
    return verdict


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    preset_runs.add_arguments(p, replicates=40)
    a = p.parse_args()
    regions = preset_runs.presets(a, "plan.toml")
    print(f"Paired effect on {INDICATOR} (亿 CNY, base-year prices): mean ± standard error over "
          f"{a.replicates} replicates (seed {a.seed}), and the 5-95% band of the paired differences.\n")
    print("| preset | lever or variant | year | effect | 5-95% | sign |")
    print("|---|---|---|---|---|---|")
    negatives = []
    for region in regions:
        tmp = lambda name: os.path.join(a.workdir, f"audit-{region}-{name}.h5")
        plan, year = final_values(region, "plan", [], a, tmp("plan"))
        base, _ = final_values(region, "baseline", [], a, tmp("baseline"))
        if row(region, "plan against baseline", plan, base, year) == "NEGATIVE":
            negatives.append((region, "plan"))
        plan_file = os.path.join(ROOT, "scenarios", region, "plan.toml")
        for lever in enabled_levers(a.innosim, plan_file):
            without, _ = final_values(region, "plan",
                                      [f"levers.{lever}.enabled=false"], a, tmp("no-" + lever))
            if row(region, f"`{lever}` in the plan", plan, without, year) == "NEGATIVE":
                negatives.append((region, lever))
        for variant in sorted(glob.glob(os.path.join(ROOT, "scenarios", region, "plan_*.toml"))):
            name = os.path.basename(variant)[:-len(".toml")]
            values, _ = final_values(region, name, [], a, tmp(name))
            if row(region, f"`{name}` against the plan", values, plan, year) == "NEGATIVE":
                negatives.append((region, name))
    print(f"\n{len(negatives)} negative: " + (", ".join(f"{r}/{w}" for r, w in negatives) or "none"))


if __name__ == "__main__":
    sys.exit(main())
